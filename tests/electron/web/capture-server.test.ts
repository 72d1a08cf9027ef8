import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { CAPTURE_PATHS } from '../../../electron/common/capture-wire.ts';
import type { Feature } from '../../../electron/common/features.ts';
import type { ChannelName, ChannelOutput } from '../../../electron/ipc/contract.ts';
import { createDispatcher } from '../../../electron/ipc/dispatcher.ts';
import type { Library } from '../../../electron/library/library.ts';
import { startCaptureServer, type CaptureServer } from '../../../electron/web/capture-server.ts';
import { tempLibrary } from '../../helpers/temp.ts';
import { localWebApp } from '../../helpers/web-server.ts';

const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEUlEQVR4nGP4z8DAwMDAAAAT/gH/7oOUUQAAAABJRU5ErkJggg==';
const STORY = Array.from(
  { length: 8 },
  (_, i) => `<p>Paragraph ${i + 1}: the harbour board met late into the night to settle the ferry timetable for the winter.</p>`,
).join('');
/** The page as the browser rendered it: the subscriber's paragraph was put there by script. */
const RENDERED = `<!doctype html><html lang="en"><head><title>Ferry timetable settled</title></head><body>
  <nav><a href="/">Home</a></nav><article><h1>Ferry timetable settled</h1>
  <figure><img src="/img/quay.png" alt="The quay at dawn"><figcaption>The quay at dawn.</figcaption></figure>
  ${STORY}<p class="members">Only for subscribers: the board also agreed to a second night crossing.</p></article></body></html>`;
const PAGE_URL = 'https://gazette.example/ferry-timetable';

const servers: CaptureServer[] = [];
afterEach(async () => {
  while (servers.length) await servers.pop()!.close();
});

async function setUp(library: Library, options: { disabled?: Feature[]; maxBodyBytes?: number } = {}) {
  const dispatch = createDispatcher({ library, app: localWebApp(options.disabled), emit: () => undefined, resumeDownloads: false });
  const server = await startCaptureServer({ dispatch, port: 0, maxBodyBytes: options.maxBodyBytes });
  servers.push(server);
  const call = async <C extends ChannelName>(channel: C, input: unknown): Promise<ChannelOutput<C>> => {
    const result = await dispatch(channel, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as ChannelOutput<C>;
  };
  return { server, call };
}

interface Answer {
  status: number;
  body: { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } };
}

function post(port: number, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const sent = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { Host: `127.0.0.1:${port}`, Origin: EXTENSION, 'Content-Type': 'application/json', ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString() || '{}') }));
      },
    );
    sent.on('error', reject);
    sent.end(text);
  });
}

async function pair(port: number, call: Awaited<ReturnType<typeof setUp>>['call'], origin = EXTENSION): Promise<string> {
  const { code } = await call('capture.startPairing', {});
  const answer = await post(port, CAPTURE_PATHS.pair, { code, name: 'Chromium' }, { Origin: origin });
  expect(answer.status).toBe(200);
  return answer.body.value!.token as string;
}

