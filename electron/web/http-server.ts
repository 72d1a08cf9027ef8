import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventName, EventPayload } from '../ipc/contract.ts';
import { checkEvent, type Dispatch } from '../ipc/dispatcher.ts';
import { CONTENT_SECURITY_POLICY, contentTypeOf, resolveStaticFile } from './static-files.ts';
import { HTTP_API_PREFIX, HTTP_EVENTS_PATH, HTTP_OPEN_PATH, SECRET_HEADER, httpInvokePath } from '../ipc/wire.ts';

/** Imports arrive base64-encoded in JSON: 50 MB of files is about 70 MB of body. */
export const MAX_BODY_BYTES = 72 * 1024 * 1024;

export interface WebServerOptions {
  dispatch: Dispatch;
  /** The built renderer (index.html and its assets). */
  staticDir: string;
  port?: number;
  secret?: string;
  /** How long a client may take to send its headers, and its whole request. */
  timeouts?: { headersMs: number; requestMs: number };
  /** A browser came with a code already used or unknown: say where a fresh address is. */
  onStaleCode?: () => void;
}

const DEFAULT_TIMEOUTS = { headersMs: 10_000, requestMs: 120_000 };

export interface WebServer {
  /** The server's origin with a slash: the app, which asks for an address with a code first. */
  url: string;
  /**
   * The session's secret: the session cookie's value, and the header value for clients that
   * are not a browser (tests, scripts). Never printed, never put in an address.
   */
  secret: string;
  port: number;
  /**
   * A new address that opens the app once: its code is exchanged at once for the session
   * cookie and is useless afterwards, so the address a terminal shows, `--open` passes in a
   * process's arguments or the browser keeps in its history gives no one else a way in.
   */
  openAddress(validForMs?: number): string;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  close(): Promise<void>;
}

