import type { Highlight } from '../../../../electron/common/model.ts';
import { describeRange, indexText, locate, rangeOf, unwrapAll, wrapRange } from './anchor.ts';

/** The <mark>s the reading view paints highlights with. */
export const MARK_SELECTOR = 'mark[data-highlight-id]';

/**
 * Marks every highlight in the story afresh; returns those that could not be placed. The
 * reader's selection in the story survives: repainting replaces the text nodes it lies in,
 * and a list reloaded while someone selects (another window's change, the echo of their own)
 * would otherwise leave nothing selected for the key they are about to press.
 */
export function paint(root: HTMLElement, highlights: Highlight[]): Set<number> {
  const selected = selectedSpan(root);
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
  if (selected) reselect(root, selected);
  return lost;
}

/** Where the selection lies in the story's text, if it lies there. */
function selectedSpan(root: HTMLElement): [number, number] | null {
  const selection = root.ownerDocument.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const anchor = describeRange(indexText(root), range);
  return anchor ? [anchor.position!, anchor.position! + anchor.quote.length] : null;
}

function reselect(root: HTMLElement, span: [number, number]): void {
  const index = indexText(root);
  if (span[1] > index.text.length) return;
  const selection = root.ownerDocument.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(rangeOf(index, span));
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
