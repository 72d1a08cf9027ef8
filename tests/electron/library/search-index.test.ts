import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { deleteArticle } from '../../../electron/library/articles.ts';
import type { Library } from '../../../electron/library/library.ts';
import { insertSavedArticle } from '../../../electron/library/saved-articles.ts';
import { indexedOnceAtEnd, tidySearchIndexStep } from '../../../electron/library/search-index.ts';
import { tempLibrary } from '../../helpers/temp.ts';
import { searchArticles } from '../../helpers/queries.ts';

const found = (library: Library, query: string) => searchArticles(library, { query }).total;

const add = (library: Library, title: string, text: string) => insertSavedArticle(library, { title, html: `<p>${text}</p>`, text });

/** FTS5's own check of the index against the articles it was made from (rank 1: content too). */
function indexIsWhole(library: Library): boolean {
  library.db.exec("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)");
  return true;
}

const automerge = (library: Library) =>
  (library.db.prepare("SELECT v FROM articles_fts_config WHERE k = 'automerge'").get() as { v: number } | undefined)?.v;

/** Imports in the shape the pipeline writes them: batches of new articles, each indexed at its end. */
function importBatches(library: Library, batches: number, perBatch = 5): void {
  for (let batch = 0; batch < batches; batch += 1) {
    indexedOnceAtEnd(library, () => {
      for (let i = 0; i < perBatch; i += 1) add(library, `Batch ${batch} story ${i}`, `Harbour words zqxbatch${batch} story ${i}.`);
    });
  }
}

/** The index's b-trees (FTS5 keeps one row per leaf page's first term, by segment). */
const segments = (library: Library) =>
  (library.db.prepare('SELECT count(DISTINCT segid) AS n FROM articles_fts_idx').get() as { n: number }).n;

/** Steps until nothing is left to merge; how many did work. */
function tidyAll(library: Library): number {
  let steps = 0;
  while (tidySearchIndexStep(library, 8)) steps += 1;
  return steps;
}

const secureDelete = (library: Library) =>
  (library.db.prepare("SELECT v FROM articles_fts_config WHERE k = 'secure-delete'").get() as { v: number }).v;

