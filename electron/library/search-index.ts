import type { Library } from './library.ts';

/**
 * Past this id SQLite may choose new rowids at random rather than after the largest, and
 * "after this id" would no longer name the rows just written; such a library is fed row by row.
 */
const LARGEST_ORDERED_ID = Number.MAX_SAFE_INTEGER - 1_000_000_000;

/**
 * Runs `work`, which writes many articles, with the search index fed once at its end: the
 * articles it adds are left out by the index's triggers while it runs (a row in
 * `articles_fts_deferred`, see migration 17) and indexed together in one statement, before
 * the transaction commits, with what they hold by then. FTS5 writes its pending terms to disk
 * at every savepoint, and every trigger-firing INSERT opens one, so row by row an import wrote
 * one small segment per article and spent most of its time merging them (twice as slow at
 * 100,000 articles). All of it runs in one savepoint: if `work` throws, nothing stays, the
 * marker row included. Articles that were there before are indexed as always.
 */
export function indexedOnceAtEnd<T>(library: Library, work: () => T): T {
  return library.write(() => {
    // Inside another such call, the outer one indexes what this one adds.
    if (library.statement('SELECT 1 FROM articles_fts_deferred').get()) return work();
    const { after } = library.statement<{ after: number }>('SELECT coalesce(max(id), 0) AS after FROM articles').get()!;
    if (after > LARGEST_ORDERED_ID) return work();
    library.statement('INSERT INTO articles_fts_deferred (after_id) VALUES (?)').run(after);
    const result = work();
    library.statement('DELETE FROM articles_fts_deferred').run();
    const added = library.statement<{ last: number | null }>('SELECT max(id) AS last FROM articles').get()!.last ?? 0;
    if (added > after) indexArticlesAfter(library, after);
    return result;
  });
}

/**
 * Indexes the articles after `after`, under settings for entries known to be new:
 * - secure-delete off: in that mode FTS5 looks each term of a new entry up in the existing
 *   index as if it could be a delete (a quarter of the time of an import into a large library);
 * - automerge off: FTS5 otherwise merges the index's segments a little at every commit,
 *   re-reading and re-writing pages an import will soon merge again, each decrypted and
 *   encrypted in an encrypted library (imports into a 100,000-article library ran 1.2–1.5
 *   times as fast without it, plain or encrypted). The segments
 *   an import leaves are merged when the app is quiet (`SearchIndexTidier`); until then FTS5's
 *   own crisis merge keeps them to fifteen a level, all searchable.
 * What was pending before is written first under the settings as they were, and the settings
 * are put back before the transaction commits.
 */
function indexArticlesAfter(library: Library, after: number): void {
  const flush = library.statement("INSERT INTO articles_fts (articles_fts) VALUES ('flush')");
  const was = { automerge: indexSetting(library, 'automerge', DEFAULT_AUTOMERGE), secureDelete: indexSetting(library, 'secure-delete', 0) };
  flush.run();
  setIndexSetting(library, 'secure-delete', 0);
  setIndexSetting(library, 'automerge', 0);
  library
    .statement(
      `INSERT INTO articles_fts (rowid, title, dek, byline, body_text)
       SELECT id, title, dek, byline, body_text FROM articles WHERE id > ? ORDER BY id`,
    )
    .run(after);
  flush.run();
  setIndexSetting(library, 'automerge', was.automerge);
  setIndexSetting(library, 'secure-delete', was.secureDelete);
}

/** FTS5's own default: merge a level of the index once it holds four segments. */
const DEFAULT_AUTOMERGE = 4;

function indexSetting(library: Library, name: string, fallback: number): number {
  const row = library.statement<{ v: unknown }>('SELECT v FROM articles_fts_config WHERE k = ?').get(name);
  return typeof row?.v === 'number' ? row.v : fallback;
}

function setIndexSetting(library: Library, name: 'automerge' | 'secure-delete', value: number): void {
  // Literals: a bound number reaches FTS5 as a real, which it refuses for these settings.
  library.statement(`INSERT INTO articles_fts (articles_fts, rank) VALUES ('${name}', ${Math.trunc(value)})`).run();
}

/**
 * One step of merging the search index's segments, in its own short transaction: at most
 * about `pages` pages written, and only on a level holding four segments or more (a merge
 * already begun goes on). Returns whether there was anything to merge. Never waits for
 * another process's writer: the step is left for later instead.
 */
export function tidySearchIndexStep(library: Library, pages = TIDY_PAGES_PER_STEP): boolean {
  const changes = library.statement<{ n: number }>('SELECT total_changes() AS n');
  const before = changes.get()!.n;
  const waitedBefore = library.db.pragma('busy_timeout', { simple: true }) as number;
  library.db.pragma('busy_timeout = 0');
  try {
    library.write(() => library.statement(`INSERT INTO articles_fts (articles_fts, rank) VALUES ('merge', ${Math.trunc(pages)})`).run());
  } finally {
    library.db.pragma(`busy_timeout = ${waitedBefore}`);
  }
  // The command itself counts as one change; a merge writes many rows of the index.
  return changes.get()!.n - before > 1;
}

/** About 30 ms of work on this 2-core machine for an encrypted library (a step blocks its thread). */
const TIDY_PAGES_PER_STEP = 128;
