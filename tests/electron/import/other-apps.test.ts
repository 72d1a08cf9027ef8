import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../electron/import/pipeline.ts';
import { highlightsFromMarkdown, readOmnivoreNotes } from '../../../electron/import/formats/omnivore.ts';
import { getArticle } from '../../../electron/library/articles.ts';
import { deleteTag, listTags } from '../../../electron/library/tags.ts';
import { tagName } from '../../../electron/common/model.ts';
import type { Library } from '../../../electron/library/library.ts';
import { FIXTURES, tempLibrary } from '../../helpers/temp.ts';
import { listArticles } from '../../helpers/queries.ts';

const fixture = (name: string) => fileURLToPath(new URL(`archives/${name}`, FIXTURES));

async function importFixture(library: Library, name: string) {
  const path = fixture(name);
  return importFiles(library, [{ path, read: async () => readFileSync(path) }]);
}

function everything(library: Library) {
  return listArticles(library, { limit: 500 }).items.map((item) => getArticle(library, item.id));
}

function highlights(library: Library, id: number) {
  return library.db.prepare('SELECT quote, note FROM highlights WHERE article_id = ? ORDER BY id').all(id);
}

describe('Pocket', () => {
  it('reads the 2025 zip by column name: saved links with tags, state, dates and highlights', async () => {
    const library = tempLibrary();
    const summary = await importFixture(library, 'pocket.zip');
    expect(summary.failed).toEqual([]);
    const byTitle = Object.fromEntries(everything(library).map((article) => [article.title, article]));
    expect(Object.keys(byTitle).sort()).toEqual([
      'Café culture in Zürich',
      'Ferries resume after "long" strike',
      'Kursk: what we know',
      'https://blog.example/untitled',
    ]);
    const ferries = byTitle['Ferries resume after "long" strike']!;
    expect(ferries).toMatchObject({
      tags: ['labour', 'transport'],
      archived: false,
      fetchState: 'pending',
      createdAt: '2024-10-03T08:00:00.000Z',
      sourceName: 'harbour.example',
    });
    expect(highlights(library, ferries.id)).toEqual([{ quote: 'The union accepted a 4% rise.', note: '' }]);
    expect(byTitle['Kursk: what we know']).toMatchObject({ archived: true, read: true, tags: [] });
  });

  it('names the entries it leaves out, and why, and fails an export holding nothing but those', async () => {
    const library = tempLibrary();
    const summary = await importFixture(library, 'pocket.zip');
    expect(summary.leftOut).toEqual([
      { path: fixture('pocket.zip'), reason: 'its address is not a web (http or https) address', count: 1, titles: ['not a link'] },
    ]);

    const onlyBad =
      'title,url,time_added,tags,status\nScript,javascript:alert(1),1,,unread\nFile,file:///etc/passwd,1,,unread\nNothing,,1,,unread\n';
    const failed = await importFiles(library, [{ path: '/imports/part_000001.csv', read: async () => new TextEncoder().encode(onlyBad) }]);
    expect(failed.failed).toEqual([
      {
        path: '/imports/part_000001.csv',
        error: {
          code: 'IMPORT_FAILED',
          message:
            'None of the 3 entries in this file could be kept: 2 because its address is not a web (http or https) address; 1 because it has no address.',
        },
      },
    ]);
    expect(failed.leftOut).toEqual([]);
    expect(everything(library)).toHaveLength(4);
  });

  it('reads the legacy ril_export.html with its two lists', async () => {
    const library = tempLibrary();
    await importFixture(library, 'ril_export.html');
    const articles = everything(library);
    expect(articles.map((a) => [a.title, a.archived, a.tags])).toEqual(
      expect.arrayContaining([
        ['Ferries resume', false, ['labour', 'transport']],
        ['Kursk: what we know', true, []],
      ]),
    );
  });

  it('skips paths that climb out of the archive, and refuses a zip bomb without unpacking it', async () => {
    const library = tempLibrary();
    const traversal = await importFixture(library, 'traversal.zip');
    expect(traversal.imported.map((item) => item.title)).toEqual(['Safe']);
    const bomb = await importFixture(library, 'bomb.zip');
    expect(bomb.failed[0]!.error).toMatchObject({ code: 'TOO_LARGE', message: expect.stringMatching(/zip bomb/) });
  });
});

