import { request } from 'node:http';
import { connect } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/ipc/dispatcher.ts';
import { startWebServer, MAX_BODY_BYTES, type WebServer } from '../../../electron/web/http-server.ts';
import { testAppInfo, tempDir, tempLibrary } from '../../helpers/temp.ts';

let server: WebServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(timeouts?: { headersMs: number; requestMs: number }): Promise<WebServer> {
  const staticDir = join(tempDir(), 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Dateline</title>');
  const library = tempLibrary();
  // eslint-disable-next-line prefer-const -- the dispatcher's emit reads it once it is set
  let current: WebServer | undefined;
  const dispatch = createDispatcher({ library, app: testAppInfo, emit: (event, payload) => current?.emit(event, payload) });
  current = await startWebServer({ dispatch, staticDir, timeouts });
  server = current;
  return current;
}

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so Host and Origin can be anything a hostile page might send. */
function send(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function api(web: WebServer, channel: string, body: unknown, headers: Record<string, string> = {}) {
  return send(web.port, {
    method: 'POST',
    path: `/api/invoke/${channel}`,
    headers: { 'content-type': 'application/json', 'x-dateline-secret': web.secret, host: `127.0.0.1:${web.port}`, ...headers },
    body: JSON.stringify(body),
  });
}

describe('the browser-mode server', () => {
  it('binds to the loopback address only and answers a call carrying the secret', async () => {
    const web = await start();
    expect(web.url).toBe(`http://127.0.0.1:${web.port}/`);
    const response = await api(web, 'articles.list', {});
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ ok: true, value: { total: 0, items: [] } });
  });

  it.each([
    ['a missing secret', { 'x-dateline-secret': '' }],
    ['a wrong secret', { 'x-dateline-secret': 'f'.repeat(64) }],
    ['a secret of another length', { 'x-dateline-secret': 'short' }],
  ])('refuses %s with 403', async (_name, headers) => {
    const web = await start();
    const response = await api(web, 'articles.createDraft', { title: 'should not exist' }, headers);
    expect(response.status).toBe(403);
    expect((await api(web, 'articles.list', {})).body).toContain('"total":0');
  });

  it.each(['evil.example:80', 'attacker.test', '127.0.0.1.nip.io', '127.0.0.1:1'])(
    'refuses the foreign Host header %s with 403, even with the right secret',
    async (host) => {
      const web = await start();
      expect((await api(web, 'articles.list', {}, { host })).status).toBe(403);
      expect((await send(web.port, { path: '/', headers: { host } })).status).toBe(403);
    },
  );

  it('refuses a request from a foreign Origin', async () => {
    const web = await start();
    expect((await api(web, 'articles.list', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await api(web, 'articles.list', {}, { origin: `http://127.0.0.1:${web.port}` })).status).toBe(200);
  });

  it('refuses bodies that are not JSON, malformed JSON, and oversized bodies', async () => {
    const web = await start();
    const form = await api(web, 'articles.list', {}, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    const broken = await send(web.port, {
      method: 'POST',
      path: '/api/invoke/articles.list',
      headers: { 'content-type': 'application/json', 'x-dateline-secret': web.secret, host: `127.0.0.1:${web.port}` },
      body: '{"view":',
    });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const huge = await send(web.port, {
      method: 'POST',
      path: '/api/invoke/articles.list',
      headers: {
        'content-type': 'application/json',
        'x-dateline-secret': web.secret,
        host: `127.0.0.1:${web.port}`,
        'content-length': String(MAX_BODY_BYTES + 1),
      },
      body: '',
    });
    expect(huge.status).toBe(413);
  });

  it('cuts off clients that send their headers or body too slowly, serving others meanwhile', async () => {
    const web = await start({ headersMs: 1000, requestMs: 2000 });
    const slow = (text: string) => {
      const socket = connect(web.port, '127.0.0.1');
      socket.write(text);
      const ended = new Promise<string>((resolve) => {
        let answer = '';
        socket.on('data', (chunk) => (answer += chunk.toString()));
        socket.on('close', () => resolve(answer));
      });
      return { socket, ended };
    };
    const started = performance.now();
    // Headers that never finish, and a body that never arrives.
    const headers = slow(`POST /api/invoke/articles.list HTTP/1.1\r\nHost: 127.0.0.1:${web.port}\r\n`);
    const body = slow(
      `POST /api/invoke/articles.createDraft HTTP/1.1\r\nHost: 127.0.0.1:${web.port}\r\ncontent-type: application/json\r\nx-dateline-secret: ${web.secret}\r\ncontent-length: 1000\r\n\r\n{"title":`,
    );
    expect((await api(web, 'articles.list', {})).status).toBe(200);
    const [headersAnswer, bodyAnswer] = await Promise.all([headers.ended, body.ended]);
    expect(performance.now() - started).toBeLessThan(8000);
    expect(headersAnswer).toMatch(/^(HTTP\/1\.1 408|)/);
    expect(bodyAnswer).toMatch(/^(HTTP\/1\.1 408|)/);
    expect((await api(web, 'articles.list', {})).body).toContain('"total":0');
  });

  it('serves the app with a strict Content-Security-Policy and nothing outside its folder', async () => {
    const web = await start();
    const page = await send(web.port, { path: '/', headers: { host: `localhost:${web.port}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/%E0%A4%A']) {
      expect((await send(web.port, { path, headers: { host: `127.0.0.1:${web.port}` } })).status).toBe(404);
    }
  });

  it('streams events to a client with the secret and refuses one without', async () => {
    const web = await start();
    expect((await send(web.port, { path: '/api/events', headers: { host: `127.0.0.1:${web.port}` } })).status).toBe(403);
    const received = new Promise<string>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: web.port, path: '/api/events', headers: { 'x-dateline-secret': web.secret } },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            if (text.includes('event: library.changed')) {
              resolve(text);
              req.destroy();
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await api(web, 'articles.createDraft', { title: 'Live' });
    expect(await received).toMatch(/event: library\.changed\ndata: \{"ids":\[1\]\}/);
  });
});
