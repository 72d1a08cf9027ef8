import { describe, expect, it } from 'vitest';
import { deleteArticle } from '../../../electron/library/articles.ts';
import type { Library } from '../../../electron/library/library.ts';
import { insertSavedArticle } from '../../../electron/library/saved-articles.ts';
import { indexedOnceAtEnd } from '../../../electron/library/search-index.ts';
import { tempLibrary } from '../../helpers/temp.ts';
import { searchArticles } from '../../helpers/queries.ts';

const found = (library: Library, query: string) => searchArticles(library, { query }).total;

const add = (library: Library, title: string, text: string) => insertSavedArticle(library, { title, html: `<p>${text}</p>`, text });

/** FTS5's own check of the index against the articles it was made from (rank 1: content too). */
function indexIsWhole(library: Library): boolean {
  library.db.exec("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)");
  return true;
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
