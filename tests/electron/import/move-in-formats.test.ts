import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../electron/import/pipeline.ts';
import { getArticle } from '../../../electron/library/articles.ts';
import { tempLibrary } from '../../helpers/temp.ts';
import { listArticles } from '../../helpers/queries.ts';

/** The files people bring when they move in, shaped like the real ones. */

// Chrome's profile file `Bookmarks` (no extension): WebKit-epoch microseconds, folders nested.
const CHROME = JSON.stringify({
  checksum: 'abc',
  roots: {
    bookmark_bar: {
      children: [
        {
          date_added: '13370000000000000',
          guid: '1',
          id: '2',
          name: 'Ferries resume',
          type: 'url',
          url: 'https://harbour.example/ferries',
        },
        {
          children: [
            { date_added: '13370000000000000', id: '4', name: 'Council budget', type: 'url', url: 'https://council.example/budget' },
          ],
          name: 'Local politics',
          type: 'folder',
        },
        { id: '5', name: 'A bookmarklet', type: 'url', url: 'javascript:alert(1)' },
      ],
      name: 'Bookmarks bar',
      type: 'folder',
    },
    other: { children: [], name: 'Other bookmarks', type: 'folder' },
    synced: { children: [], name: 'Mobile bookmarks', type: 'folder' },
  },
  version: 1,
});

// Firefox: Bookmarks ▸ Manage Bookmarks ▸ Backup…
const FIREFOX = JSON.stringify({
  guid: 'root________',
  title: '',
  type: 'text/x-moz-place-container',
  root: 'placesRoot',
  children: [
    {
      guid: 'toolbar_____',
      title: 'toolbar',
      type: 'text/x-moz-place-container',
      root: 'toolbarFolder',
      children: [
        {
          title: 'Investigations',
          type: 'text/x-moz-place-container',
          children: [
            {
              title: 'Port contracts',
              type: 'text/x-moz-place',
              uri: 'https://news.example/port-contracts',
              dateAdded: 1727942400000000,
              tags: 'ports,contracts',
            },
          ],
        },
        { title: 'Most Visited', type: 'text/x-moz-place', uri: 'place:sort=8&maxResults=10' },
      ],
    },
  ],
});

const PINBOARD = JSON.stringify([
  {
    href: 'https://longform.example/essay',
    description: 'An essay on harbours',
    extended: '',
    meta: 'x',
    hash: 'y',
    time: '2024-10-03T08:00:00Z',
    shared: 'no',
    toread: 'yes',
    tags: 'longform harbours',
  },
  {
    href: 'https://longform.example/read',
    description: 'Already read',
    extended: 'notes',
    time: '2024-10-04T08:00:00Z',
    shared: 'yes',
    toread: 'no',
    tags: '',
  },
]);

async function importOne(path: string, text: string) {
  const library = tempLibrary();
  const summary = await importFiles(library, [{ path, read: async () => Buffer.from(text) }]);
  const articles = listArticles(library, { limit: 50 }).items.map((item) => getArticle(library, item.id));
  return { summary, articles };
}

describe('moving in', () => {
  it('reads Chrome’s Bookmarks file, folders as tags, dates from 1601', async () => {
    const { summary, articles } = await importOne('/home/ana/.config/google-chrome/Default/Bookmarks', CHROME);
    expect(summary.failed).toEqual([]);
    expect(summary.leftOut).toMatchObject([{ count: 1 }]);
    const budget = articles.find((article) => article.title === 'Council budget')!;
    expect(budget.tags).toEqual(['Local politics']);
    expect(new Date(budget.createdAt).getUTCFullYear()).toBe(2024);
    expect(articles.map((article) => article.title).sort()).toEqual(['Council budget', 'Ferries resume']);
  });

  it('reads a Firefox bookmark backup, without its smart folders', async () => {
    const { summary, articles } = await importOne('bookmarks-2026-11-30.json', FIREFOX);
    expect(summary.failed).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ title: 'Port contracts', sourceUrl: 'https://news.example/port-contracts' });
    expect(articles[0]!.tags.sort()).toEqual(['Investigations', 'contracts', 'ports']);
  });

  it('reads a Pinboard export, with its tags and what is still to read', async () => {
    const { summary, articles } = await importOne('pinboard_export.json', PINBOARD);
    expect(summary.failed).toEqual([]);
    const essay = articles.find((article) => article.title === 'An essay on harbours')!;
    expect(essay.tags.sort()).toEqual(['harbours', 'longform']);
    expect(essay.read).toBe(false);
    expect(articles.find((article) => article.title === 'Already read')!.read).toBe(true);
  });

  it('says a Pinboard export with nothing in it is empty', async () => {
    const { summary } = await importOne('pinboard_export.json', '[ ]');
    expect(summary.failed[0]!.error.message).toMatch(/empty|not one Dateline recognises/);
  });
});
