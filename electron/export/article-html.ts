import type { Article } from '../common/model.ts';
import { escapeHtml } from '../common/text.ts';
import { bylineLine } from './byline.ts';

/**
 * What standalone exports (web page, EPUB chapter) put above the story: headline, dek,
 * byline, the dateline on a line of its own (so an importer can tell it from the source and
 * date), source and date.
 */
export function articleHeaderHtml(article: Article, headline = article.title): string {
  const meta = [article.sourceName, article.publishedAt?.slice(0, 10)]
    .filter(Boolean)
    .map((part) => escapeHtml(part!))
    .join(' · ');
  return `<h1>${escapeHtml(headline)}</h1>
${article.dek ? `<p class="dek">${escapeHtml(article.dek)}</p>` : ''}
${article.byline ? `<p class="byline">${escapeHtml(bylineLine(article.byline))}</p>` : ''}
${article.dateline ? `<p class="dateline">${escapeHtml(article.dateline)}</p>` : ''}
${meta ? `<p class="meta">${meta}</p>` : ''}`;
}

/** The related links after the story; only web addresses stay links. */
export function relatedHtml(article: Article): string {
  if (article.related.length === 0) return '';
  const items = article.related.map(
    (link) =>
      `<li>${link.url && /^https?:/i.test(link.url) ? `<a href="${escapeHtml(link.url)}">${escapeHtml(link.title)}</a>` : escapeHtml(link.title)}</li>`,
  );
  return `<section class="related"><h2>Related</h2><ul>${items.join('')}</ul></section>`;
}