const page = (extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  kind: 'page',
  url: PAGE_URL,
  title: 'Ferry timetable settled',
  html: RENDERED,
  selection: 'the board also agreed to a second night   crossing',
  tags: ['Transport', 'harbour'],
  images: [{ url: 'https://gazette.example/img/quay.png', data: PNG }],
  ...extra,
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('the capture endpoint', () => {
  it('pairs with the code Settings shows and saves the rendered page with its picture, highlight and tags', async () => {
    const library = tempLibrary();
    const { server, call } = await setUp(library);
    const token = await pair(server.port, call);
    expect((await call('capture.status', {})).clients.map((client) => [client.name, client.origin])).toEqual([['Chromium', EXTENSION]]);
    expect((await call('capture.status', {})).pairing).toBeNull();

    const saved = await post(server.port, CAPTURE_PATHS.save, page(), bearer(token));
    expect(saved.status).toBe(200);
    expect(saved.body.value).toMatchObject({ duplicate: false, highlighted: true, title: 'Ferry timetable settled' });
    const article = await call('articles.get', { id: saved.body.value!.articleId as number });
    expect(article.text).toContain('Only for subscribers');
    expect(article.tags.sort()).toEqual(['Transport', 'harbour']);
    expect(article.html).not.toContain('missing-image');
    const media = library.db.prepare('SELECT mime_type FROM media WHERE article_id = ?').all(article.id);
    expect(media).toEqual([{ mime_type: 'image/png' }]);
    const highlights = await call('highlights.list', { id: article.id });
    expect(highlights.map((highlight) => highlight.quote)).toEqual(['the board also agreed to a second night crossing']);
    expect((await call('capture.status', {})).clients[0]!.lastUsedAt).not.toBeNull();
  });

  it('stores a save delivered twice once, and a second save of the page adds only what is new', async () => {
    const library = tempLibrary();
    const { server, call } = await setUp(library);
    const token = await pair(server.port, call);
    const first = page();
    const once = await post(server.port, CAPTURE_PATHS.save, first, bearer(token));
    const again = await post(server.port, CAPTURE_PATHS.save, first, bearer(token));
    expect(again.body.value).toMatchObject({ articleId: once.body.value!.articleId, duplicate: true });
    const other = await post(
      server.port,
      CAPTURE_PATHS.save,
      page({ selection: 'settle the ferry timetable', tags: ['ferries'] }),
      bearer(token),
    );
    expect(other.body.value).toMatchObject({ articleId: once.body.value!.articleId, duplicate: true, highlighted: true });
    expect(library.db.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 1 });
    const highlights = await call('highlights.list', { id: once.body.value!.articleId as number });
    expect(highlights).toHaveLength(2);
    expect((await call('articles.get', { id: once.body.value!.articleId as number })).tags.sort()).toEqual([
      'Transport',
      'ferries',
      'harbour',
    ]);
  });

  it('saves a link as a saved link waiting for its page', async () => {
    const library = tempLibrary();
    const { server, call } = await setUp(library);
    const token = await pair(server.port, call);
    const saved = await post(
      server.port,
      CAPTURE_PATHS.save,
      { id: randomUUID(), kind: 'link', url: 'https://gazette.example/next-story', title: 'Next story' },
      bearer(token),
    );
    expect(saved.status).toBe(200);
    expect(library.db.prepare('SELECT title, fetch_state FROM articles').get()).toEqual({ title: 'Next story', fetch_state: 'pending' });
  });

  it('keeps nothing active of a hostile page, and no picture that is not one', async () => {
    const library = tempLibrary();
    const { server, call } = await setUp(library);
    const token = await pair(server.port, call);
    const hostile = RENDERED.replace(
      '<figure>',
      `<p onclick="steal()">Tap <a href="javascript:steal()">here</a><img src="x" onerror="steal()"><svg><script>steal()</script></svg>
       <iframe src="https://evil.example/"></iframe><img src="https://gazette.example/img/fake.png" alt="A fake"></p><figure>`,
    );
    const fake = Buffer.from('<script>steal()</script>').toString('base64');
    const saved = await post(
      server.port,
      CAPTURE_PATHS.save,
      page({ html: hostile, images: [...page().images, { url: 'https://gazette.example/img/fake.png', data: fake }] }),
      bearer(token),
    );
    expect(saved.status).toBe(200);
    const article = await call('articles.get', { id: saved.body.value!.articleId as number });
    expect(article.html).not.toMatch(/onclick|onerror|javascript:|<script|<iframe|steal\(/i);
    expect(article.html).toContain('missing-image');
    expect(library.db.prepare('SELECT count(*) AS n FROM media WHERE article_id = ?').get(article.id)).toEqual({ n: 1 });
  });

  it('refuses wrong codes, and voids the code after five', async () => {
    const library = tempLibrary();
    const { server, call } = await setUp(library);
    const none = await post(server.port, CAPTURE_PATHS.pair, { code: '1234-5678' });
    expect(none).toMatchObject({ status: 401, body: { error: { code: 'NOT_PAIRED' } } });
    expect(none.body.error!.message).toContain('Pair a browser');
    const { code } = await call('capture.startPairing', {});
    const wrong = code === '0000-0000' ? '1111-1111' : '0000-0000';
    for (let i = 0; i < 5; i++) expect((await post(server.port, CAPTURE_PATHS.pair, { code: wrong })).status).toBe(401);
    const late = await post(server.port, CAPTURE_PATHS.pair, { code });
    expect(late.status).toBe(401);
    expect(library.db.prepare('SELECT count(*) AS n FROM capture_clients').get()).toEqual({ n: 0 });
  });

  it('refuses web pages, other hosts, unpaired, revoked and borrowed tokens, with a reason', async () => {
    const library = tempLibrary();
    const { server, call } = await setUp(library);
    const token = await pair(server.port, call);
    const fromPage = await post(server.port, CAPTURE_PATHS.save, page(), { ...bearer(token), Origin: 'https://evil.example' });
    expect(fromPage.status).toBe(403);
    const rebound = await post(server.port, CAPTURE_PATHS.save, page(), { ...bearer(token), Host: `evil.example:${server.port}` });
    expect(rebound.status).toBe(403);
    const noToken = await post(server.port, CAPTURE_PATHS.save, page());
    expect(noToken).toMatchObject({ status: 401, body: { error: { code: 'NOT_PAIRED' } } });
    const unknown = await post(server.port, CAPTURE_PATHS.save, page(), bearer('0'.repeat(64)));
    expect(unknown.status).toBe(401);
    const borrowed = await post(server.port, CAPTURE_PATHS.save, page(), {
      ...bearer(token),
      Origin: 'moz-extension://0d7e1c4a-5b7e-4c55-9d43-0a3c9e1f2b6d',
    });
    expect(borrowed.status).toBe(401);
    expect(borrowed.body.error!.message).toContain('another browser extension');
    const [client] = (await call('capture.status', {})).clients;
    await call('capture.revoke', { id: client!.id });
    const revoked = await post(server.port, CAPTURE_PATHS.save, page(), bearer(token));
    expect(revoked.status).toBe(401);
    expect((await post(server.port, CAPTURE_PATHS.ping, {}, bearer(token))).status).toBe(401);
    expect(library.db.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 0 });
  });

  it('refuses a page over the size cap, and garbage, before the library sees it', async () => {
    const library = tempLibrary();
    const { server, call } = await setUp(library, { maxBodyBytes: 64 * 1024 });
    const token = await pair(server.port, call);
    const huge = await post(server.port, CAPTURE_PATHS.save, page({ html: RENDERED + 'x'.repeat(100 * 1024) }), bearer(token));
    expect(huge).toMatchObject({ status: 413, body: { error: { code: 'TOO_LARGE' } } });
    expect(huge.body.error!.message).toContain('up to 0.0625 MB');
    const garbage = await post(server.port, CAPTURE_PATHS.save, '{"id": [', bearer(token));
    expect(garbage.status).toBe(400);
    const badShape = await post(server.port, CAPTURE_PATHS.save, page({ url: 'javascript:alert(1)' }), bearer(token));
    expect(badShape).toMatchObject({ status: 400, body: { error: { code: 'INVALID_INPUT' } } });
    const notAStory = await post(server.port, CAPTURE_PATHS.save, page({ html: '<p>Sign in</p>' }), bearer(token));
    expect(notAStory.status).toBe(422);
    expect(notAStory.body.error!.message).toMatch(/no article/i);
    expect(library.db.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 0 });
  });

  it('refuses to pair or save when the policy turns saving from the browser off', async () => {
    const library = tempLibrary();
    const { server, call } = await setUp(library, { disabled: ['browser-capture'] });
    await expect(call('capture.startPairing', {})).rejects.toThrow(/policy/);
    const answer = await post(server.port, CAPTURE_PATHS.pair, { code: '1234-5678' });
    expect(answer.status).toBe(403);
    expect((await call('capture.status', {})).problem).toMatch(/policy/);
  });
});
