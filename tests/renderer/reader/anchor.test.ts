// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { describeRange, indexText, locate, rangeOf, unwrapAll, wrapRange } from '../../../renderer/src/reader/highlights/anchor.ts';

function body(html: string): HTMLElement {
  const element = document.createElement('div');
  element.innerHTML = html;
  return element;
}

/** A range over the first occurrence of `text` in the element's text content. */
function select(root: HTMLElement, text: string, occurrence = 0): Range {
  const index = indexText(root);
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = index.text.indexOf(text, at + 1);
  if (at < 0) throw new Error(`"${text}" is not in the text`);
  return rangeOf(index, [at, at + text.length]);
}

function placed(root: HTMLElement, anchor: Parameters<typeof locate>[1]): string | null {
  const index = indexText(root);
  const found = locate(index, anchor);
  return found ? index.text.slice(...found) : null;
}

const STORY =
  '<h2>Ferry strike</h2>\n<p>The  ferry  crews walked out on <em>Monday</em>.</p>\n<p>The ferry crews said pay was the issue.</p>';

describe('highlight anchors', () => {
  it('reads blocks with a space between them and whitespace collapsed', () => {
    expect(indexText(body(STORY)).text).toBe('Ferry strike The ferry crews walked out on Monday. The ferry crews said pay was the issue.');
    expect(indexText(body('<p>one</p><p>two</p>')).text).toBe('one two');
  });

  it('describes a selection that crosses inline elements, with its context and offset', () => {
    const root = body(STORY);
    const anchor = describeRange(indexText(root), select(root, 'out on Monday'));
    expect(anchor).toEqual({
      quote: 'out on Monday',
      prefix: 'y strike The ferry crews walked ',
      suffix: '. The ferry crews said pay was t',
      position: 36,
    });
  });

  it('places a repeated quote by its context, not the first time it appears', () => {
    const root = body(STORY);
    const anchor = describeRange(indexText(root), select(root, 'The ferry crews', 1))!;
    const index = indexText(root);
    expect(locate(index, anchor)).toEqual([anchor.position, anchor.position! + 'The ferry crews'.length]);
    expect(anchor.position).toBe(index.text.lastIndexOf('The ferry crews'));
  });

  it('reattaches after the HTML is re-sanitized and text is added before it', () => {
    const root = body(STORY);
    const anchor = describeRange(indexText(root), select(root, 'pay was the issue'))!;
    const changed = body(
      `<div><p>Updated at noon.</p><h2>Ferry   strike</h2><p>The ferry crews walked out on Monday.</p><p>The ferry crews said <strong>pay</strong> was the issue.</p></div>`,
    );
    expect(placed(changed, anchor)).toBe('pay was the issue');
  });

  it('places a lightly edited quote between its old surroundings', () => {
    const root = body(STORY);
    const anchor = describeRange(indexText(root), select(root, 'said pay was'))!;
    const edited = body(STORY.replace('said pay was', 'said wages were'));
    expect(placed(edited, anchor)).toBe('said wages were');
  });

  it('gives up on a quote that is gone rather than guessing', () => {
    const root = body(STORY);
    const anchor = describeRange(indexText(root), select(root, 'walked out'))!;
    expect(placed(body('<p>Something else entirely, with no ferry in it.</p>'), anchor)).toBeNull();
  });

  it('places a quote that came without context (imported from another app) where it first appears', () => {
    expect(placed(body(STORY), { quote: 'ferry\n crews', prefix: '', suffix: '', position: null })).toBe('ferry crews');
  });

  it('wraps a range across elements in marks and takes them out again, leaving the text as it was', () => {
    const root = body(STORY);
    const before = root.innerHTML;
    const marks = wrapRange(select(root, 'out on Monday. The ferry'), () => {
      const mark = document.createElement('mark');
      mark.dataset.highlightId = '1';
      return mark;
    });
    expect(marks.map((mark) => mark.textContent)).toEqual(['out on ', 'Monday', '.', 'The ferry']);
    expect(root.querySelector('em mark')?.textContent).toBe('Monday');
    expect(indexText(root).text).toBe(indexText(body(STORY)).text);
    unwrapAll(root, 'mark[data-highlight-id]');
    expect(root.innerHTML).toBe(before);
  });
});
