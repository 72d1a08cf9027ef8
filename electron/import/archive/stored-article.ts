import { htmlToText } from '../../common/node/html-blocks.ts';
import type { NewSavedArticle } from '../../library/saved-articles.ts';
import { collectImages } from '../html/images.ts';
import { withoutRepeatedTitle } from '../html/repeated-title.ts';
import { sanitizeForLibrary } from '../html/sanitize.ts';
import { savedLink, type LinkEntry } from './saved-link.ts';
import { isLeftOut, type LeftOutEntry } from '../types.ts';

export interface StoredEntry extends LinkEntry {
  /** The article's HTML as the other app kept it. */
  html?: string | null;
  byline?: string;
  dek?: string;
  publishedAt?: number | null;
  language?: string | null;
}

/**
 * An entry another read-later app had already downloaded: its HTML is sanitized and its
 * embedded pictures kept, like any page. Without usable text it is kept as a saved link.
 */
export async function storedArticle(entry: StoredEntry): Promise<NewSavedArticle | LeftOutEntry> {
  const link = savedLink(entry);
  if (isLeftOut(link)) return link;
  // What the other app knew of the story is kept even when it kept no text of it.
  const known = {
    ...link,
    byline: entry.byline ?? '',
    dek: entry.dek ?? '',
    publishedAt: entry.publishedAt ?? null,
    language: entry.language ?? null,
  };
  if (!entry.html?.trim()) return known;
  const images = await collectImages(entry.html, { pageUrl: link.sourceUrl ?? null, path: null });
  const html = withoutRepeatedTitle(sanitizeForLibrary(images.html), link.title);
  const text = htmlToText(html);
  if (!text) return known;
  return {
    ...known,
    html,
    text,
    media: images.media,
    linkOnly: false,
  };
}
