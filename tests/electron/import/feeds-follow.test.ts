import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FeedRefresher } from '../../../electron/import/feeds/refresher.ts';
import { createDispatcher } from '../../../electron/ipc/dispatcher.ts';
import type { ChannelName, ChannelOutput, EventName } from '../../../electron/ipc/contract.ts';
import type { Library } from '../../../electron/library/library.ts';
import { FIXTURES, tempLibrary } from '../../helpers/temp.ts';
import { html, localWebApp, localWebsite, redirect, LOCAL_HOSTS as LOCAL } from '../../helpers/web-server.ts';

const STORY = Array.from(
  { length: 10 },
  (_, i) => `<p>Paragraph ${i + 1}: the ferry crews said the talks on pay and rotas would resume on Monday at the harbour office.</p>`,
).join('');

interface Item {
  guid: string;
  title: string;
  link: string;
  content?: string;
  description?: string;
}

function rss(title: string, items: Item[]): string {
  const entries = items
    .map(
      (item) => `<item><title>${item.title}</title><link>${item.link}</link><guid isPermaLink="false">${item.guid}</guid>
        <pubDate>Wed, 11 Jun 2025 06:30:00 GMT</pubDate>
        ${item.description ? `<description>${item.description}</description>` : ''}
        ${item.content ? `<content:encoded><![CDATA[${item.content}]]></content:encoded>` : ''}</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
    <title>${title}</title><link>https://gazette.example/</link>${entries}</channel></rss>`;
}

/** A feed that answers 304 to a request naming its current ETag, and counts what it was asked. */
function conditionalFeed(body: () => string) {
  const asked: { ifNoneMatch: string | undefined }[] = [];
  const route = (request: IncomingMessage, response: ServerResponse) => {
    const text = body();
    const etag = `"${Buffer.from(text).length}-${text.length % 97}"`;
    asked.push({ ifNoneMatch: request.headers['if-none-match'] });
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag }).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(text);
  };
  return { route, asked };
}

