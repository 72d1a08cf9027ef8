import { createHash } from 'node:crypto';
import { DatelineError } from '../common/errors.ts';
import type { Feed, FeedPatch } from '../common/feeds.ts';
import { deleteArticles } from './bulk.ts';
import type { Library } from './library.ts';
import { findDuplicate, insertSavedArticle, type NewSavedArticle } from './saved-articles.ts';

/**
 * The feeds a person follows, and which of each feed's items are in the library already.
 * What fetches and reads a feed lives in import/; this module only keeps the record.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

interface FeedRow {
  id: number;
  url: string;
  title: string;
  site_url: string | null;
  added_at: number;
  checked_at: number | null;
  error: string | null;
  paused: number;
  keep_days: number | null;
  unread: number;
  total: number;
}

const FEED_COLUMNS = `f.id, f.url, f.title, f.site_url, f.added_at, f.checked_at, f.error, f.paused, f.keep_days,
  (SELECT count(*) FROM feed_items i JOIN articles a ON a.id = i.article_id WHERE i.feed_id = f.id AND a.is_read = 0) AS unread,
  (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id AND i.article_id IS NOT NULL) AS total`;

function toFeed(row: FeedRow): Feed {
  return {
    id: row.id,
    url: row.url,
    title: row.title || new URL(row.url).hostname.replace(/^www\./, ''),
    siteUrl: row.site_url,
    addedAt: new Date(row.added_at).toISOString(),
    checkedAt: row.checked_at === null ? null : new Date(row.checked_at).toISOString(),
    error: row.error,
    paused: row.paused === 1,
    keepDays: row.keep_days,
    unread: row.unread,
    total: row.total,
  };
}

/** Every feed followed, by name. */
export function listFeeds(library: Library): Feed[] {
  return library.statement<FeedRow>(`SELECT ${FEED_COLUMNS} FROM feeds f ORDER BY f.title COLLATE NOCASE, f.id`).all().map(toFeed);
}

export function getFeed(library: Library, id: number): Feed {
  const row = library.statement<FeedRow>(`SELECT ${FEED_COLUMNS} FROM feeds f WHERE f.id = ?`).get(id);
  if (!row) throw new DatelineError('NOT_FOUND', `There is no feed with id ${id}; it may have been unsubscribed.`);
  return toFeed(row);
}

export function feedExists(library: Library, id: number): boolean {
  return library.statement('SELECT 1 FROM feeds WHERE id = ?').get(id) !== undefined;
}

export function findFeedByUrl(library: Library, url: string): Feed | null {
  const row = library.statement<{ id: number }>('SELECT id FROM feeds WHERE url = ?').get(url);
  return row ? getFeed(library, row.id) : null;
}

export interface NewFeed {
  url: string;
  title?: string;
  siteUrl?: string | null;
}

/** Follows a feed; one already followed is left as it is. Returns it and whether it was new. */
export function addFeed(library: Library, feed: NewFeed, now = Date.now()): { feed: Feed; added: boolean } {
  return library.write(() => {
    const known = findFeedByUrl(library, feed.url);
    if (known) return { feed: known, added: false };
    const { lastInsertRowid } = library
      .statement('INSERT INTO feeds (url, title, site_url, added_at) VALUES (?, ?, ?, ?)')
      .run(feed.url, feed.title ?? '', feed.siteUrl ?? null, now);
    return { feed: getFeed(library, Number(lastInsertRowid)), added: true };
  });
}

export function updateFeed(library: Library, id: number, patch: FeedPatch): Feed {
  return library.write(() => {
    getFeed(library, id);
    if (patch.title !== undefined) library.statement('UPDATE feeds SET title = ? WHERE id = ?').run(patch.title, id);
    if (patch.paused !== undefined) library.statement('UPDATE feeds SET paused = ? WHERE id = ?').run(patch.paused ? 1 : 0, id);
    if (patch.keepDays !== undefined) library.statement('UPDATE feeds SET keep_days = ? WHERE id = ?').run(patch.keepDays, id);
    return getFeed(library, id);
  });
}

/**
 * Stops following a feed. Its articles stay in the library as any saved article does,
 * unless `deleteArticles` asks for those the person has not kept (see `expireFeedItems`).
 */
export function removeFeed(library: Library, id: number, options: { deleteArticles?: boolean } = {}): number[] {
  return library.write(() => {
    getFeed(library, id);
    const deleted = options.deleteArticles ? deleteUnkept(library, id, Number.MAX_SAFE_INTEGER) : [];
    library.statement('DELETE FROM feeds WHERE id = ?').run(id);
    return deleted;
  });
}

/** Marks every unread article of the feed read; returns their ids. */
export function markFeedRead(library: Library, id: number): number[] {
  return library.write(() => {
    getFeed(library, id);
    return library
      .statement<{ id: number }>(
        `UPDATE articles SET is_read = 1 WHERE is_read = 0 AND id IN (SELECT article_id FROM feed_items WHERE feed_id = ?) RETURNING id`,
      )
      .all(id)
      .map((row) => row.id);
  });
}

/** What a refresh needs to ask the site for only what changed. */
export interface FeedCheckState {
  id: number;
  url: string;
  etag: string | null;
  lastModified: string | null;
}

/**
 * The feed most overdue for a refresh, if any is due: not paused, and not checked within
 * `everyMs` (never-checked feeds first).
 */