describe('Instapaper', () => {
  it('reads the CSV by header: folders become state or tags, the selection a highlight, Tags a JSON array', async () => {
    const library = tempLibrary();
    await importFixture(library, 'instapaper-export.csv');
    const byTitle = Object.fromEntries(everything(library).map((article) => [article.title, article]));
    expect(byTitle['Ferries resume, finally']).toMatchObject({ tags: ['labour', 'transport'], archived: false });
    expect(highlights(library, byTitle['Ferries resume, finally']!.id)).toEqual([{ quote: 'The union accepted a 4% rise.', note: '' }]);
    expect(byTitle['Kursk: what we know']).toMatchObject({ archived: true });
    expect(byTitle['Café culture in Zürich']).toMatchObject({ favorite: true });
    expect(byTitle['Council budget']).toMatchObject({ tags: ['Politics'] });
  });

  it('reads the HTML export', async () => {
    const library = tempLibrary();
    await importFixture(library, 'instapaper-export.html');
    expect(
      everything(library)
        .map((a) => [a.title, a.archived, a.tags])
        .sort(),
    ).toEqual([
      ['Council budget', false, ['Politics']],
      ['Ferries resume', false, []],
      ['Kursk: what we know', true, []],
    ]);
  });
});

describe('Raindrop.io', () => {
  it('reads the CSV backup: folder and tags as tags, the excerpt as dek, highlights with notes, the bookmark note', async () => {
    const library = tempLibrary();
    const summary = await importFixture(library, 'raindrop-export.csv');
    expect(summary.imported).toHaveLength(2);
    expect(summary.leftOut).toEqual([expect.objectContaining({ count: 1 })]);
    const byTitle = Object.fromEntries(everything(library).map((article) => [article.title, article]));
    const strike = byTitle['Ferry crews strike over pay']!;
    expect(strike).toMatchObject({ dek: 'Crews walked out on Monday, and the harbour stayed shut.', favorite: true });
    expect(strike.tags.sort()).toEqual(['Reading/Transport', 'ports', 'strikes']);
    expect(strike.createdAt).toBe('2025-03-14T09:12:44.211Z');
    expect(highlights(library, strike.id)).toEqual([
      { quote: 'the harbour stayed shut until the talks resumed', note: 'check the dates' },
      { quote: 'a second passage', note: '' },
      { quote: 'Ferry crews strike over pay', note: 'Ask the union about the rota' },
    ]);
    // "Unsorted" is Raindrop's own inbox, not a subject.
    expect(byTitle['Council budget explained']).toMatchObject({ tags: [], favorite: false });
  });
});

describe('Readwise Reader', () => {
  it('reads the CSV export: Location as state, tags from its list, a feed item left out and said so', async () => {
    const library = tempLibrary();
    const summary = await importFixture(library, 'readwise-reader-export.csv');
    expect(summary.imported).toHaveLength(3);
    expect(summary.leftOut[0]).toMatchObject({ count: 1, reason: expect.stringMatching(/feed/) });
    const byTitle = Object.fromEntries(everything(library).map((article) => [article.title, article]));
    expect(byTitle['Ferry crews strike over pay']).toMatchObject({ archived: true, read: true, createdAt: '2024-04-01T08:30:00.000Z' });
    expect(byTitle['Ferry crews strike over pay']!.tags.sort()).toEqual(['long read', 'strikes']);
    expect(byTitle['Council budget explained']).toMatchObject({ archived: false, read: false, favorite: false, tags: [] });
    expect(byTitle['The week in ports']).toMatchObject({ favorite: true, tags: ['ports'] });
  });
});

describe('Evernote', () => {
  it('reads an .enex export: web clips as their pages, notes as their text, pictures kept, tags and dates', async () => {
    const library = tempLibrary();
    const summary = await importFixture(library, 'evernote-export.enex');
    expect(summary.failed).toEqual([]);
    expect(summary.imported).toHaveLength(2);
    const byTitle = Object.fromEntries(everything(library).map((article) => [article.title, article]));
    const clip = byTitle['Council votes to close Elm Street library']!;
    expect(clip).toMatchObject({
      sourceUrl: 'https://rivertoncourier.example/2025/11/14/elm-street-library/',
      byline: 'Marcus Bell',
      createdAt: '2025-11-14T09:30:00.000Z',
    });
    expect(clip.tags.sort()).toEqual(['council', 'libraries']);
    expect(clip.text).toContain('a budget shortfall & the cost of the roof');
    // The picture the note pointed at by the MD5 of its bytes, stored with the article.
    expect(clip.html).toMatch(/<img src="dateline-media:\/\/[^"]+" alt="branch.png"/);
    const note = byTitle['Sources to call back']!;
    expect(note.sourceUrl).toBeNull();
    expect(note.text.split('\n').filter(Boolean)).toEqual([
      '☑ The library union rep, about the rota',
      '☐ The roofing contractor, about the estimate',
      '[An encrypted section of this note, which only Evernote can open, was not imported.]',
    ]);
  });

  it('says an export with no notes is empty, and one cut off is cut short', async () => {
    const read = (text: string) => importFiles(tempLibrary(), [{ path: 'notes.enex', read: async () => Buffer.from(text) }]);
    expect((await read('<?xml version="1.0"?><en-export></en-export>')).failed[0]!.error.message).toMatch(/empty: it holds no notes/);
    expect((await read('<en-export><note><title>x</title>')).failed[0]!.error.message).toMatch(/cut short/);
  });
});

