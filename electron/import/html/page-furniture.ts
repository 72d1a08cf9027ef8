import type { DomDocument } from '../../common/node/html-dom.ts';
import { normalizeSpace } from '../../common/text.ts';

/**
 * The page made ready for Readability: what it would throw away that belongs to the story is
 * moved where it keeps it, and what it would keep that belongs to the site goes first.
 */
export function prepareStoryParts(document: DomDocument): void {
  keepQuoteAttributions(document);
  removeAuthorBoxes(document);
  removeBackLinks(document);
}

/**
 * "— Union leader Tom Field" in a quote's <footer>: Readability drops every <footer>, the
 * quote's own attribution with the site's. Inside a quote it becomes a paragraph.
 */
function keepQuoteAttributions(document: DomDocument): void {
  for (const footer of Array.from(document.querySelectorAll('blockquote footer'))) {
    const paragraph = document.createElement('p');
    paragraph.innerHTML = footer.innerHTML;
    footer.replaceWith(paragraph);
  }
}

const AUTHOR_BOX =
  /(^|[-_\s])(author-?bio|author-?info|author-?box|author-?card|about-?(the-?)?author|contributor-?bio|bio-?box)([-_\s]|$)/i;
/** Longer than this, a block so named is more than a note about the writer. */
const MAX_AUTHOR_BOX_WORDS = 80;

/** "Ana Ruiz is the paper's transport reporter. Reach her at …": the site's box about its writer. */
function removeAuthorBoxes(document: DomDocument): void {
  for (const element of Array.from(document.querySelectorAll('div, section, aside, p'))) {
    if (!AUTHOR_BOX.test(`${element.id} ${element.className}`)) continue;
    if (normalizeSpace(element.textContent ?? '').split(' ').length <= MAX_AUTHOR_BOX_WORDS) element.remove();
  }
}

/** A footnote's "↩" back to where it was cited: a link within the page, which the library has no use for. */
function removeBackLinks(document: DomDocument): void {
  for (const link of Array.from(document.querySelectorAll('a[href^="#"]'))) {
    if (/^[\s↩↑⤴^]+$/u.test(link.textContent ?? '') && (link.textContent ?? '').trim()) link.remove();
  }
}
