import { DatelineError, isDatelineError } from '../../common/errors.ts';
import type { Feed, OpmlImport } from '../../common/feeds.ts';
import {
  addFeed,
  expireFeedItems,
  feedCheckState,
  findFeedByUrl,
  getFeed,
  recordFeedCheck,
  storeFeedItems,
  type StoredFeedItems,
} from '../../library/feeds.ts';
import type { Library } from '../../library/library.ts';
import { storageError } from '../../library/storage-errors.ts';
import { fetchResource, webAddress, type Fetched, type FetchLimits } from '../web/fetch.ts';
import { importWorker } from '../worker/pool.ts';
import type { FeedRead } from './read.ts';

/** A feed is text: past this size it is not one a site means readers to fetch. */
export const FEED_LIMITS: FetchLimits = { maxBytes: 10 * 1024 * 1024, timeoutMs: 30_000, maxRedirects: 5 };

const ACCEPT_FEEDS =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.5, */*;q=0.1';

export interface FeedFetchOptions {
  /** Intranet hosts the newsroom's policy allows (address-guard.ts). */
  allowHosts?: readonly string[];
  signal?: AbortSignal;
}

/** How one refresh went. */
export interface FeedRefresh {
  feedId: number;
  /** New articles, and those of them whose pages are to be downloaded. */
  added: number[];
  links: number[];
  /** Articles deleted for being older than the feed keeps them. */
  expired: number[];
  /** Why it failed; null when it worked (a 304 "not modified" too). */
  error: string | null;
}

async function fetchFeed(url: string, options: FeedFetchOptions, validators: { etag?: string | null; lastModified?: string | null } = {}) {
  return fetchResource(
    url,
    { ...FEED_LIMITS, signal: options.signal, allowHosts: options.allowHosts },
    { ...validators, accept: ACCEPT_FEEDS },
  );
}

function readInWorker(fetched: Fetched, signal?: AbortSignal): Promise<FeedRead> {
  return importWorker.run({ kind: 'feed', url: fetched.url, bytes: fetched.bytes, contentType: fetched.contentType }, undefined, signal);
}

/**
 * Follows the feed at `address`, or the first feed a page at that address names: fetched
 * and read first (nothing is followed that does not read as a feed), then its items stored.
 * An address already followed answers that feed.
 */
export async function subscribe(
  library: Library,
  address: string,
  options: FeedFetchOptions,
): Promise<{ feed: Feed; added: boolean; stored: StoredFeedItems }> {
  const nothing = { added: [], links: [], known: 0 };
  const url = webAddress(address).href;
  const known = findFeedByUrl(library, url);
  if (known) return { feed: known, added: false, stored: nothing };
  let fetched = await fetchFeed(url, options);
  let read = await readInWorker(fetched, options.signal);
  if (read.kind === 'page') {
    const named = read.feeds;
    if (named.length === 0) {
      throw new DatelineError('IMPORT_FAILED', 'This page names no feed. Give the address of the site’s RSS or Atom feed.');
    }
    const followed = named.map((candidate) => findFeedByUrl(library, candidate)).find(Boolean);
    if (followed) return { feed: followed, added: false, stored: nothing };
    fetched = await fetchFeed(named[0]!, options);
    read = await readInWorker(fetched, options.signal);
    if (read.kind === 'page') throw new DatelineError('IMPORT_FAILED', 'The feed this page names gives a web page, not a feed.');
  }
  const again = findFeedByUrl(library, fetched.url);
  if (again) return { feed: again, added: false, stored: nothing };
  const { feed } = addFeed(library, { url: fetched.url, title: read.title, siteUrl: read.siteUrl });
  const stored = storeFeedItems(library, feed.id, read.items);
  recordFeedCheck(library, feed.id, { error: null, etag: fetched.etag, lastModified: fetched.lastModified });
  return { feed: getFeed(library, feed.id), added: true, stored };
}

/**
 * Refreshes one feed: asks the site only for what changed since the last fetch, stores the
 * items not seen before, and drops articles past the feed's "keep" days. A failure is kept
 * in the feed's row with its reason and touches nothing else; a disk that refuses writes
 * is thrown, as every write's is.
 */
export async function refreshFeed(library: Library, id: number, options: FeedFetchOptions, now = Date.now()): Promise<FeedRefresh> {
  const state = feedCheckState(library, id);
  const result: FeedRefresh = { feedId: id, added: [], links: [], expired: [], error: null };
  try {
    const fetched = await fetchFeed(state.url, options, state);
    if (!fetched.notModified) {
      const read = await readInWorker(fetched, options.signal);
      if (read.kind === 'page') throw new DatelineError('IMPORT_FAILED', 'The address now gives a web page, not a feed.');
      const stored = storeFeedItems(library, id, read.items, now);
      result.added = stored.added;
      result.links = stored.links;
      recordFeedCheck(
        library,
        id,
        {
          error: null,
          etag: fetched.etag,
          lastModified: fetched.lastModified,
          title: read.title,
          siteUrl: read.siteUrl,
          movedTo: fetched.movedTo,
        },
        now,
      );
    } else recordFeedCheck(library, id, { error: null, movedTo: fetched.movedTo }, now);
  } catch (error) {
    if (storageError(error) || (isDatelineError(error) && error.code === 'NOT_FOUND')) throw error;
    result.error = isDatelineError(error) ? error.message : 'The feed could not be read.';
    recordFeedCheck(library, id, { error: result.error }, now);
  }
  result.expired = expireFeedItems(library, id, now);
  return result;
}

/**
 * Follows every feed an OPML list names, without fetching (they are refreshed after, one
 * by one): another reader's subscriptions move in at once, however many.
 */
export async function importOpml(library: Library, bytes: Uint8Array): Promise<OpmlImport> {
  const outlines = await importWorker.run({ kind: 'opml', bytes });
  const result: OpmlImport = { added: [], existing: 0, skipped: [] };
  library.write(() => {
    for (const outline of outlines) {
      let url: string;
      try {
        url = webAddress(outline.xmlUrl).href;
      } catch (error) {
        result.skipped.push({ title: outline.title || outline.xmlUrl.slice(0, 200), reason: (error as Error).message });
        continue;
      }
      const siteUrl = outline.htmlUrl && /^https?:\/\//i.test(outline.htmlUrl) ? outline.htmlUrl : null;
      const { feed, added } = addFeed(library, { url, title: outline.title, siteUrl });
      if (added) result.added.push(feed);
      else result.existing += 1;
    }
  });
  return result;
}
