import { DatelineError } from '../../common/errors.ts';
import type { NewSavedArticle } from '../../library/saved-articles.ts';
import { decodeHtml, readWebPage } from '../formats/html.ts';
import { fetchResource, IMAGE_LIMITS, PAGE_LIMITS } from './fetch.ts';

export interface DownloadOptions {
  /** Whether the page's pictures are downloaded too (a newsroom's policy may forbid it). */
  images: boolean;
  /** Intranet hosts the newsroom's policy allows (address-guard.ts). */
  allowHosts?: readonly string[];
  signal?: AbortSignal;
}

/**
 * A web page downloaded and read as an article, its pictures fetched and stored with it.
 * A picture that cannot be downloaded becomes a placeholder; the page itself must arrive.
 */
export async function downloadArticle(address: string, options: DownloadOptions): Promise<NewSavedArticle> {
  const page = await fetchResource(address, { ...PAGE_LIMITS, signal: options.signal, allowHosts: options.allowHosts });
  const type = page.contentType.split(';')[0]!.trim().toLowerCase();
  if (type && type !== 'text/html' && type !== 'application/xhtml+xml') {
    throw new DatelineError('UNSUPPORTED', `The address leads to ${type}, not a web page.`);
  }
  const fetchImage = options.images
    ? async (url: string) => (await fetchResource(url, { ...IMAGE_LIMITS, signal: options.signal, allowHosts: options.allowHosts })).bytes
    : undefined;
  const article = await readWebPage(decodeHtml(page.bytes, page.contentType), { path: null, url: page.url, fetchImage });
  return { ...article, sourceUrl: article.sourceUrl ?? page.url };
}
