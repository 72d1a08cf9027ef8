import type { DomDocument, DomElement } from '../../common/node/html-dom.ts';
import { normalizeSpace } from '../../common/text.ts';
import { comparableText } from './story-furniture.ts';

/**
 * The page made ready for Readability: what it would throw away that belongs to the story is
 * moved where it keeps it, and what it would keep that belongs to the site goes first.
 */
export function prepareStoryParts(document: DomDocument, headline: string | null): void {
  removeFollowingArticles(document, headline);
  keepQuoteAttributions(document);
  removeAuthorBoxes(document);
  removeBackLinks(document);
}

/**
 * A page that loads the next story as the reader scrolls holds it when saved: several
 * `<article>`s side by side, each with its own heading, and Readability takes the container
 * of them all. The one headed with the page's headline is the story; the others go. Nothing
 * is taken unless exactly one is so headed (a live blog's posts are headed with their own).
 */
function removeFollowingArticles(document: DomDocument, headline: string | null): void {
  if (!headline) return;
  const articles = Array.from(document.querySelectorAll('article')).filter((article) => !article.parentElement?.closest('article'));
  if (articles.length < 2) return;
  const headingOf = (article: DomElement) => comparableText(article.querySelector('h1, h2, h3')?.textContent ?? '');
  const wanted = comparableText(headline);
  const own = articles.filter((article) => headingOf(article) === wanted);
  if (own.length !== 1) return;
  for (const article of articles) if (article !== own[0] && headingOf(article)) article.remove();
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
