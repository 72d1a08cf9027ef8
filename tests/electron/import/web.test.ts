import { describe, expect, it } from 'vitest';
import { fetchResource } from '../../../electron/import/web/fetch.ts';
import { downloadArticle } from '../../../electron/import/web/page.ts';
import { createDispatcher } from '../../../electron/ipc/dispatcher.ts';
import type { EventName } from '../../../electron/ipc/contract.ts';
import { Library } from '../../../electron/library/library.ts';
import { tempDir, tempLibrary } from '../../helpers/temp.ts';
import { bytes, html, LOCAL_HOSTS, localWebApp, localWebsite, redirect } from '../../helpers/web-server.ts';
import { join } from 'node:path';

/** The test site's host: on loopback, which downloads refuse unless a policy allows it. */
const LOCAL = LOCAL_HOSTS;

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEUlEQVR4nGP4z8DAwMDAAAAT/gH/7oOUUQAAAABJRU5ErkJggg==', 'base64');
const STORY = Array.from(
  { length: 12 },
  (_, i) =>
    `<p>Paragraph ${i + 1} of the harbour story: fishing boats returned to the quay on Monday after the storm, and the harbour master said the channel was clear again.</p>`,
).join('');

function newsPage(title: string, extra = ''): string {
  return `<!doctype html><html lang="en"><head><title>${title} | The Coast Gazette</title>
    <meta property="og:site_name" content="The Coast Gazette"><meta name="author" content="Ana Ruiz"></head>
    <body><nav>Home · World · Sport</nav><article><h1>${title}</h1>
    <figure><img src="/img/boats.png" alt="Boats at the quay"><figcaption>Boats at the quay.</figcaption></figure>
    <img src="/img/gone.png" alt="A lost picture"><img src="/pixel.gif" width="1" height="1" alt="">
    ${STORY}${extra}</article><footer>© Gazette</footer></body></html>`;
}

function dispatcherFor(library: Library, disabledFeatures: ('fetch-urls' | 'remote-images')[] = []) {
  const emitted: { event: EventName; payload: unknown }[] = [];
  // The local test site stands in for the web, so its address is allowed as an intranet host.
  const app = localWebApp(disabledFeatures);
  const dispatch = createDispatcher({ library, app, emit: (event, payload) => emitted.push({ event, payload }) });
  return { dispatch, emitted };
}

describe('fetching from the web', () => {
  it('follows redirects, but never to a scheme other than http or https', async () => {
    const site = await localWebsite({ '/old': redirect('/new'), '/new': html('<p>here</p>'), '/escape': redirect('file:///etc/passwd') });
    const fetched = await fetchResource(site.url('/old'), { maxBytes: 1000, timeoutMs: 5000, allowHosts: LOCAL });
    expect(fetched.url).toBe(site.url('/new'));
    await expect(fetchResource(site.url('/escape'), { maxBytes: 1000, timeoutMs: 5000, allowHosts: LOCAL })).rejects.toThrow(
      /only downloads http and https/,
    );
    await expect(fetchResource('file:///etc/passwd', { maxBytes: 1000, timeoutMs: 5000, allowHosts: LOCAL })).rejects.toThrow(
      /only downloads http and https/,
    );
  });

  it('stops a download larger than its cap, declared or not, and one that takes too long', async () => {
    const site = await localWebsite({
      '/big': bytes(Buffer.alloc(5000, 65), 'text/html'),
      '/endless': (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html' });
        const timer = setInterval(() => response.write('x'.repeat(1000)), 5);
        response.on('close', () => clearInterval(timer));
      },
      '/slow': () => undefined,
    });
    await expect(fetchResource(site.url('/big'), { maxBytes: 1000, timeoutMs: 5000, allowHosts: LOCAL })).rejects.toMatchObject({
      code: 'TOO_LARGE',
    });
    await expect(fetchResource(site.url('/endless'), { maxBytes: 20_000, timeoutMs: 5000, allowHosts: LOCAL })).rejects.toMatchObject({
      code: 'TOO_LARGE',
    });
    await expect(fetchResource(site.url('/slow'), { maxBytes: 1000, timeoutMs: 300, allowHosts: LOCAL })).rejects.toThrow(
      /did not answer within/,
    );
  });

  it('reports a site that answers with an error', async () => {
    const site = await localWebsite({});
    await expect(fetchResource(site.url('/missing'), { maxBytes: 1000, timeoutMs: 5000, allowHosts: LOCAL })).rejects.toThrow(
      /answered 404/,
    );
  });

  it('downloads a page as an article with its pictures stored, the missing one a placeholder, the pixel gone', async () => {
    const site = await localWebsite({
      '/story': html(newsPage('Harbour reopens after the storm')),
      '/img/boats.png': bytes(PNG, 'image/png'),
    });
    const article = await downloadArticle(site.url('/story'), { images: true, allowHosts: LOCAL });
    expect(article).toMatchObject({
      title: 'Harbour reopens after the storm',
      byline: 'Ana Ruiz',
      sourceName: 'The Coast Gazette',
      sourceUrl: site.url('/story'),
    });
    expect(article.media).toHaveLength(1);
    expect(article.html).toContain('dateline-media://pending/0');
    expect(article.html).toMatch(/class="missing-image download-failed"[^>]*>A lost picture/);
    expect(site.hits).not.toContain('/pixel.gif');
  });

  it('refuses an address that is not a web page', async () => {
    const site = await localWebsite({ '/photo': bytes(PNG, 'image/png') });
    await expect(downloadArticle(site.url('/photo'), { images: true, allowHosts: LOCAL })).rejects.toThrow(
      /leads to image\/png, not a web page/,
    );
  });
});

