import type { DomDocument } from '../../common/node/html-dom.ts';
import { countWords, normalizeSpace } from '../../common/text.ts';

/** Where templates put the standfirst, the sentence or two under the headline. */
const STANDFIRST =
  '[class*="standfirst" i], [class*="dek" i], [class*="strapline" i], [class*="subheadline" i], [class*="sub-headline" i], [class*="article-summary" i], [itemprop="description"]';
/** Longer than this, a block marked as a standfirst is the story itself in a misnamed box. */
const MAX_STANDFIRST_WORDS = 60;

/**
 * The page's standfirst, taken out of the page so the story does not open with it again (the
 * reading view prints it under the headline). It is taken when it says what the page's own
 * description says, or when the page has no description; returns the dek to keep.
 */
export function takeStandfirst(document: DomDocument, description: string | null): string | null {
  const wanted = normalizeSpace(description ?? '').toLowerCase();
  for (const element of Array.from(document.querySelectorAll(STANDFIRST))) {
    if (element.tagName === 'META' || element.closest('a, nav, header.masthead, footer, aside')) continue;
    const text = normalizeSpace(element.textContent ?? '');
    if (!text || countWords(text) > MAX_STANDFIRST_WORDS || element.querySelector('p + p')) continue;
    if (wanted && text.toLowerCase() !== wanted) continue;
    element.remove();
    return description ?? text;
  }
  return description;
}
