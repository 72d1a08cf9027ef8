import { countWords } from '../common/text.ts';
import { insertRelatedLinks, type NewSavedArticle } from './saved-articles.ts';
import { storeImportedMedia } from './media.ts';
import { contentHash } from './identity.ts';
import type { Library } from './library.ts';
import { keptTime } from '../common/time.ts';

/**
 * Saved links: articles imported with only their address (fetch_state 'pending'), or whose
 * download failed ('failed'). Those a person asked to download wait in `download_queue`,
 * which lives in the library file so that the queue carries on after a restart.
 */

export interface SavedLinkCounts {
  /** Not downloaded yet, queued or not. */
  waiting: number;
  failed: number;
  queued: number;
}

export interface QueuedLink {
  id: number;
  url: string;
  title: string;
}

export function savedLinkCounts(library: Library): SavedLinkCounts {
  const row = library
    .statement<{ waiting: number; failed: number; queued: number }>(
      `SELECT
         (SELECT count(*) FROM articles WHERE fetch_state = 'pending') AS waiting,
         (SELECT count(*) FROM articles WHERE fetch_state = 'failed') AS failed,
         (SELECT count(*) FROM download_queue) AS queued`,
    )
    .get()!;
  return row;
}

/** Queues every link not downloaded yet, failed ones included (they get another try). */
export function queueSavedLinks(library: Library, now = Date.now()): number {
  return library.write(() => {
    library
      .statement(
        `INSERT OR IGNORE INTO download_queue (article_id, queued_at)
         SELECT id, ? FROM articles WHERE fetch_state IS NOT NULL AND source_url IS NOT NULL ORDER BY id`,
      )
      .run(now);
    return savedLinkCounts(library).queued;
  });
}

/** Queues the links given that are still waiting for their page (a feed's new items, say). */
export function queueLinks(library: Library, ids: readonly number[], now = Date.now()): number {
  return library.write(() => {
    library
      .statement(
        `INSERT OR IGNORE INTO download_queue (article_id, queued_at)
         SELECT id, ? FROM articles WHERE id IN (SELECT value FROM json_each(?)) AND fetch_state IS NOT NULL AND source_url IS NOT NULL`,
      )
      .run(now, JSON.stringify(ids));
    return savedLinkCounts(library).queued;
  });
}

export function nextQueuedLink(library: Library): QueuedLink | null {
  const row = library
    .statement<QueuedLink>(
      `SELECT a.id, a.source_url AS url, a.title FROM download_queue q JOIN articles a ON a.id = q.article_id
       ORDER BY q.queued_at, q.article_id LIMIT 1`,
    )
    .get();
  return row ?? null;
}

export function clearDownloadQueue(library: Library): void {
  library.write(() => library.statement('DELETE FROM download_queue').run());
}

/**
 * Fills a saved link with its downloaded page, in one transaction. What the person or the
 * other app already said (title, tags, states, highlights) is kept; the page adds the rest.
 */
export function completeSavedLink(library: Library, id: number, page: NewSavedArticle): void {
  library.write(() => {
    const current = library
      .statement<{ title: string; source_url: string | null }>('SELECT title, source_url FROM articles WHERE id = ?')
      .get(id);
    if (!current) return;
    const keepTitle = current.title.trim() !== '' && current.title !== current.source_url;
    const title = keepTitle ? current.title : page.title;
    library
      .statement(
        `UPDATE articles SET title = ?, dek = ?, byline = ?, source_name = coalesce(nullif(?, ''), source_name),
           canonical_url = coalesce(?, canonical_url), published_at = coalesce(?, published_at),
           language = coalesce(?, language), word_count = ?, body_html = ?, body_text = ?, content_hash = ?,
           fetch_state = NULL, fetch_error = NULL, updated_at = ?
         WHERE id = ?`,
      )
      .run(
        title,
        page.dek ?? '',
        page.byline ?? '',
        page.sourceName ?? '',
        page.canonicalUrl ?? null,
        keptTime(page.publishedAt),
        page.language ?? null,
        page.wordCount ?? countWords(page.text),
        page.html,
        page.text,
        contentHash(title, page.text),
        Date.now(),
        id,
      );
    library.statement('DELETE FROM related_links WHERE article_id = ?').run(id);
    insertRelatedLinks(library, id, page.related ?? []);
    if (page.media?.length) storeImportedMedia(library, id, page.html, page.media);
    library.statement('DELETE FROM download_queue WHERE article_id = ?').run(id);
  });
}

/** Records why a link could not be downloaded and takes it out of the queue. */
export function failSavedLink(library: Library, id: number, reason: string): void {
  library.write(() => {
    library.statement("UPDATE articles SET fetch_state = 'failed', fetch_error = ? WHERE id = ?").run(reason.slice(0, 500), id);
    library.statement('DELETE FROM download_queue WHERE article_id = ?').run(id);
  });
}
