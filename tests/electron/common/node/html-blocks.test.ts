import { describe, expect, it } from 'vitest';
import { htmlToBlocks, htmlToText } from '../../../../electron/common/node/html-blocks.ts';

describe('blocks that hold blocks', () => {
  it('keep a quote’s speaker on a line of their own, not run into the quote', () => {
    const text = htmlToText('<blockquote><p>We will be watching every penny.</p><p>— Ana Ruiz</p></blockquote>');
    expect(text).toBe('We will be watching every penny.\n— Ana Ruiz');
  });

  it('break between the paragraphs of a list item or a table cell', () => {
    expect(htmlToText('<ul><li><p>Ferries</p><p>run hourly</p></li></ul>')).toBe('Ferries\nrun hourly');
    expect(htmlToText('<table><tr><td><p>North</p><p>pier</p></td><td>open</td></tr></table>')).toBe('North\npier open');
  });

  it('leave a quote of inline text as one line, its formatting kept', () => {
    const [quote] = htmlToBlocks('<blockquote>plain <b>quote</b> text</blockquote>');
    expect(quote).toEqual({ kind: 'quote', runs: [{ text: 'plain ' }, { text: 'quote', bold: true }, { text: ' text' }] });
  });
});

describe('HTML that was never sanitized (a feed’s description)', () => {
  it('gives no script or style as words, and an unclosed one does not swallow the markup around it', () => {
    expect(htmlToText('Ferries <script>alert(1)</script>run <style>p{}</style>hourly')).toBe('Ferries run hourly');
    expect(htmlToText('Ferry crews walk out <script>')).toBe('Ferry crews walk out');
    expect(htmlToText('<p>North pier</p><textarea>open')).toBe('North pier\n\nopen');
  });
});
