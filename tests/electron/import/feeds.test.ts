import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../electron/import/pipeline.ts';
import type { Library } from '../../../electron/library/library.ts';
import { FIXTURES, tempLibrary } from '../../helpers/temp.ts';

const encoder = new TextEncoder();

function feedFile(name: string) {
  const path = fileURLToPath(new URL(`feeds/${name}`, FIXTURES));
  return { path, read: async () => readFileSync(path) };
}

function stored(library: Library) {
  return library.db
    .prepare('SELECT title, byline, source_name, source_url, published_at, body_html, body_text FROM articles ORDER BY id')
    .all() as {
    title: string;
    byline: string;
    source_name: string;
    source_url: string;
    published_at: number | null;
    body_html: string;
    body_text: string;
  }[];
}

describe('feeds', () => {
  it('an RSS 2.0 feed: items with full text become articles, sanitized; items without become saved links', async () => {
    const library = tempLibrary();
    const summary = await importFiles(library, [feedFile('rss2.xml')]);
    expect(summary.failed).toEqual([]);
    expect(summary.imported).toHaveLength(2);
    const [strike, wall] = stored(library);
    expect(strike).toMatchObject({
      title: 'Ferry crews walk out over pay & rotas',
      byline: 'Ann Lee',
      source_name: 'The Harbour Gazette',
      source_url: 'https://gazette.example/2025/06/ferry-strike',
      published_at: Date.parse('2025-06-11T06:30:00Z'),
    });
    expect(strike!.body_text).toContain('talks on pay and rotas broke down');
    expect(strike!.body_html).not.toMatch(/<script|alert/);
    expect(wall).toMatchObject({ title: 'Harbour wall repairs begin', byline: 'Bo Chen', body_text: '' });
  });

  it('an Atom feed: xhtml content, relative links made absolute, entity-escaped titles read once', async () => {
    const library = tempLibrary();
    const summary = await importFiles(library, [feedFile('atom.xml')]);
    expect(summary.failed).toEqual([]);
    const [storm, tides] = stored(library);
    expect(storm).toMatchObject({
      title: 'Storm closes the coast road',
      byline: 'Carla Diaz',
      source_name: 'Coast & Country',
      source_url: 'https://coast.example/news/storm-road',
    });
    expect(storm!.body_text).toContain('use the inland route');
    expect(storm!.body_html).not.toContain('onclick');
    expect(tides!.source_url).toBe('https://coast.example/news/tides');
  });

  it('a JSON Feed: HTML and plain-text content, the feed’s author for items without one', async () => {
    const library = tempLibrary();
    const summary = await importFiles(library, [feedFile('feed.json')]);
    expect(summary.failed).toEqual([]);
    const [ferry, note] = stored(library);
    expect(ferry).toMatchObject({ title: 'What the ferry strike means for islanders', byline: 'Dee Okafor', source_name: 'Island Notes' });
    expect(ferry!.body_html).not.toContain('onload');
    expect(note!.body_text).toContain('Second <b>paragraph</b>, with angle brackets that stay text.');
  });

  it('regression: an item with its whole text but no usable address (a newsletter’s) is kept, not left out', async () => {
    const library = tempLibrary();
    const story = Array.from(
      { length: 6 },
      (_, i) => `<p>Part ${i + 1}: the desk’s morning note on the ferry talks and the harbour board.</p>`,
    ).join('');
    const feed = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
      <title>Morning Note</title>
      <item><title>Tuesday’s note</title><guid isPermaLink="false">note-0611</guid><content:encoded><![CDATA[${story}]]></content:encoded></item>
      <item><guid isPermaLink="false">note-0612</guid><description><![CDATA[A teaser, with nowhere to read the rest.]]></description></item>
      <item><guid isPermaLink="false">note-0614</guid><content:encoded><![CDATA[${story.replaceAll('morning', 'evening')}]]></content:encoded></item>
      <item><title>Only a title</title><guid isPermaLink="false">note-0613</guid></item>
      <item><title>A bad address</title><link>javascript:alert(1)</link><content:encoded><![CDATA[${story}]]></content:encoded></item>
    </channel></rss>`;
    const summary = await importFiles(library, [{ path: 'note.rss', read: async () => encoder.encode(feed) }]);
    expect(summary.failed).toEqual([]);
    const kept = stored(library);
    expect(kept.map((article) => [article.title, article.source_url])).toEqual([
      ['Tuesday’s note', null],
      ['Part 1: the desk’s evening note on the ferry talks', null],
      ['A bad address', null],
    ]);
    expect(kept[0]!.body_text).toContain('Part 6');
    expect(kept[2]!.body_html).not.toContain('javascript');
    expect(summary.leftOut.map((group) => group.count).reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('the same feed again adds nothing twice', async () => {
    const library = tempLibrary();
    await importFiles(library, [feedFile('rss2.xml')]);
    const again = await importFiles(library, [feedFile('rss2.xml')]);
    expect(again.imported).toEqual([]);
    expect(again.duplicates).toHaveLength(2);
  });

  it('fails alone, with a reason, on a feed with no items or broken JSON, and takes plain XML for no feed', async () => {
    const library = tempLibrary();
    const summary = await importFiles(library, [
      { path: 'empty.rss', read: async () => encoder.encode('<rss version="2.0"><channel><title>Quiet</title></channel></rss>') },
      { path: 'broken.json', read: async () => encoder.encode('{"version": "https://jsonfeed.org/version/1", "items": [') },
      {
        path: 'sitemap.xml',
        read: async () => encoder.encode('<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>'),
      },
      feedFile('atom.xml'),
    ]);
    expect(summary.imported).toHaveLength(2);
    expect(summary.failed.map((failure) => [failure.path, failure.error.message])).toEqual([
      ['empty.rss', 'The feed “Quiet” has no items.'],
      ['broken.json', 'This JSON Feed is not valid JSON.'],
      ['sitemap.xml', expect.any(String)],
    ]);
  });

  it('an ampersand escaped in a link’s href is read once: the address keeps its query', async () => {
    const library = tempLibrary();
    const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Q &amp; A</title>
      <entry><title>Ask the harbour master</title><link href="https://coast.example/story?id=7&amp;ref=feed"/><id>urn:q:7</id>
      <content type="html">&lt;p&gt;The harbour master answers readers.&lt;/p&gt;</content></entry></feed>`;
    const summary = await importFiles(library, [{ path: 'qa.atom', read: async () => encoder.encode(atom) }]);
    expect(summary.failed).toEqual([]);
    expect(stored(library)[0]).toMatchObject({ source_url: 'https://coast.example/story?id=7&ref=feed', source_name: 'Q & A' });
  });

  it('a feed in ISO-8859-1, as its XML declaration says, keeps its accents', async () => {
    const library = tempLibrary();
    const rss =
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Le Café</title><item><title>Été à la plage</title><link>https://cafe.example/ete</link></item></channel></rss>';
    const summary = await importFiles(library, [{ path: 'cafe.rss', read: async () => Buffer.from(rss, 'latin1') }]);
    expect(summary.failed).toEqual([]);
    expect(stored(library)[0]).toMatchObject({ title: 'Été à la plage', source_name: 'Le Café' });
  });
});

describe('an OPML list given to the importer', () => {
  it('is refused with where its feeds are followed, whatever its extension', async () => {
    const library = tempLibrary();
    const opml = '<?xml version="1.0"?><opml version="1.0"><body><outline text="A" xmlUrl="https://a.example/feed"/></body></opml>';
    const summary = await importFiles(library, [
      { path: 'subscriptions.opml', read: async () => encoder.encode(opml) },
      { path: 'feedly.xml', read: async () => encoder.encode(opml) },
    ]);
    expect(summary.failed.map((failure) => failure.error.message)).toEqual([
      expect.stringContaining('This is an OPML list of feeds'),
      expect.stringContaining('This is an OPML list of feeds'),
    ]);
  });
});