describe('importing a typed or pasted address', () => {
  it('imports the page in the worker, stores its picture, and knows it the second time without downloading', async () => {
    const site = await localWebsite({
      '/story': html(newsPage('Harbour reopens after the storm')),
      '/img/boats.png': bytes(PNG, 'image/png'),
    });
    const library = tempLibrary();
    const { dispatch, emitted } = dispatcherFor(library);
    const first = await dispatch('import.urls', { urls: [site.url('/story')] });
    expect(first).toMatchObject({ ok: true, value: { imported: [{ title: 'Harbour reopens after the storm' }], failed: [] } });
    const id = (first as { value: { imported: { id: number }[] } }).value.imported[0]!.id;
    const article = library.db.prepare('SELECT body_html FROM articles WHERE id = ?').get(id) as { body_html: string };
    expect(article.body_html).toMatch(/dateline-media:\/\/library\/\d+/);
    expect(library.db.prepare('SELECT count(*) AS n FROM media').get()).toEqual({ n: 1 });
    expect(emitted.map((e) => e.event)).toContain('import.finished');

    const pagesFetched = site.hits.filter((hit) => hit === '/story').length;
    const again = await dispatch('import.urls', { urls: [site.url('/story')] });
    expect(again).toMatchObject({ ok: true, value: { imported: [], duplicates: [{ id }] } });
    expect(site.hits.filter((hit) => hit === '/story').length).toBe(pagesFetched);
  });

  it('refuses addresses that are not http or https before anything is fetched', async () => {
    const { dispatch } = dispatcherFor(tempLibrary());
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'ftp://example.com/x', 'not a url']) {
      expect(await dispatch('import.urls', { urls: [url] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  it('reports an unreachable site as a failed import, not a crash', async () => {
    const site = await localWebsite({});
    const { dispatch } = dispatcherFor(tempLibrary());
    const result = await dispatch('import.urls', { urls: [site.url('/nothing')] });
    expect(result).toMatchObject({
      ok: true,
      value: { imported: [], failed: [{ path: site.url('/nothing'), error: { message: expect.stringMatching(/404/) } }] },
    });
  });

  it('is refused when the policy turns off fetching web pages', async () => {
    const { dispatch } = dispatcherFor(tempLibrary(), ['fetch-urls']);
    expect(await dispatch('import.urls', { urls: ['https://example.com/'] })).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED', message: expect.stringMatching(/policy/) },
    });
    expect(await dispatch('downloads.start', {})).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
  });

  it('leaves pictures as placeholders when the policy turns off downloading images', async () => {
    const site = await localWebsite({
      '/story': html(newsPage('Harbour reopens after the storm')),
      '/img/boats.png': bytes(PNG, 'image/png'),
    });
    const library = tempLibrary();
    const { dispatch } = dispatcherFor(library, ['remote-images']);
    expect(await dispatch('import.urls', { urls: [site.url('/story')] })).toMatchObject({ ok: true, value: { failed: [] } });
    expect(site.hits).not.toContain('/img/boats.png');
    expect(library.db.prepare('SELECT body_html FROM articles').get()).toEqual({
      body_html: expect.stringContaining('missing-image not-downloaded'),
    });
  });
});

describe('downloading saved links', () => {
  function addLinks(library: Library, urls: string[]): void {
    const insert = library.db.prepare(
      `INSERT INTO articles (kind, title, source_url, url_key, created_at, updated_at, body_html, body_text, content_hash, fetch_state)
       VALUES ('saved', ?, ?, ?, 1, 1, '', '', '', 'pending')`,
    );
    for (const url of urls) insert.run(url, url, url);
  }

  it('fills each link with its page, records why one failed, and keeps tags and states', async () => {
    const site = await localWebsite({
      '/a': html(newsPage('Harbour reopens after the storm')),
      '/b': html(newsPage('Ferry timetable changes for winter')),
    });
    const library = tempLibrary();
    addLinks(library, [site.url('/a'), site.url('/b'), site.url('/gone')]);
    library.db.prepare('UPDATE articles SET is_favorite = 1 WHERE source_url = ?').run(site.url('/a'));
    const { dispatch, emitted } = dispatcherFor(library, ['remote-images']);
    expect(await dispatch('downloads.status', {})).toMatchObject({ ok: true, value: { waiting: 3, running: false } });
    expect(await dispatch('downloads.start', {})).toMatchObject({ ok: true, value: { running: true, remaining: 3 } });
    await waitFor(async () => ((await dispatch('downloads.status', {})) as { value: { running: boolean } }).value.running === false);

    const rows = library.db
      .prepare('SELECT title, fetch_state, fetch_error, is_favorite, word_count > 100 AS long FROM articles ORDER BY id')
      .all();
    expect(rows).toEqual([
      { title: 'Harbour reopens after the storm', fetch_state: null, fetch_error: null, is_favorite: 1, long: 1 },
      { title: 'Ferry timetable changes for winter', fetch_state: null, fetch_error: null, is_favorite: 0, long: 1 },
      { title: site.url('/gone'), fetch_state: 'failed', fetch_error: expect.stringMatching(/404/), is_favorite: 0, long: 0 },
    ]);
    expect(await dispatch('search.query', { query: 'ferry' })).toMatchObject({ ok: true, value: { total: 1 } });
    expect(await dispatch('downloads.status', {})).toMatchObject({ ok: true, value: { waiting: 0, failedTotal: 1, remaining: 0 } });
    expect(emitted.filter((e) => e.event === 'downloads.progress').length).toBeGreaterThan(2);
  });

  it('carries on with the queue after a restart', async () => {
    const site = await localWebsite({
      '/a': html(newsPage('Harbour reopens after the storm')),
      '/b': html(newsPage('Ferry timetable changes for winter')),
    });
    const file = join(tempDir(), 'library.sqlite');
    const first = Library.open(file);
    addLinks(first, [site.url('/a'), site.url('/b')]);
    // Queued, then the app quit before downloading anything.
    first.db.prepare('INSERT INTO download_queue (article_id, queued_at) SELECT id, 1 FROM articles').run();
    first.close();

    const library = Library.open(file);
    try {
      const { dispatch } = dispatcherFor(library, ['remote-images']);
      await waitFor(
        () => (library.db.prepare('SELECT count(*) AS n FROM articles WHERE fetch_state IS NULL').get() as { n: number }).n === 2,
      );
      expect(await dispatch('downloads.status', {})).toMatchObject({ ok: true, value: { remaining: 0, waiting: 0 } });
    } finally {
      library.close();
    }
  });

  it('cancelling empties the queue and leaves the links waiting', async () => {
    const site = await localWebsite({ '/slow': () => undefined });
    const library = tempLibrary();
    addLinks(library, [site.url('/slow'), `${site.url('/slow')}?2`]);
    const { dispatch } = dispatcherFor(library);
    await dispatch('downloads.start', {});
    expect(await dispatch('downloads.cancel', {})).toMatchObject({ ok: true, value: { remaining: 0, waiting: 2 } });
    await waitFor(async () => ((await dispatch('downloads.status', {})) as { value: { running: boolean } }).value.running === false);
    expect(library.db.prepare('SELECT count(*) AS n FROM articles WHERE fetch_state = ?').get('pending')).toEqual({ n: 2 });
  });
});

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