describe('Omnivore', () => {
  it('reads each entry once, with its article, labels, state and highlights with notes', async () => {
    const library = tempLibrary();
    const summary = await importFixture(library, 'omnivore.zip');
    expect(summary.imported).toHaveLength(2);
    const ferries = everything(library).find((a) => a.title === 'Ferries resume')!;
    expect(ferries).toMatchObject({
      byline: 'Ana Lima',
      dek: 'The strike is over',
      tags: ['labour', 'transport'],
      archived: true,
      fetchState: null,
    });
    expect(ferries.text).toContain('Ferries resumed on Monday');
    expect(ferries.html).not.toContain('script');
    expect(highlights(library, ferries.id)).toEqual([
      { quote: 'Ferries resumed on Monday', note: 'Check the date with the operator.' },
      { quote: 'Talks with the operator lasted two days. The union said so.', note: '' },
      { quote: 'Thousands of islanders were cut off.', note: 'Ask how many.' },
      { quote: 'ending disruption', note: '' },
      // A note on the page, not on the highlight before it: kept as a note on the headline.
      { quote: 'Ferries resume', note: 'Follow up with the harbour master.' },
    ]);
  });

  it('regression: an entry with no content file keeps its author, description and published date', async () => {
    const library = tempLibrary();
    await importFixture(library, 'omnivore.zip');
    expect(everything(library).find((a) => a.title === 'Saved but never fetched')).toMatchObject({
      fetchState: 'pending',
      byline: 'Jo Berg',
      dek: 'Why the ferry timetable changed',
      publishedAt: '2024-09-30T07:00:00.000Z',
    });
  });

  it('reads a metadata file taken out of the zip as saved links, with what it knew of each', async () => {
    const library = tempLibrary();
    const metadata = [
      {
        id: 'a1',
        slug: 'ferries-resume',
        title: 'Ferries resume',
        description: 'The strike is over',
        author: 'Ana Lima',
        url: 'https://harbour.example/ferries-resume',
        state: 'Archived',
        labels: ['transport'],
        savedAt: '2024-10-03T08:00:00.000Z',
        publishedAt: '2024-10-02T18:00:00.000Z',
      },
      null,
    ];
    const summary = await importFiles(library, [{ path: 'metadata_0_to_2.json', read: async () => Buffer.from(JSON.stringify(metadata)) }]);
    expect(summary.failed).toEqual([]);
    expect(summary.leftOut).toHaveLength(1);
    expect(everything(library)).toMatchObject([
      {
        title: 'Ferries resume',
        byline: 'Ana Lima',
        dek: 'The strike is over',
        tags: ['transport'],
        archived: true,
        fetchState: 'pending',
      },
    ]);
  });

  it('tells a page note from the note of the highlight before it, at the end of the file too', () => {
    expect(readOmnivoreNotes('> one \n\nits note\n\n> two \n\npage note\n\n')).toEqual({
      highlights: [
        { quote: 'one', note: 'its note' },
        { quote: 'two', note: '' },
      ],
      pageNotes: ['page note'],
    });
    expect(readOmnivoreNotes('page note first\n\n\n\n> one ')).toEqual({
      highlights: [{ quote: 'one', note: '' }],
      pageNotes: ['page note first'],
    });
  });

  it('reads highlights written as quote blocks', () => {
    expect(highlightsFromMarkdown('> one\n> line two\n\nA note\n\n> three')).toEqual([
      { quote: 'one line two', note: 'A note' },
      { quote: 'three', note: '' },
    ]);
  });
});

