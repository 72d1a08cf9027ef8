import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../electron/import/pipeline.ts';
import { getArticle } from '../../../electron/library/articles.ts';
import { tempLibrary } from '../../helpers/temp.ts';
import { listArticles } from '../../helpers/queries.ts';

/** A link saved in two apps, or twice in one, is one article with everything both copies said. */

const csv = (rows: string[]) => Buffer.from(['URL,Title,Selection,Folder,Timestamp,Tags', ...rows].join('\n'));

describe('a duplicate of a stored article', () => {
  it('adds its tags and states to the stored one, reports them, and never turns one off', async () => {
    const library = tempLibrary();
    const first = await importFiles(library, [
      {
        path: 'unread.csv',
        read: async () => csv(['https://harbour.example/ferries,Ferries resume,,Unread,1727942400,"[""transport""]"']),
      },
    ]);
    const id = first.imported[0]!.id;
    const second = await importFiles(library, [
      {
        path: 'archive.csv',
        read: async () =>
          csv(['https://harbour.example/ferries?utm_source=x,Ferries resume,,Archive,1727942400,"[""Transport"",""labour""]"']),
      },
    ]);
    expect(second.imported).toEqual([]);
    expect(second.duplicates).toEqual([{ id, title: 'Ferries resume', path: 'archive.csv', merged: ['tag “labour”', 'read', 'archived'] }]);
    const article = getArticle(library, id);
    expect(article.archived).toBe(true);
    expect(article.tags.sort()).toEqual(['labour', 'transport']);

    // An unread copy later leaves it archived.
    const third = await importFiles(library, [
      { path: 'again.csv', read: async () => csv(['https://harbour.example/ferries,Ferries resume,,Unread,1727942400,']) },
    ]);
    expect(third.duplicates[0]!.merged).toEqual([]);
    expect(getArticle(library, id).archived).toBe(true);
    expect(listArticles(library, { limit: 10 }).total).toBe(1);
  });
});
