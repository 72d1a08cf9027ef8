import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../electron/import/pipeline.ts';
import { supportedExtensions } from '../../../electron/import/registry.ts';
import { tempLibrary } from '../../helpers/temp.ts';
import { listArticles } from '../../helpers/queries.ts';

/** CSV exports as people's tools rewrite them, and files of a known extension nothing recognised. */

describe('CSV exports', () => {
  it('are read whatever their headers’ case, spaces, underscores or byte-order mark', async () => {
    const library = tempLibrary();
    const pocket = '\uFEFFTitle,URL,Time Added,Tags,Status\nFerries resume,https://harbour.example/a,1727942400,transport,archive\n';
    const instapaper = 'url, title ,Selection,FOLDER,time-stamp\nhttps://harbour.example/b,Talks resume,,Unread,1727942400\n';
    const summary = await importFiles(library, [
      { path: 'part_000000.csv', read: async () => Buffer.from(pocket) },
      { path: 'instapaper-export.csv', read: async () => Buffer.from(instapaper) },
    ]);
    expect(summary.failed).toEqual([]);
    const titles = listArticles(library, { limit: 10 })
      .items.map((item) => item.title)
      .sort();
    expect(titles).toEqual(['Ferries resume', 'Talks resume']);
    expect(listArticles(library, { view: 'archive', limit: 10 }).items.map((item) => item.title)).toEqual(['Ferries resume']);
  });

  it('that no app wrote is refused with the columns found and the exports read', async () => {
    const library = tempLibrary();
    const summary = await importFiles(library, [
      { path: 'contacts.csv', read: async () => Buffer.from('Name,Phone,Beat\nAna,555-0100,courts\n') },
    ]);
    expect(summary.failed[0]!.error.message).toBe(
      'This CSV file has the columns Name, Phone, Beat; Dateline reads Pocket exports (title, url, time_added, tags, status); Instapaper exports (URL, Title, Selection, Folder); Raindrop.io exports (title, note, excerpt, url, folder, tags, created) and Readwise Reader exports (Title, URL, Document tags, Saved date, Location).',
    );
  });
});

describe('a file of a known extension that nothing recognised', () => {
  it('is never told that its type is unsupported in a message listing that type', async () => {
    const library = tempLibrary();
    const files = supportedExtensions.map((extension) => ({
      path: `unknown${extension}`,
      read: async () => Buffer.from('{"neither": "an export nor a story"}'),
    }));
    const summary = await importFiles(library, files);
    for (const failure of summary.failed) {
      const extension = failure.path.slice(failure.path.lastIndexOf('.'));
      expect(failure.error.message, failure.path).not.toMatch(new RegExp(`cannot import files of type \\${extension}\\b`));
    }
  });
});

describe('a file with nothing in it', () => {
  it('says it is empty, whether it has no bytes, white space, or JSON of an empty list or object', async () => {
    const library = tempLibrary();
    const files = [
      ['export.json', ''],
      ['export.json', ' \n'],
      ['export.json', '\uFEFF[ ]\n'],
      ['export.json', '{}'],
      ['bookmarks.csv', '\n'],
    ] as const;
    const summary = await importFiles(
      library,
      files.map(([path, text]) => ({ path, read: async () => Buffer.from(text) })),
    );
    expect(summary.failed.map((failure) => failure.error.message)).toEqual([
      'This .json file is empty: it holds nothing to import.',
      'This .json file is empty: it holds nothing to import.',
      'This JSON file holds an empty list: there is nothing in it to import.',
      'This JSON file holds an empty object: there is nothing in it to import.',
      'This .csv file is empty: it holds nothing to import.',
    ]);
  });
});
