import { describe, expect, it } from 'vitest';
import { insertSavedArticle } from '../../../electron/library/saved-articles.ts';
import { assignments, insertRow, likeContaining, sql } from '../../../electron/library/sql.ts';
import { tempLibrary } from '../../helpers/temp.ts';
import { listArticles, searchArticles } from '../../helpers/queries.ts';

describe('the shared SQL pieces', () => {
  it('take LIKE wildcards in a filter literally', () => {
    expect(likeContaining('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
  });

  it('filter the list and search by source alike, wildcards literal', () => {
    const library = tempLibrary();
    for (const sourceName of ['100% News', '1000 News', 'Radio_One', 'RadioXOne']) {
      library.write(() =>
        insertSavedArticle(library, { title: sourceName, sourceName, html: '<p>Harbour news.</p>', text: 'Harbour news.' }),
      );
    }
    const listed = (source: string) => listArticles(library, { source }).items.map((item) => item.title);
    const found = (source: string) => searchArticles(library, { query: `harbour source:"${source}"` }).results.map((r) => r.title);
    expect(listed('100%')).toEqual(['100% News']);
    expect(listed('o_O')).toEqual(['Radio_One']);
    expect(found('100%')).toEqual(['100% News']);
  });

  it('keep each value beside its place, in the order the statement reads them', () => {
    const id = 7;
    const quote = "it's";
    expect(sql`SELECT id FROM highlights WHERE article_id = ${id} AND quote = ${quote}`).toEqual({
      text: 'SELECT id FROM highlights WHERE article_id = ? AND quote = ?',
      values: [7, "it's"],
    });
    expect(insertRow('tags', { name: 'ports', created_at: 1 })).toEqual({
      text: 'INSERT INTO tags (name, created_at) VALUES (?, ?)',
      values: ['ports', 1],
    });
    expect(assignments({ title: 'T', is_read: 1 })).toEqual({ text: 'title = ?, is_read = ?', values: ['T', 1] });
  });

  it('write a row through the library with every value in its own column', () => {
    const library = tempLibrary();
    const id = library.write(() =>
      insertSavedArticle(library, {
        title: 'Ferries',
        dek: 'Back by Monday',
        byline: 'Ana Lima',
        sourceName: 'Harbour Times',
        html: '<p>x</p>',
        text: 'Crews returned.',
      }),
    );
    expect(library.get(sql`SELECT title, dek, byline, source_name, body_text FROM articles WHERE id = ${id}`)).toEqual({
      title: 'Ferries',
      dek: 'Back by Monday',
      byline: 'Ana Lima',
      source_name: 'Harbour Times',
      body_text: 'Crews returned.',
    });
  });
});
