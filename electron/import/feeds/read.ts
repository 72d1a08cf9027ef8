import { DatelineError } from '../../common/errors.ts';
import { parseDocument } from '../../common/node/html-dom.ts';
import { countWords } from '../../common/text.ts';
import type { NewSavedArticle } from '../../library/saved-articles.ts';
import { storedArticle } from '../archive/stored-article.ts';
import { decodeFeed, readFeed } from '../formats/feed.ts';
import { absoluteUrl } from '../html/metadata.ts';
import { isLeftOut } from '../types.ts';

/** Past this many items a fetch is cut: no feed a site publishes holds more. */
const MAX_ITEMS = 1000;
/** Past this many links to feeds, a page's are not looked at (a hostile page lists thousands). */
const MAX_FEED_LINKS = 20;

/** What a fetched address turned out to be: a feed read into articles, or a page naming its feeds. */
export type FeedRead =
  | {
      kind: 'feed';
      title: string;
      siteUrl: string | null;
      items: { key: string; article: NewSavedArticle }[];
      /** Items that could not be kept (no address, no title), by count. */
      leftOut: number;
    }
  | { kind: 'page'; feeds: string[] };

const FEED_TYPES = /^application\/(rss\+xml|atom\+xml|feed\+json|rdf\+xml)$/i;

/**
 * Reads what a feed's address sent (in the import worker): each item sanitized and made an
 * article as a feed file's are, or, for a web page, the feeds it names in its head.
 */
export async function readFetched(url: string, bytes: Uint8Array, contentType: string): Promise<FeedRead> {
  const text = decodeFeed(bytes, contentType);
  const feed = readFeed(text, url);
  if (feed) {
    const items: { key: string; article: NewSavedArticle }[] = [];
    let leftOut = 0;
    for (const item of feed.items.slice(0, MAX_ITEMS)) {
      const entry = await storedArticle(item);
      if (isLeftOut(entry)) {
        leftOut += 1;
        continue;
      }
      const article = { ...entry, sourceName: feed.title || entry.sourceName, wordCount: countWords(entry.text) };
      items.push({ key: item.key, article });
    }
    return { kind: 'feed', title: feed.title, siteUrl: feed.siteUrl, items, leftOut };
  }
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  // Sites send pages as feeds and feeds as pages: what it is, is what it holds.
  if (type === 'text/html' || type === 'application/xhtml+xml' || /^\s*(<!doctype html|<html[\s>])/i.test(text.slice(0, 4096))) {
    return { kind: 'page', feeds: feedLinks(text, url) };
  }
  throw new DatelineError('IMPORT_FAILED', notAFeed(type, text));
}

/** The feeds a page names (`<link rel="alternate" type="application/rss+xml" href>`), in its order. */
export function feedLinks(html: string, pageUrl: string): string[] {
  const doc = parseDocument(html);
  const found: string[] = [];
  for (const link of Array.from(doc.querySelectorAll('link[rel][href]')).slice(0, 500)) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rel.includes('alternate') || !FEED_TYPES.test((link.getAttribute('type') ?? '').trim())) continue;
    const href = absoluteUrl(link.getAttribute('href'), pageUrl);
    if (href && !found.includes(href)) found.push(href);
    if (found.length >= MAX_FEED_LINKS) break;
  }
  return found;
}

function notAFeed(type: string, text: string): string {
  if (/^\s*</.test(text) && /^\s*(<\?xml[^>]*>\s*)?<[\w:]+/.test(text)) return 'The address gives XML that is not an RSS or Atom feed.';
  if (type.startsWith('image/') || type.startsWith('audio/') || type.startsWith('video/'))
    return `The address leads to ${type}, not a feed.`;
  return 'The address gives neither a feed nor a web page that names one.';
}
