import type { Highlight } from '../../../../electron/common/model.ts';
import { indexText, locate, rangeOf, unwrapAll, wrapRange } from './anchor.ts';

/** The <mark>s the reading view paints highlights with. */
export const MARK_SELECTOR = 'mark[data-highlight-id]';

/** Marks every highlight in the story afresh; returns those that could not be placed. */
export function paint(root: HTMLElement, highlights: Highlight[]): Set<number> {
  unwrapAll(root, MARK_SELECTOR);
  const lost = new Set<number>();
  for (const highlight of highlights) {
    // Wrapping splits text nodes, so each highlight is placed on a fresh index of the text.
    const index = indexText(root);
    const found = locate(index, highlight);
    if (!found) {
      lost.add(highlight.id);
      continue;
    }
    wrapRange(rangeOf(index, found), () => markFor(highlight));
  }
  return lost;
}

function markFor(highlight: Highlight): HTMLElement {
  const mark = document.createElement('mark');
  mark.className = 'highlight';
  mark.dataset.highlightId = String(highlight.id);
  mark.dataset.color = highlight.color;
  if (highlight.note) mark.title = highlight.note;
  return mark;
}

/** Brings a highlight into view in the story and flashes it. */
export function revealHighlight(body: HTMLElement | null, id: number): void {
  const marks = Array.from(body?.querySelectorAll<HTMLElement>(`${MARK_SELECTOR}[data-highlight-id="${id}"]`) ?? []);
  if (marks.length === 0) return;
  marks[0]!.scrollIntoView({ block: 'center' });
  for (const mark of marks) {
    mark.classList.remove('flash');
    void mark.offsetWidth;
    mark.classList.add('flash');
  }
}
