import { TEXT_NODE, type DomElement } from '../../common/node/html-dom.ts';
import { normalizeSpace } from '../../common/text.ts';

/** Longer than this, a line marked as the dateline is not one. */
const MAX_DATELINE_CHARS = 80;
/** How far into a story its dateline may stand on a line of its own. */
const LEADING_BLOCKS = 4;
/** The dash (and space) between a run-in dateline and the story's first words. */
const RUN_IN_DASH = /^\s*[—–-]?\s*/;

/**
 * A line marked as a dateline, if it can be one: a place is a few words and no digits, where
 * a line marked so that holds a digit is a date or a time ("Updated 5:04 p.m.").
 */
function placeLine(text: string): string | null {
  const line = normalizeSpace(text);
  return line && line.length <= MAX_DATELINE_CHARS && !/\d/.test(line) ? line : null;
}

/**
 * A story's own dateline, where its markup marks one (class "dateline": Dateline's web page
 * and EPUB exports, and Word's Dateline style as the Word reader maps it), taken out of the
 * body so the story does not open with it twice. It stands on a line of its own before the
 * story, or runs into the first paragraph ("KYIV, Ukraine — The talks…"), whose dash goes
 * with it. Null when there is none; an unmarked place at the start of a paragraph stays text.
 */
export function takeDateline(body: DomElement): string | null {
  const marked = body.querySelector('.dateline');
  if (!marked) return null;
  const place = placeLine(marked.textContent ?? '');
  if (!place) return null;
  const blocks = Array.from(body.children).slice(0, LEADING_BLOCKS);
  if (blocks.includes(marked)) {
    marked.remove();
    return place;
  }
  const paragraph = marked.parentElement;
  if (paragraph?.tagName !== 'P' || !blocks.includes(paragraph) || paragraph.childNodes[0] !== marked) return null;
  marked.remove();
  const after = paragraph.childNodes[0];
  if (after?.nodeType === TEXT_NODE) after.textContent = (after.textContent ?? '').replace(RUN_IN_DASH, '');
  // The dateline was the whole paragraph (a story with none to run it into).
  if (paragraph.children.length === 0 && !normalizeSpace(paragraph.textContent ?? '')) paragraph.remove();
  return place;
}

/**
 * A web page's dateline, where the page marks one on a line of its own (`<p class="dateline">`,
 * as Dateline's web page export writes it), taken out of the page. Lines so marked that hold
 * a date or are part of the page's furniture are left alone.
 */
export function takeMarkedDateline(root: DomElement): string | null {
  for (const marked of Array.from(root.querySelectorAll('p.dateline, div.dateline'))) {
    if (marked.closest('nav, footer, aside')) continue;
    const place = placeLine(marked.textContent ?? '');
    if (!place) continue;
    marked.remove();
    return place;
  }
  return null;
}