describe('indexedOnceAtEnd', () => {
  it('makes every article written in it searchable, by word and by first letters, once it returns', () => {
    const library = tempLibrary();
    library.write(() => add(library, 'Harbour report', 'Ferries at the old berth.'));
    indexedOnceAtEnd(library, () => {
      for (let i = 0; i < 30; i += 1) add(library, `Ministers meet ${i}`, `The ministers of the harbour board, meeting ${i}.`);
      // Not searchable yet while it runs: the index is fed at the end.
      expect(found(library, 'ministers')).toBe(0);
    });
    expect(found(library, 'ministers')).toBe(30);
    expect(found(library, 'mini')).toBe(30);
    expect(found(library, 'harbour')).toBe(31);
    expect(indexIsWhole(library)).toBe(true);
    expect(library.db.prepare('SELECT count(*) AS n FROM articles_fts_deferred').get()).toEqual({ n: 0 });
  });

  it('indexes an article changed while it runs by its last words, and one deleted by none', () => {
    const library = tempLibrary();
    indexedOnceAtEnd(library, () => {
      const changed = add(library, 'Draft headline', 'First words zqxearly.');
      library.db.prepare('UPDATE articles SET title = ?, body_text = ? WHERE id = ?').run('Final headline', 'Last words zqxlate.', changed);
      const gone = add(library, 'Withdrawn', 'Words zqxwithdrawn.');
      library.db.prepare('DELETE FROM articles WHERE id = ?').run(gone);
    });
    expect(found(library, 'zqxearly')).toBe(0);
    expect(found(library, 'zqxlate')).toBe(1);
    expect(found(library, 'zqxwithdrawn')).toBe(0);
    expect(indexIsWhole(library)).toBe(true);
  });

  it('keeps articles stored before it indexed as always when they change or go while it runs', () => {
    const library = tempLibrary();
    const kept = library.write(() => add(library, 'Tides', 'Spring tides zqxspring.'));
    const removed = library.write(() => add(library, 'Storm', 'A storm zqxstorm.'));
    indexedOnceAtEnd(library, () => {
      library.db.prepare('UPDATE articles SET body_text = ? WHERE id = ?').run('Neap tides zqxneap.', kept);
      deleteArticle(library, removed);
      add(library, 'New', 'Something zqxnew.');
    });
    expect(found(library, 'zqxspring')).toBe(0);
    expect(found(library, 'zqxneap')).toBe(1);
    expect(found(library, 'zqxstorm')).toBe(0);
    expect(found(library, 'zqxnew')).toBe(1);
    expect(indexIsWhole(library)).toBe(true);
  });

  it('leaves nothing when its work fails, and the triggers index row by row again after it', () => {
    const library = tempLibrary();
    expect(() =>
      indexedOnceAtEnd(library, () => {
        add(library, 'Half done', 'Words zqxhalf.');
        throw new Error('the disk is full');
      }),
    ).toThrow('the disk is full');
    expect(library.db.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 0 });
    expect(library.db.prepare('SELECT count(*) AS n FROM articles_fts_deferred').get()).toEqual({ n: 0 });
    library.write(() => add(library, 'Later', 'Words zqxlater.'));
    expect(found(library, 'zqxlater')).toBe(1);
    expect(indexIsWhole(library)).toBe(true);
  });

  it('keeps a savepoint rolled back inside it out of the index, and the others in', () => {
    const library = tempLibrary();
    indexedOnceAtEnd(library, () => {
      add(library, 'Kept', 'Words zqxkept.');
      try {
        library.write(() => {
          add(library, 'Rolled back', 'Words zqxrolled.');
          throw new Error('this file failed');
        });
      } catch {
        // One file failing leaves the batch going on.
      }
      add(library, 'Also kept', 'Words zqxalso.');
    });
    expect(found(library, 'zqxkept')).toBe(1);
    expect(found(library, 'zqxrolled')).toBe(0);
    expect(found(library, 'zqxalso')).toBe(1);
    expect(indexIsWhole(library)).toBe(true);
  });

  it('nested in another, leaves the indexing to the outer one: each article indexed once, none missed', () => {
    const library = tempLibrary();
    indexedOnceAtEnd(library, () => {
      add(library, 'Before', 'Words zqxbefore.');
      indexedOnceAtEnd(library, () => add(library, 'Inner', 'Words zqxinner.'));
      add(library, 'After', 'Words zqxafter.');
    });
    for (const word of ['zqxbefore', 'zqxinner', 'zqxafter']) expect(found(library, word), word).toBe(1);
    expect(indexIsWhole(library)).toBe(true);
    expect(library.db.prepare('SELECT count(*) AS n FROM articles_fts_deferred').get()).toEqual({ n: 0 });
  });

  it('leaves secure-delete on, so an article it indexed and later deleted is gone from the index', () => {
    const library = tempLibrary();
    expect(secureDelete(library)).toBe(1);
    let id = 0;
    indexedOnceAtEnd(library, () => {
      for (let i = 0; i < 20; i += 1) add(library, `Neighbour ${i}`, 'Ferries and berths.');
      id = add(library, 'Source', 'The source zqxmarlow asked not to be named.');
    });
    expect(secureDelete(library)).toBe(1);
    deleteArticle(library, id);
    expect(found(library, 'zqxmarlow')).toBe(0);
    const rows = library.db.prepare('SELECT block FROM articles_fts_data').all() as { block: Buffer }[];
    expect(rows.some((row) => row.block.includes('zqxmarlow'))).toBe(false);
  });
});

describe('imports and the merging of the search index', () => {
  it('leaves the segments of bulk writes for merging later, and FTS5 merging normal writes as before', () => {
    const library = tempLibrary();
    importBatches(library, 12);
    expect(automerge(library)).toBe(4);
    // FTS5 merged a level whenever it held four segments: twelve were never left before.
    expect(segments(library)).toBe(12);
    expect(tidyAll(library)).toBeGreaterThan(0);
    expect(segments(library)).toBeLessThan(4);
    expect(tidyAll(library)).toBe(0);
    // Saving one article as the app does merges as before.
    importBatches(library, 12);
    for (let i = 0; i < 6; i += 1) library.write(() => add(library, `Saved ${i}`, 'Harbour words.'));
    expect(segments(library)).toBeLessThan(12);
    expect(found(library, 'harbour')).toBe(126);
    for (const batch of [0, 6, 11]) expect(found(library, `zqxbatch${batch}`)).toBe(10);
    expect(indexIsWhole(library)).toBe(true);
  });

  it('puts off a step while another connection writes, without waiting for it', () => {
    const library = tempLibrary();
    importBatches(library, 12);
    const other = new Database(library.file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const began = performance.now();
      expect(() => tidySearchIndexStep(library)).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
      expect(performance.now() - began).toBeLessThan(2_500);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(library.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(tidyAll(library)).toBeGreaterThan(0);
  });
});
