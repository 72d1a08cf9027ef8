import type { NewSavedArticle } from '../../library/saved-articles.ts';
import { readWebPage } from '../formats/html.ts';

/** A page as the browser extension sent it: the DOM as rendered, and the pictures it showed. */
export interface CapturedPageJob {
  url: string;
  html: string;
  images: { url: string; bytes: Uint8Array }[];
}

/**
 * Reads a page saved from the browser like any saved web page (Readability, metadata,
 * related links, sanitizing), with one difference: its pictures come with it, taken from
 * what the browser had, so nothing is fetched again and a picture behind a login is kept.
 * A picture the extension could not send becomes the usual placeholder.
 */
export function readCapturedPage(job: CapturedPageJob): Promise<NewSavedArticle> {
  const pictures = new Map<string, Uint8Array>();
  for (const image of job.images) pictures.set(normalised(image.url), image.bytes);
  return readWebPage(job.html, {
    path: null,
    url: job.url,
    fetchImage: async (url) => pictures.get(normalised(url)) ?? null,
  });
}

/** One spelling per address, so `a.jpg?x` named relatively and absolutely meet. */
function normalised(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}