/**
 * Browser mode: the renderer and the contract over loopback HTTP. Only 127.0.0.1 is bound;
 * every API call needs the per-launch secret, which a browser holds only as an HttpOnly,
 * SameSite=Strict cookie (script cannot read it, another site cannot send it); a Host or
 * Origin header naming anything but this loopback server is refused, which defeats DNS
 * rebinding and cross-site requests.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const secret = options.secret ?? randomBytes(32).toString('hex');
  const eventStreams = new Set<ServerResponse>();
  /** One-time codes not yet exchanged, with when each stops working. */
  const codes = new Map<string, number>();
  let port = 0;
  const cookieName = () => `dateline-${port}`;
  const authenticated = (request: IncomingMessage) =>
    secretMatches(cookieValue(request.headers.cookie, cookieName()), secret) ||
    secretMatches(headerValue(request.headers[SECRET_HEADER]), secret);

  const exchangeCode = (request: IncomingMessage, response: ServerResponse, code: string | null) => {
    const expires = code ? codes.get(code) : undefined;
    if (code) codes.delete(code);
    if (expires !== undefined && expires >= Date.now()) {
      response.setHeader('Set-Cookie', `${cookieName()}=${secret}; HttpOnly; SameSite=Strict; Path=/`);
    } else if (!authenticated(request)) {
      options.onStaleCode?.();
      return staleCodePage(response);
    }
    // The code leaves the address bar (and the history entry) at once.
    response.writeHead(303, { Location: '/', 'Cache-Control': 'no-store' });
    response.end();
  };

  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  // A client that sends its request too slowly is cut off (checked every second), so slow
  // connections cannot pile up; others are served meanwhile.
  const server: Server = createServer(
    { headersTimeout: timeouts.headersMs, requestTimeout: timeouts.requestMs, connectionsCheckingInterval: 1000 },
    (request, response) => {
      handle(request, response).catch(() => {
        if (!response.headersSent) respond(response, 500, { error: 'Internal error' });
        else response.destroy();
      });
    },
  );

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    setCommonHeaders(response);
    if (!isLoopbackHost(request.headers.host, port) || !isSameOrigin(request.headers.origin, port)) {
      return respond(response, 403, { error: 'Forbidden: Dateline answers only its own loopback address.' });
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === HTTP_OPEN_PATH) return exchangeCode(request, response, url.searchParams.get('code'));
    if (url.pathname === HTTP_EVENTS_PATH) {
      if (!authenticated(request)) return forbidden(response);
      return openEventStream(response, eventStreams);
    }
    if (url.pathname.startsWith(HTTP_API_PREFIX)) {
      if (!authenticated(request)) return forbidden(response);
      return handleInvoke(request, response, url.pathname, options.dispatch);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(response, 405, { error: 'Method not allowed' });
    return serveStatic(response, options.staticDir, url.pathname);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const heartbeat = setInterval(() => {
    for (const stream of eventStreams) stream.write(': keep-alive\n\n');
  }, 25_000);
  heartbeat.unref();

  return {
    url: `http://127.0.0.1:${port}/`,
    secret,
    port,
    openAddress(validForMs = Number.POSITIVE_INFINITY) {
      const code = randomBytes(16).toString('hex');
      codes.set(code, Date.now() + validForMs);
      return `http://127.0.0.1:${port}${HTTP_OPEN_PATH}?code=${code}`;
    },
    emit(event, payload) {
      const message = `event: ${event}\ndata: ${JSON.stringify(checkEvent(event, payload))}\n\n`;
      for (const stream of eventStreams) stream.write(message);
    },
    async close() {
      clearInterval(heartbeat);
      for (const stream of eventStreams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function setCommonHeaders(response: ServerResponse): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  response.setHeader('X-Frame-Options', 'DENY');
}

export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host.toLowerCase());
}

function isSameOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`].includes(origin.toLowerCase());
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

function staleCodePage(response: ServerResponse): void {
  response.writeHead(403, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(
    '<!doctype html><meta charset="utf-8"><title>Dateline</title><p>This address has been used already, and each one opens Dateline only once. ' +
      'Dateline has printed a new address in the terminal where it runs: open that one.</p>',
  );
}

function headerValue(value: string | string[] | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

function secretMatches(given: string | null, secret: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function forbidden(response: ServerResponse): void {
  respond(response, 403, { error: 'Forbidden: this request does not carry the secret of this Dateline session.' });
}

function respond(response: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(json);
}

async function handleInvoke(request: IncomingMessage, response: ServerResponse, pathname: string, dispatch: Dispatch): Promise<void> {
  const channel = safeDecode(pathname.slice(httpInvokePath('').length));
  if (request.method !== 'POST') return respond(response, 405, { error: 'Use POST for API calls.' });
  // Requiring JSON keeps out the "simple" cross-site form posts that skip CORS preflight.
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
    return respond(response, 415, { error: 'API calls must send application/json.' });
  }
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    response.setHeader('Connection', 'close');
    respond(response, 413, { error: 'The request is too large.' });
    request.destroy();
    return;
  }
  const body = await readBody(request);
  if (body === null) {
    response.setHeader('Connection', 'close');
    return respond(response, 413, { error: 'The request is too large.' });
  }
  let input: unknown;
  try {
    input = body.length ? JSON.parse(body.toString('utf8')) : {};
  } catch {
    return respond(response, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'The request body is not valid JSON.' } });
  }
  respond(response, 200, await dispatch(channel, input));
}

async function readBody(request: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      request.destroy();
      return null;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function openEventStream(response: ServerResponse, streams: Set<ServerResponse>): void {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  response.write(': connected\n\n');
  streams.add(response);
  response.on('close', () => streams.delete(response));
}

async function serveStatic(response: ServerResponse, root: string, pathname: string): Promise<void> {
  const file = resolveStaticFile(root, pathname);
  const info = file ? await stat(file).catch(() => null) : null;
  if (!file || !info?.isFile()) return respond(response, 404, { error: 'Not found' });
  response.writeHead(200, {
    'Content-Type': contentTypeOf(file),
    'Content-Length': info.size,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
  });
  createReadStream(file).pipe(response);
}