describe('Wallabag', () => {
  it('reads whole articles with their state, tags, authors and annotations, sanitized', async () => {
    const library = tempLibrary();
    await importFixture(library, 'wallabag-export.json');
    const ferries = everything(library).find((a) => a.title === 'Ferries resume')!;
    expect(ferries).toMatchObject({
      archived: true,
      favorite: false,
      byline: 'Ana Lima, Jo Berg',
      language: 'en',
      tags: ['labour', 'transport'],
    });
    expect(ferries.html).not.toMatch(/onclick|pixel\.example/);
    expect(highlights(library, ferries.id)).toEqual([
      { quote: 'Talks with the operator lasted two days.', note: 'Check with the operator' },
    ]);
    expect(everything(library).find((a) => a.title === 'Empty content is a saved link')).toMatchObject({
      favorite: true,
      fetchState: 'pending',
    });
  });

  it('reads a version 1 export: "0"/"1" states, tags as one text, "Untitled" as no title', async () => {
    const library = tempLibrary();
    const summary = await importFixture(library, 'wallabag-v1-export.json');
    expect(summary.failed).toEqual([]);
    const byUrl = Object.fromEntries(everything(library).map((article) => [article.sourceUrl, article]));
    expect(Object.keys(byUrl)).toHaveLength(3);
    const port = byUrl['http://www.port.example/2014/02/05/port-rouvre']!;
    expect(port).toMatchObject({ title: 'Le port rouvre après la grève', archived: true, favorite: false, tags: ['grève', 'transport'] });
    expect(port.text).toContain('Les discussions avec l’opérateur ont duré deux jours');
    expect(port.html).not.toMatch(/onerror/);
    // "0" is no: the state as written, not the truth of a non-empty text.
    expect(byUrl['https://harbour.example/dues-frozen']).toMatchObject({ archived: false, favorite: false });
    const untitled = byUrl['http://www.port.example/2014/03/01/sans-titre']!;
    expect(untitled.title).not.toBe('Untitled');
    expect(untitled).toMatchObject({ favorite: true, fetchState: 'pending' });
  });
});

describe('browser bookmarks', () => {
  it('reads the unclosed markup leniently; folders become tags, browser root folders do not', async () => {
    const library = tempLibrary();
    await importFixture(library, 'bookmarks.html');
    expect(
      everything(library)
        .map((a) => [a.title, a.tags])
        .sort(),
    ).toEqual([
      ['An essay', ['Long reads', 'Reading']],
      ['Ferries resume & talks end', ['labour', 'Reading', 'transport']],
      ['World Desk', []],
    ]);
  });
});

describe('bookmark files from bookmarking services (Pinboard, Delicious, Shaarli)', () => {
  it('regression: character references stayed as written, descriptions were lost, unquoted attributes were missed', async () => {
    const library = tempLibrary();
    const summary = await importFixture(library, 'pinboard-bookmarks.html');
    expect(summary.failed).toEqual([]);
    const byUrl = Object.fromEntries(everything(library).map((a) => [a.sourceUrl, a]));
    expect(byUrl['https://harbour.example/2026/last-ferry']).toMatchObject({
      title: 'The ferry’s last run — and what comes next',
      dek: 'A long read about the last crossing, with the crew’s own words & pictures.',
      tags: ['harbour', 'transport'],
    });
    expect(byUrl['https://council.example/budget']).toMatchObject({ title: 'Budget économies', dek: '' });
    expect(byUrl['https://quay.example/notes']).toMatchObject({
      title: 'Quay notes',
      dek: 'Notes from the quay, written over two evenings.',
      tags: ['quay'],
      createdAt: new Date(1_741_200_000_000).toISOString(),
    });
  });
});

describe('moving in twice', () => {
  it('recognises the same links from two apps as duplicates', async () => {
    const library = tempLibrary();
    await importFixture(library, 'pocket.zip');
    const second = await importFixture(library, 'instapaper-export.csv');
    expect(second.duplicates.map((d) => d.title).sort()).toEqual([
      'Café culture in Zürich',
      'Ferries resume, finally',
      'Kursk: what we know',
    ]);
    expect(second.imported.map((i) => i.title)).toEqual(['Council budget']);
  });
});

describe('Pocket, one part file of an unpacked export', () => {
  it('is recognised by its header and imported as saved links', async () => {
    const library = tempLibrary();
    const csv = 'title,url,time_added,tags,status\n"Ferries resume",https://harbour.example/ferries,1727942400,transport|labour,archive\n';
    const summary = await importFiles(library, [{ path: 'part_000003.csv', read: async () => new TextEncoder().encode(csv) }]);
    expect(summary.failed).toEqual([]);
    const [article] = listArticles(library).items;
    expect(article).toMatchObject({ title: 'Ferries resume', archived: true, fetchState: 'pending', tags: ['labour', 'transport'] });
  });
});