function setUp(library: Library, disabledFeatures: 'fetch-urls'[] = []) {
  const emitted: EventName[] = [];
  const dispatch = createDispatcher({
    library,
    app: localWebApp(disabledFeatures),
    emit: (event) => emitted.push(event),
    resumeDownloads: false,
  });
  const call = async <C extends ChannelName>(channel: C, input: unknown): Promise<ChannelOutput<C>> => {
    const result = await dispatch(channel, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as ChannelOutput<C>;
  };
  const refused = async (channel: ChannelName, input: unknown) => {
    const result = await dispatch(channel, input);
    if (result.ok) throw new Error(`${channel} was expected to be refused`);
    return result.error;
  };
  return { call, refused, emitted };
}

const articles = (library: Library) =>
  library.db.prepare('SELECT id, title, body_text, body_html, dek, fetch_state, source_name, is_read FROM articles ORDER BY id').all() as {
    id: number;
    title: string;
    body_text: string;
    body_html: string;
    dek: string;
    fetch_state: string | null;
    source_name: string;
    is_read: number;
  }[];

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

describe('following feeds', () => {
  it('a site’s address finds its feed; full-text items become articles, teasers saved links whose pages are downloaded', async () => {
    const items: Item[] = [
      { guid: 'g1', title: 'Ferry crews walk out &lt;script&gt;', link: '/news/strike', content: `${STORY}<script>alert(1)</script>` },
      { guid: 'g2', title: 'Harbour wall repairs begin', link: '/news/wall', description: 'Work starts on Monday.' },
    ];
    const site = await localWebsite({
      '/': html(
        '<html><head><title>Gazette</title><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>Hi</body></html>',
      ),
      '/feed.xml': conditionalFeed(() =>
        rss(
          'The Harbour Gazette',
          items.map((item) => ({ ...item, link: site.url(item.link) })),
        ),
      ).route,
      '/news/wall': html(
        `<html><head><title>Harbour wall repairs begin</title></head><body><article><h1>Harbour wall repairs begin</h1>${STORY}</article></body></html>`,
      ),
    });
    const library = tempLibrary();
    const { call, emitted } = setUp(library);

    const { feed, added } = await call('feeds.subscribe', { address: site.url('/') });
    expect(added).toBe(true);
    expect(feed).toMatchObject({ url: site.url('/feed.xml'), title: 'The Harbour Gazette', error: null, unread: 2, total: 2 });
    expect(emitted).toContain('feeds.changed');
    const [strike, wall] = articles(library);
    expect(strike).toMatchObject({ title: 'Ferry crews walk out <script>', source_name: 'The Harbour Gazette', fetch_state: null });
    expect(strike!.body_text).toContain('talks on pay and rotas');
    expect(strike!.body_html).not.toMatch(/<script|alert/);
    expect(wall).toMatchObject({ title: 'Harbour wall repairs begin', dek: 'Work starts on Monday.' });
    // The teaser's page is downloaded like a saved link's.
    await until(() => articles(library)[1]!.fetch_state === null, 'the teaser’s page');
    expect(articles(library)[1]!.body_text).toContain('Paragraph 10');

    // The same site again is the same feed.
    expect(await call('feeds.subscribe', { address: site.url('/feed.xml') })).toMatchObject({ added: false, feed: { id: feed.id } });
    expect(await call('articles.list', { feed: feed.id })).toMatchObject({ total: 2 });
  });

  it('asks only for what changed, adds a new item once, and never brings back an item whose article was deleted', async () => {
    const items: Item[] = [{ guid: 'a', title: 'First story', link: 'https://gazette.example/a', content: STORY }];
    const feedRoute = conditionalFeed(() => rss('Gazette', items));
    const site = await localWebsite({ '/feed': feedRoute.route });
    const library = tempLibrary();
    const { call } = setUp(library);
    const { feed } = await call('feeds.subscribe', { address: site.url('/feed') });

    expect(await call('feeds.refresh', { id: feed.id })).toEqual({ refreshed: 1, added: 0, failed: 0 });
    expect(feedRoute.asked.at(-1)!.ifNoneMatch).toMatch(/^"/);

    items.unshift({ guid: 'b', title: 'Second story', link: 'https://gazette.example/b', content: `${STORY}<p>More.</p>` });
    expect(await call('feeds.refresh', {})).toEqual({ refreshed: 1, added: 1, failed: 0 });
    expect(articles(library).map((article) => article.title)).toEqual(['First story', 'Second story']);

    await call('articles.delete', { id: articles(library)[0]!.id });
    items.push({ guid: 'c', title: 'Third story', link: 'https://gazette.example/c', content: `${STORY}<p>Third.</p>` });
    await call('feeds.refresh', { id: feed.id });
    expect(articles(library).map((article) => article.title)).toEqual(['Second story', 'Third story']);
    // Nothing of the deleted article's own is kept to remember it by: only a digest.
    expect(JSON.stringify(library.db.prepare('SELECT * FROM feed_items').all())).not.toContain('gazette.example/a');
  });

  it('a bad feed fails alone with its reason in its row; hostile content is sanitized; a good feed beside it refreshes', async () => {
    const good: Item[] = [{ guid: 'ok', title: 'Good story', link: 'https://gazette.example/ok', content: STORY }];
    let broken = rss('Was fine', [{ guid: 'x', title: 'Old', link: 'https://broken.example/x', content: STORY }]);
    const site = await localWebsite({
      '/good': conditionalFeed(() => rss('Good', good)).route,
      '/broken': (_request, response) => response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(broken),
      '/page': html('<html><head><title>No feed here</title></head><body><p>Just a page.</p></body></html>'),
      '/huge': (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/rss+xml' });
        response.end(rss('Huge', [{ guid: 'h', title: 'Huge', link: 'https://huge.example/h', content: 'x'.repeat(11 * 1024 * 1024) }]));
      },
    });
    const library = tempLibrary();
    const { call, refused } = setUp(library);
    const goodFeed = (await call('feeds.subscribe', { address: site.url('/good') })).feed;
    const brokenFeed = (await call('feeds.subscribe', { address: site.url('/broken') })).feed;

    expect((await refused('feeds.subscribe', { address: site.url('/page') })).message).toMatch(/names no feed/);
    expect((await refused('feeds.subscribe', { address: site.url('/huge') })).message).toMatch(/larger than 10 MB/);
    expect((await refused('feeds.subscribe', { address: site.url('/missing') })).message).toMatch(/404/);
    expect((await refused('feeds.subscribe', { address: 'javascript:alert(1)' })).message).toMatch(/http and https/);

    broken = '<html><body>We moved!</body></html>';
    good.push({
      guid: 'new',
      title: 'New <b>story</b>',
      link: 'https://gazette.example/new',
      content: `<p onclick="x()">${STORY}</p><iframe src="https://evil.example"></iframe>`,
    });
    expect(await call('feeds.refresh', {})).toEqual({ refreshed: 2, added: 1, failed: 1 });
    const feeds = await call('feeds.list', {});
    expect(feeds.find((feed) => feed.id === brokenFeed.id)!.error).toMatch(/web page, not a feed/);
    expect(feeds.find((feed) => feed.id === goodFeed.id)!.error).toBeNull();
    const fresh = articles(library).find((article) => article.title.startsWith('New'))!;
    expect(fresh.body_html).not.toMatch(/onclick|<iframe/);

    broken = '<?xml version="1.0"?><rss><channel><title>Cut';
    await call('feeds.refresh', { id: brokenFeed.id });
    expect((await call('feeds.list', {})).find((feed) => feed.id === brokenFeed.id)!.error).toBeTruthy();
    // What the broken feed had brought is still there.
    expect(articles(library).some((article) => article.title === 'Old')).toBe(true);
  });

  it('follows a feed that moved for good (301, 308) at its new address, and one moved for now where it was', async () => {
    const body = rss('The Harbour Gazette', [
      { guid: 'g1', title: 'Ferry crews walk out', link: 'https://gazette.example/strike', content: STORY },
    ]);
    let moved = false;
    const site = await localWebsite({
      '/feed': (request, response) =>
        moved ? redirect('/moved', 301)(request, response) : html(body, 'application/rss+xml')(request, response),
      '/moved': (request, response) =>
        moved ? redirect('/for-now', 302)(request, response) : html(body, 'application/rss+xml')(request, response),
      '/for-now': html(body, 'application/rss+xml'),
    });
    const library = tempLibrary();
    const { call } = setUp(library);
    const { feed } = await call('feeds.subscribe', { address: site.url('/feed') });
    moved = true;
    await call('feeds.refresh', { id: feed.id });
    // /feed → 301 → /moved → 302 → /for-now: not every hop permanent, so the feed stays put.
    expect((await call('feeds.list', {}))[0]!.url).toBe(site.url('/feed'));
    moved = false;
    const permanent = await localWebsite({ '/old': redirect(site.url('/moved'), 308) });
    library.db.prepare('UPDATE feeds SET url = ? WHERE id = ?').run(permanent.url('/old'), feed.id);
    await call('feeds.refresh', { id: feed.id });
    expect((await call('feeds.list', {}))[0]).toMatchObject({ url: site.url('/moved'), error: null });
    expect(articles(library)).toHaveLength(1);
  });

  it('paused feeds are passed over, “mark all read” reads a feed’s articles, “keep N days” drops what was not kept', async () => {
    const items: Item[] = ['one', 'two', 'three'].map((guid) => ({
      guid,
      title: `Story ${guid}`,
      link: `https://gazette.example/${guid}`,
      content: `${STORY}<p>${guid}</p>`,
    }));
    const site = await localWebsite({ '/feed': conditionalFeed(() => rss('Gazette', items)).route });
    const library = tempLibrary();
    const { call, refused } = setUp(library);
    const { feed } = await call('feeds.subscribe', { address: site.url('/feed') });

    expect(await call('feeds.update', { id: feed.id, patch: { paused: true } })).toMatchObject({ paused: true });
    expect(await call('feeds.refresh', {})).toEqual({ refreshed: 0, added: 0, failed: 0 });
    expect((await refused('feeds.update', { id: feed.id, patch: { keepDays: 3 } })).code).toBe('INVALID_INPUT');

    expect(await call('feeds.markRead', { id: feed.id })).toEqual({ changed: 3 });
    expect((await call('feeds.list', {}))[0]).toMatchObject({ unread: 0, total: 3 });

    const [one, two] = articles(library);
    library.db.prepare('UPDATE articles SET created_at = ?').run(Date.now() - 40 * 24 * 60 * 60 * 1000);
    await call('articles.setStates', { changes: [{ id: one!.id, favorite: true }] });
    await call('tags.set', { id: two!.id, tags: ['keep'] });
    await call('feeds.update', { id: feed.id, patch: { keepDays: 30, paused: false } });
    await call('feeds.refresh', { id: feed.id });
    expect(articles(library).map((article) => article.title)).toEqual(['Story one', 'Story two']);
  });

  it('unsubscribing keeps the feed’s articles unless asked to delete those not kept', async () => {
    const site = await localWebsite({
      '/a': conditionalFeed(() => rss('A', [{ guid: '1', title: 'Kept', link: 'https://a.example/1', content: STORY }])).route,
      '/b': conditionalFeed(() => rss('B', [{ guid: '2', title: 'Dropped', link: 'https://b.example/2', content: `${STORY}<p>b</p>` }]))
        .route,
    });
    const library = tempLibrary();
    const { call, refused } = setUp(library);
    const a = (await call('feeds.subscribe', { address: site.url('/a') })).feed;
    const b = (await call('feeds.subscribe', { address: site.url('/b') })).feed;
    expect(await call('feeds.unsubscribe', { id: a.id })).toEqual({ deleted: 0 });
    expect(await call('feeds.unsubscribe', { id: b.id, deleteArticles: true })).toEqual({ deleted: 1 });
    expect(articles(library).map((article) => article.title)).toEqual(['Kept']);
    expect(await call('feeds.list', {})).toEqual([]);
    expect((await refused('feeds.markRead', { id: a.id })).code).toBe('NOT_FOUND');
  });

  it('a policy that turns fetching off refuses following with its reason', async () => {
    const { refused } = setUp(tempLibrary(), ['fetch-urls']);
    expect((await refused('feeds.subscribe', { address: 'https://gazette.example/feed' })).message).toMatch(/policy/);
    expect((await refused('feeds.refresh', {})).message).toMatch(/policy/);
  });
});

describe('OPML', () => {
  const opml = (name: string) => readFileSync(fileURLToPath(new URL(`opml/${name}`, FIXTURES))).toString('base64');

  it.each([
    ['feedly.opml', 4, 'BBC News - World'],
    ['inoreader.opml', 3, 'Coast & Country'],
    ['netnewswire.opml', 3, 'Nieman Lab'],
  ])('follows every feed of another reader’s export (%s), once', async (file, count, title) => {
    const library = tempLibrary();
    const { call } = setUp(library);
    // The feeds are refreshed after the answer: with no network, each keeps its reason.
    const result = await call('feeds.importOpml', { data: opml(file) });
    expect(result.added).toHaveLength(count);
    expect(result.skipped).toEqual([]);
    expect(result.added.map((feed) => feed.title)).toContain(title);
    const again = await call('feeds.importOpml', { data: opml(file) });
    expect(again).toMatchObject({ added: [], existing: count });
  });

  it('a hostile list follows only web addresses, expands no entity, and exports as valid OPML that reads back the same', async () => {
    const library = tempLibrary();
    const { call } = setUp(library);
    const result = await call('feeds.importOpml', { data: opml('hostile.opml') });
    expect(result.added.map((feed) => feed.url).sort()).toEqual([
      'https://entity.example/feed',
      'https://hostile.example/feed?x=%22%3E%3Cscript%3E',
    ]);
    expect(result.skipped.map((skip) => skip.title)).toEqual(['Script', 'Local file', 'With password', 'Not a URL']);
    expect(JSON.stringify(result)).not.toContain('root:');

    const exported = await call('feeds.exportOpml', {});
    expect(exported).toMatchObject({ mimeType: 'text/x-opml', fileName: expect.stringMatching(/^dateline-feeds-\d{4}-\d\d-\d\d\.opml$/) });
    const text = Buffer.from(exported.data, 'base64').toString();
    expect(text).not.toMatch(/<script|<img/);
    const elsewhere = tempLibrary();
    const back = await setUp(elsewhere).call('feeds.importOpml', { data: exported.data });
    expect(back.added.map((feed) => [feed.url, feed.title]).sort()).toEqual(result.added.map((feed) => [feed.url, feed.title]).sort());
  });

  it('garbage is refused with a sentence, and nothing is followed', async () => {
    const library = tempLibrary();
    const { call, refused } = setUp(library);
    for (const data of ['', 'not xml at all', '<?xml version="1.0"?><rss></rss>', '<opml><body></body></opml>', '\u0000\u0001\u0002']) {
      const error = await refused('feeds.importOpml', { data: Buffer.from(data).toString('base64') });
      expect(error.message).toMatch(/OPML|empty|not text/);
    }
    expect(await call('feeds.list', {})).toEqual([]);
  });
});

describe('the refresh schedule', () => {
  it('refreshes a feed once its interval has passed, never a paused one, and nothing while fetching is off', async () => {
    const feedRoute = conditionalFeed(() =>
      rss('Gazette', [{ guid: 'a', title: 'First', link: 'https://gazette.example/a', content: STORY }]),
    );
    const site = await localWebsite({ '/feed': feedRoute.route, '/paused': feedRoute.route });
    const library = tempLibrary();
    const { call } = setUp(library);
    const { feed } = await call('feeds.subscribe', { address: site.url('/feed') });
    const paused = (await call('feeds.subscribe', { address: site.url('/paused') })).feed;
    await call('feeds.update', { id: paused.id, patch: { paused: true } });
    let enabled = true;
    const refreshed: number[] = [];
    const refresher = new FeedRefresher({
      library,
      everyMinutes: () => 60,
      enabled: () => enabled,
      fetch: () => ({ allowHosts: LOCAL }),
      onRefreshed: (refresh) => refreshed.push(refresh.feedId),
    });

    expect(await refresher.refreshDue()).toEqual([]);
    library.db.prepare('UPDATE feeds SET checked_at = ?').run(Date.now() - 61 * 60_000);
    enabled = false;
    expect(await refresher.refreshDue()).toEqual([]);
    enabled = true;
    expect((await refresher.refreshDue()).map((refresh) => refresh.feedId)).toEqual([feed.id]);
    expect(refreshed).toEqual([feed.id]);
    // Checked just now: not due again until the hour has passed.
    expect(await refresher.refreshDue()).toEqual([]);
  });
});
