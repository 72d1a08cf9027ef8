import { htmlToText } from '../../common/node/html-blocks.ts';
import { MAX_TREE_DEPTH, parseBody, treeDepth } from '../../common/node/html-dom.ts';
import { DatelineError } from '../../common/errors.ts';
import { normalizeSpace } from '../../common/text.ts';
import type { NewSavedArticle } from '../../library/saved-articles.ts';
import { takeBylineLine } from './byline-line.ts';
import { takeDateline } from './dateline.ts';
import { takeDekLine } from './dek-line.ts';
import { collectImages } from './images.ts';
import { withoutRepeatedTitle } from './repeated-title.ts';
import { sanitizeForLibrary } from './sanitize.ts';

export interface DocumentFields {
  title?: string;
  byline?: string;
  dek?: string;
  dateline?: string;
  publishedAt?: number | null;
  tags?: string[];
  sourceUrl?: string | null;
}

/**
 * An article from a document's own HTML (Markdown, Word): the headline is the one given, or
 * the first top-level heading (taken out of the body), or the file's name; the byline, dek
 * and dateline likewise the ones given, or the document's own lines marked as such. A body
 * opening with the given headline again does not show it twice.
 */
export async function articleFromDocumentHtml(html: string, path: string, fields: DocumentFields): Promise<NewSavedArticle> {
  const body = parseBody(html);
  if (treeDepth(body) > MAX_TREE_DEPTH)
    throw new DatelineError('IMPORT_FAILED', 'This document is built too deeply to read as an article.');
  let title = fields.title?.trim() || null;
  if (!title) {
    const heading = body.querySelector('h1');
    if (heading) {
      title = normalizeSpace(heading.textContent ?? '') || null;
      heading.remove();
    }
  }
  const byline = fields.byline?.trim() || takeBylineLine(body) || '';
  const dek = fields.dek?.trim() || takeDekLine(body) || '';
  const dateline = fields.dateline?.trim() || takeDateline(body) || '';
  const images = await collectImages(body.innerHTML, { pageUrl: null, path });
  const clean = withoutRepeatedTitle(sanitizeForLibrary(images.html), title);
  const text = htmlToText(clean);
  if (!text) throw new DatelineError('IMPORT_FAILED', 'The file holds no text.');
  return {
    title: title ?? (path.split(/[\\/]/).pop() ?? 'Untitled').replace(/\.[^.]+$/, ''),
    byline,
    dek,
    dateline,
    publishedAt: fields.publishedAt ?? null,
    sourceUrl: fields.sourceUrl ?? null,
    canonicalUrl: fields.sourceUrl ?? null,
    tags: fields.tags,
    html: clean,
    text,
    media: images.media,
  };
}
