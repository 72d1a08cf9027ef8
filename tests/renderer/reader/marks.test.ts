// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../../electron/common/model.ts';
import { indexText, rangeOf } from '../../../renderer/src/reader/highlights/anchor.ts';
import { MARK_SELECTOR, paint } from '../../../renderer/src/reader/highlights/marks.ts';

function story(html: string): HTMLElement {
  const element = document.createElement('div');
  element.innerHTML = html;
  document.body.replaceChildren(element);
  return element;
}

function highlightOf(root: HTMLElement, quote: string, id = 1): Highlight {
  const position = indexText(root).text.indexOf(quote);
  return {
    id,
    articleId: 1,
    quote,
    prefix: '',
    suffix: '',
    position,
    color: 'yellow',
    note: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

function select(root: HTMLElement, text: string): void {
  const index = indexText(root);
  const at = index.text.indexOf(text);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(rangeOf(index, [at, at + text.length]));
}

describe('paint', () => {
  it('marks each highlight and reports the ones it cannot place', () => {
    const root = story('<p>The council met for two years of objections.</p>');
    const lost = paint(root, [
      highlightOf(root, 'two years'),
      { ...highlightOf(root, 'council'), id: 2, quote: 'parliament', position: null },
    ]);
    expect([...root.querySelectorAll(MARK_SELECTOR)].map((mark) => mark.textContent)).toEqual(['two years']);
    expect([...lost]).toEqual([2]);
  });

  it('keeps the reader’s selection when the list is repainted under it (a reload while selecting)', () => {
    const root = story('<p>The council met for two years of objections, and then <em>voted</em> at last.</p>');
    const first = [highlightOf(root, 'two years of objections')];
    paint(root, first);
    select(root, 'years of');
    paint(root, [...first]);
    expect(getSelection()!.toString()).toBe('years of');
    select(root, 'then voted at');
    paint(root, []);
    expect(getSelection()!.toString()).toBe('then voted at');
    expect(root.querySelectorAll(MARK_SELECTOR)).toHaveLength(0);
  });

  it('leaves a selection outside the story alone', () => {
    const root = story('<p>The council met.</p>');
    const outside = document.createElement('p');
    outside.textContent = 'elsewhere';
    document.body.append(outside);
    const range = document.createRange();
    range.selectNodeContents(outside);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    paint(root, [highlightOf(root, 'council')]);
    expect(getSelection()!.toString()).toBe('elsewhere');
  });
});
