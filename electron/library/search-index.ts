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
 * Indexes the articles after `after`. FTS5 in secure-delete mode looks each term of a new
 * entry up in the existing index as if it could be a delete (a quarter of the time of an
 * import into a large library); these entries are all new, so the setting is off while they
 * are written (with what was pending before written first under it) and then as it was.
 */
function indexArticlesAfter(library: Library, after: number): void {
  const flush = library.statement("INSERT INTO articles_fts (articles_fts) VALUES ('flush')");
  // Literals: a bound number reaches FTS5 as a real, which it refuses for this setting.
  const secureDelete = (on: boolean) =>
    library.statement(`INSERT INTO articles_fts (articles_fts, rank) VALUES ('secure-delete', ${on ? 1 : 0})`).run();
  const wasOn = library.statement<{ v: number }>("SELECT v FROM articles_fts_config WHERE k = 'secure-delete'").get()?.v === 1;
  if (wasOn) {
    flush.run();
    secureDelete(false);
  }
  library
    .statement(
      `INSERT INTO articles_fts (rowid, title, dek, byline, body_text)
       SELECT id, title, dek, byline, body_text FROM articles WHERE id > ? ORDER BY id`,
    )
    .run(after);
  if (wasOn) {
    flush.run();
    secureDelete(true);
  }
}