export function nextFeedDue(library: Library, everyMs: number, now = Date.now()): FeedCheckState | null {
  return (
    library
      .statement<FeedCheckState>(
        `SELECT id, url, etag, last_modified AS lastModified FROM feeds
         WHERE paused = 0 AND (checked_at IS NULL OR checked_at <= ?)
         ORDER BY checked_at IS NOT NULL, checked_at, id LIMIT 1`,
      )
      .get(now - everyMs) ?? null
  );
}

export function feedCheckState(library: Library, id: number): FeedCheckState {
  const row = library.statement<FeedCheckState>('SELECT id, url, etag, last_modified AS lastModified FROM feeds WHERE id = ?').get(id);
  if (!row) throw new DatelineError('NOT_FOUND', `There is no feed with id ${id}; it may have been unsubscribed.`);
  return row;
}

export interface FeedCheck {
  /** Why the refresh failed, in the person's words; null when it worked. */
  error: string | null;
  etag?: string | null;
  lastModified?: string | null;
  title?: string;
  siteUrl?: string | null;
  /** The feed moved for good (every redirect permanent): followed at this address from now on. */
  movedTo?: string | null;
}

/** Records how a refresh went. A failed one keeps what the site last said (its ETag, its name). */
export function recordFeedCheck(library: Library, id: number, check: FeedCheck, now = Date.now()): void {
  library.write(() => {
    const changes: [string, unknown][] = [
      ['checked_at', now],
      ['error', check.error],
    ];
    if (check.error === null) {
      if (check.etag !== undefined) changes.push(['etag', check.etag]);
      if (check.lastModified !== undefined) changes.push(['last_modified', check.lastModified]);
      if (check.title) changes.push(['title', check.title]);
      if (check.siteUrl !== undefined) changes.push(['site_url', check.siteUrl]);
      // A feed already followed at the new address keeps its own row; this one stays put.
      if (check.movedTo && !library.statement('SELECT 1 FROM feeds WHERE url = ?').get(check.movedTo)) changes.push(['url', check.movedTo]);
    }
    library
      .statement(`UPDATE feeds SET ${changes.map(([column]) => `${column} = ?`).join(', ')} WHERE id = ?`)
      .run(...changes.map(([, value]) => value), id);
  });
}

export interface FeedItemToStore {
  /** What names the item across fetches (its guid, or its address). */
  key: string;
  article: NewSavedArticle;
}

export interface StoredFeedItems {
  /** Articles the feed brought that were not in the library. */
  added: number[];
  /** Of those, the ones that came without text: their pages are to be downloaded. */
  links: number[];
  /** Items already in the library from elsewhere, now also counted as the feed's. */
  known: number;
}

/**
 * Stores the items of one fetch of a feed that it has not brought before, in one
 * transaction. An item seen before is never added again, even after its article was
 * deleted; an article already in the library (saved by hand, another feed) is counted as
 * this feed's too. Items the feed no longer lists, whose articles are gone, are forgotten.
 */
export function storeFeedItems(library: Library, feedId: number, items: readonly FeedItemToStore[], now = Date.now()): StoredFeedItems {
  return library.write(() => {
    getFeed(library, feedId);
    const stored: StoredFeedItems = { added: [], links: [], known: 0 };
    const seen = library.statement<{ n: number }>('SELECT 1 AS n FROM feed_items WHERE feed_id = ? AND item_digest = ?');
    const remember = library.statement('INSERT INTO feed_items (feed_id, item_digest, article_id, seen_at) VALUES (?, ?, ?, ?)');
    const digests = items.map((item) => itemDigest(item.key));
    items.forEach(({ article }, index) => {
      const digest = digests[index]!;
      if (seen.get(feedId, digest)) return;
      const duplicate = findDuplicate(library, article);
      if (duplicate) {
        stored.known += 1;
        remember.run(feedId, digest, duplicate.id, now);
        return;
      }
      const id = insertSavedArticle(library, { ...article, createdAt: article.createdAt ?? now });
      remember.run(feedId, digest, id, now);
      stored.added.push(id);
      if (article.linkOnly) stored.links.push(id);
    });
    library
      .statement(`DELETE FROM feed_items WHERE feed_id = ? AND article_id IS NULL AND item_digest NOT IN (SELECT value FROM json_each(?))`)
      .run(feedId, JSON.stringify(digests));
    return stored;
  });
}

/**
 * Deletes the feed's articles older than its "keep" days that the person has not kept:
 * never a favorite, an article with highlights or tags, or one another feed brought too.
 * Returns the ids deleted.
 */
export function expireFeedItems(library: Library, feedId: number, now = Date.now()): number[] {
  const row = library.statement<{ keep_days: number | null }>('SELECT keep_days FROM feeds WHERE id = ?').get(feedId);
  if (!row || row.keep_days === null) return [];
  return library.write(() => deleteUnkept(library, feedId, now - row.keep_days! * DAY_MS));
}

function deleteUnkept(library: Library, feedId: number, savedBefore: number): number[] {
  const ids = library
    .statement<{ id: number }>(
      `SELECT a.id FROM feed_items i JOIN articles a ON a.id = i.article_id
       WHERE i.feed_id = ? AND a.created_at < ? AND a.is_favorite = 0
         AND NOT EXISTS (SELECT 1 FROM highlights h WHERE h.article_id = a.id)
         AND NOT EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id)
         AND NOT EXISTS (SELECT 1 FROM feed_items o WHERE o.article_id = a.id AND o.feed_id != i.feed_id)`,
    )
    .all(feedId, savedBefore)
    .map((item) => item.id);
  return ids.length ? deleteArticles(library, ids) : [];
}

/** A digest, not the guid or address itself: see migration 13. */
function itemDigest(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 32);
}
