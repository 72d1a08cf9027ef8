import { describe, expect, it } from 'vitest';
import { parseBody, parseDocument } from '../../../../electron/common/node/html-dom.ts';
import { takeDateline, takeMarkedDateline } from '../../../../electron/import/html/dateline.ts';

describe('a document’s own dateline', () => {
  it('on a line of its own before the story is taken out of the body', () => {
    const body = parseBody('<p class="dateline">KYIV, Ukraine —</p><p>The talks resumed.</p>');
    expect(takeDateline(body)).toBe('KYIV, Ukraine —');
    expect(body.innerHTML).toBe('<p>The talks resumed.</p>');
  });

  it('running into the first paragraph goes with its dash, and the paragraph keeps its words', () => {
    const body = parseBody('<p><span class="dateline">KYIV, Ukraine</span> — The talks <em>resumed</em>.</p>');
    expect(takeDateline(body)).toBe('KYIV, Ukraine');
    expect(body.innerHTML).toBe('<p>The talks <em>resumed</em>.</p>');
  });

  it('is left alone where the line marked so is a date, is past the story’s start, or sits inside a sentence', () => {
    for (const html of [
      '<p class="dateline">Updated 5:04 p.m. March 3, 2024</p><p>The talks resumed.</p>',
      '<p>One.</p><p>Two.</p><p>Three.</p><p>Four.</p><p class="dateline">KYIV —</p>',
      '<p>The talks in <span class="dateline">KYIV</span> resumed.</p>',
    ]) {
      const body = parseBody(html);
      expect(takeDateline(body), html).toBeNull();
      expect(body.innerHTML).toBe(html);
    }
  });

  it('on a web page: a marked line is taken, one in the page’s furniture or holding a date is not', () => {
    const page = parseDocument(
      '<html><body><footer><p class="dateline">LONDON —</p></footer><article><p class="dateline">May 3, 2024</p><h1>Talks</h1><p class="dateline">KYIV —</p><p>Resumed.</p></article></body></html>',
    );
    expect(takeMarkedDateline(page.body)).toBe('KYIV —');
    expect(page.body.querySelectorAll('.dateline').length).toBe(2);
    expect(takeMarkedDateline(parseDocument('<html><body><p>No dateline.</p></body></html>').body)).toBeNull();
  });
});

describe('a dateline that was its paragraph’s only words', () => {
  it('takes the emptied paragraph with it', () => {
    const body = parseBody('<p><span class="dateline">KYIV —</span></p><ul><li>Talks resumed.</li></ul>');
    expect(takeDateline(body)).toBe('KYIV —');
    expect(body.innerHTML).toBe('<ul><li>Talks resumed.</li></ul>');
  });
});
