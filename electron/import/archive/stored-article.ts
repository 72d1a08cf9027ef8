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
  const found = savedLink(entry);
  // With no address at all, the text itself is the article (a feed's item that links
  // nowhere, a newsletter's): it is kept without one. A bad address is still left out.
  const addressless = isLeftOut(found) && entry.url.trim() === '' && Boolean(entry.html?.trim());
  if (isLeftOut(found) && !addressless) return found;
  const link: NewSavedArticle = isLeftOut(found)
    ? {
        title: entry.title?.trim() || '',
        html: '',
        text: '',
        sourceUrl: null,
        tags: entry.tags ?? [],
        createdAt: entry.createdAt ?? undefined,
        read: entry.read,
        archived: entry.archived,
        favorite: entry.favorite,
        highlights: entry.highlights,
      }
    : found;
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
  if (!text) return addressless ? (found as LeftOutEntry) : known;
  return {
    ...known,
    title: known.title || firstWords(text),
    html,
    text,
    media: images.media,
    linkOnly: false,
  };
}

/** A title for an article that came without one: its first words. */
function firstWords(text: string): string {
  const words = text.split(/\s+/).filter(Boolean).slice(0, 10).join(' ');
  return words.length > 80 ? `${words.slice(0, 79)}…` : words || 'Untitled';
}