describe('dates an export brings', () => {
  it('regression: a date out of range (1e20, the year 275760) no longer stops the list from loading', async () => {
    const library = tempLibrary();
    const wallabag = JSON.stringify([
      {
        is_archived: 0,
        url: 'https://a.example/far',
        title: 'Far future',
        content: '<p>Ferries resumed on Monday after a strike.</p>',
        created_at: 1e20,
        published_at: '+275760-09-13T00:00:00.000Z',
      },
    ]);
    const pocket = 'title,url,time_added,tags,status\nFar past,https://a.example/past,-99999999999999,,unread\n';
    const page =
      '<html><head><title>Dated oddly</title><meta property="article:published_time" content="+275760-09-13T00:00:00Z"></head><body><article><p>The harbour council met on Tuesday and members voted on the new berths after a long debate about costs and timing, again.</p></article></body></html>';
    const before = Date.now();
    const summary = await importFiles(library, [
      { path: '/imports/wallabag.json', read: async () => new TextEncoder().encode(wallabag) },
      { path: '/imports/part_000000.csv', read: async () => new TextEncoder().encode(pocket) },
      { path: '/imports/page.html', read: async () => new TextEncoder().encode(page) },
    ]);
    expect(summary.failed).toEqual([]);
    const articles = listArticles(library).items;
    expect(articles).toHaveLength(3);
    for (const article of articles) {
      expect(article.publishedAt).toBeNull();
      expect(Date.parse(article.createdAt)).toBeGreaterThanOrEqual(before);
    }
  });
});

describe('entries of the wrong shape', () => {
  it('regression: one entry that is not an object (null, a number) no longer fails a whole Wallabag export', async () => {
    const library = tempLibrary();
    const wallabag = JSON.stringify([
      {
        is_archived: 0,
        url: 'https://a.example/kept',
        title: 'Kept',
        content: '<p>Ferries resumed on Monday after a strike.</p>',
        tags: [null, 3, 'ferries', { label: 'strikes' }],
        annotations: [null, { quote: { words: 7 } }, { quote: 'Ferries resumed', text: null }],
      },
      null,
      5,
      { is_archived: 1, url: 42, title: ['not', 'text'] },
    ]);
    const summary = await importFiles(library, [{ path: '/imports/wallabag.json', read: async () => new TextEncoder().encode(wallabag) }]);
    expect(summary.failed).toEqual([]);
    expect(summary.imported.map((item) => item.title)).toEqual(['Kept']);
    expect(summary.leftOut).toEqual([
      { path: '/imports/wallabag.json', reason: 'it is not an entry of this export', count: 2, titles: ['Entry 2', 'Entry 3'] },
      { path: '/imports/wallabag.json', reason: 'its address is not a web (http or https) address', count: 1, titles: ['42'] },
    ]);
    const [kept] = everything(library);
    expect(kept).toMatchObject({ tags: ['3', 'ferries', 'strikes'] });
    expect(highlights(library, kept!.id)).toEqual([{ quote: 'Ferries resumed', note: '' }]);
  });
});

describe('tags an export brings', () => {
  it('regression: an Instapaper Tags list holding null or a number no longer turns into tags made of its JSON', async () => {
    const library = tempLibrary();
    const csv = 'URL,Title,Selection,Folder,Timestamp,Tags\nhttps://a.example/1,One,,Unread,1,"[null, {""name"": 5}, ""ferries""]"\n';
    await importFiles(library, [{ path: '/imports/instapaper-export.csv', read: async () => new TextEncoder().encode(csv) }]);
    expect(everything(library).map((article) => article.tags)).toEqual([['5', 'ferries']]);
  });

  it('regression: a tag of 150 characters or with a control character is stored as a name the app can filter, rename and delete', async () => {
    const library = tempLibrary();
    const long = 'x'.repeat(150);
    const csv = `title,url,time_added,tags,status\nOne,https://a.example/1,1,${long}|harbour\u0001news,unread\nTwo,https://a.example/2,1,Harbour news|\u0002,unread\n`;
    const summary = await importFiles(library, [{ path: '/imports/part_000000.csv', read: async () => new TextEncoder().encode(csv) }]);
    expect(summary.failed).toEqual([]);
    const tags = listTags(library);
    expect(tags.map((tag) => [tag.name, tag.count]).sort()).toEqual([
      ['harbour news', 2],
      ['x'.repeat(100), 1],
    ]);
    for (const tag of tags) expect(tagName.safeParse(tag.name).success).toBe(true);
    deleteTag(library, 'x'.repeat(100));
    expect(listTags(library)).toHaveLength(1);
  });
});
