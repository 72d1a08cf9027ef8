import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CAPTURE_PATHS, MAX_CAPTURE_BYTES } from '../common/capture-wire.ts';
import type { ChannelName } from '../ipc/contract.ts';
import type { Dispatch } from '../ipc/dispatcher.ts';
import { isLoopbackHost } from './http-server.ts';

export interface CaptureServerOptions {
  dispatch: Dispatch;
  /** The loopback port the extension knows (CAPTURE_DEFAULT_PORT unless set); 0 picks a free one. */
  port: number;
  maxBodyBytes?: number;
  timeouts?: { headersMs: number; requestMs: number };
}

export interface CaptureServer {
  port: number;
  close(): Promise<void>;
}

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[\w-]+$/i;

interface Sent {
  body: Record<string, unknown>;
  token: string | null;
  origin: string;
}

/** Each path the extension calls: the channel it becomes, and that channel's input. */
const ROUTES: Record<string, { channel: ChannelName; token: boolean; input: (sent: Sent) => unknown }> = {
  [CAPTURE_PATHS.ping]: { channel: 'capture.check', token: true, input: ({ token, origin }) => ({ token, origin }) },
  [CAPTURE_PATHS.pair]: { channel: 'capture.pair', token: false, input: ({ body, origin }) => ({ ...body, origin }) },
  [CAPTURE_PATHS.save]: { channel: 'capture.save', token: true, input: ({ body, token, origin }) => ({ token, origin, page: body }) },
};

/**
 * The endpoint the "Save to Dateline" browser extension talks to. It binds 127.0.0.1 only,
 * answers only a Host naming that loopback address (so a rebinding site cannot reach it)
 * and only requests from a browser extension's origin (a web page's fetch carries its own
 * origin, which is refused), caps the body before reading it, and hands everything else to
 * the contract: the code, the token and its origin are checked there, once.
 */
export async function startCaptureServer(options: CaptureServerOptions): Promise<CaptureServer> {
  const maxBytes = options.maxBodyBytes ?? MAX_CAPTURE_BYTES;
  let port = 0;
  const timeouts = options.timeouts ?? { headersMs: 10_000, requestMs: 120_000 };
  const server: Server = createServer(
    { headersTimeout: timeouts.headersMs, requestTimeout: timeouts.requestMs, connectionsCheckingInterval: 1000 },
    (request, response) => {
      handle(request, response).catch(() => {
        if (!response.headersSent) refuse(response, 500, 'INTERNAL', 'Dateline could not take this page; the details are in its log.');
        else response.destroy();
      });
    },
  );

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'no-store');
    const origin = request.headers.origin ?? '';
    if (!isLoopbackHost(request.headers.host, port)) {
      return refuse(response, 403, 'FORBIDDEN', 'Dateline takes pages only at its own loopback address.');
    }
    if (!EXTENSION_ORIGIN.test(origin)) {
      return refuse(response, 403, 'FORBIDDEN', 'Only the Save to Dateline browser extension may send pages here.');
    }
    // An extension without host access (Firefox asks for it) fetches with CORS: let it.
    response.setHeader('Access-Control-Allow-Origin', origin);
    response.setHeader('Vary', 'Origin');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        'Access-Control-Allow-Methods': 'POST',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type',
        'Access-Control-Max-Age': '600',
      });
      return void response.end();
    }
    const route = ROUTES[new URL(request.url ?? '/', 'http://127.0.0.1').pathname];
    if (!route)
      return refuse(response, 404, 'NOT_FOUND', 'This version of Dateline does not know that request: update the extension or the app.');
    if (request.method !== 'POST') return refuse(response, 405, 'INVALID_INPUT', 'Use POST.');
    if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
      return refuse(response, 415, 'INVALID_INPUT', 'Send the page as application/json.');
    }
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > maxBytes) return tooLarge(request, response, declared, maxBytes);
    const body = await readBody(request, maxBytes);
    if (body === null) return tooLarge(request, response, null, maxBytes);
    let sent: Record<string, unknown>;
    try {
      const parsed: unknown = body.length ? JSON.parse(body.toString('utf8')) : {};
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      sent = parsed as Record<string, unknown>;
    } catch {
      return refuse(response, 400, 'INVALID_INPUT', 'The request body is not a JSON object.');
    }
    const token = bearerToken(request.headers.authorization);
    if (route.token && !token) {
      return refuse(
        response,
        401,
        'NOT_PAIRED',
        'This browser is not paired with Dateline: pair it with a code from Settings ▸ Browser extension.',
      );
    }
    const result = await options.dispatch(route.channel, route.input({ body: sent, token, origin }));
    if (result.ok) return send(response, 200, result);
    send(response, statusFor(result.error.code), result);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function statusFor(code: string): number {
  if (code === 'NOT_PAIRED') return 401;
  if (code === 'TOO_LARGE') return 413;
  if (code === 'INVALID_INPUT') return 400;
  if (code === 'UNSUPPORTED') return 403;
  if (code === 'NOT_FOUND') return 404;
  if (code === 'IMPORT_FAILED') return 422;
  if (code === 'BUSY' || code === 'LIBRARY_LOCKED') return 503;
  return 500;
}

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match ? match[1]! : null;
}

function tooLarge(request: IncomingMessage, response: ServerResponse, bytes: number | null, maxBytes: number): void {
  response.setHeader('Connection', 'close');
  const size = bytes === null ? 'larger than that' : `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  refuse(
    response,
    413,
    'TOO_LARGE',
    `This page with its pictures is ${size}; Dateline takes pages of up to ${maxBytes / 1024 / 1024} MB from the browser.`,
  );
  // The rest is read and dropped, so the extension gets this answer rather than a reset.
  request.resume();
}

function refuse(response: ServerResponse, status: number, code: string, message: string): void {
  send(response, status, { ok: false, error: { code, message } });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

/** The body, or null past the cap (the rest is read and dropped, never kept). */
async function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size <= maxBytes) chunks.push(chunk as Buffer);
  }
  return size > maxBytes ? null : Buffer.concat(chunks);
}

/** Whether the endpoint listens, as Settings shows it. */
export interface CaptureEndpoint {
  port: number | null;
  problem: string | null;
  close(): Promise<void>;
}

/**
 * The port the extension is to find the app on: `DATELINE_CAPTURE_PORT` (a number, or `off`),
 * otherwise the one the extension assumes.
 */
export function capturePortFrom(env: NodeJS.ProcessEnv, fallback: number): number | null {
  const value = env.DATELINE_CAPTURE_PORT?.trim();
  if (!value) return fallback;
  if (value.toLowerCase() === 'off') return null;
  const port = Number(value);
  return Number.isInteger(port) && port >= 0 && port <= 65535 ? port : fallback;
}

/**
 * Starts the capture endpoint for an app (desktop or browser mode). A port already taken
 * (another Dateline running) leaves the app working without it, and Settings says why.
 */
export async function openCaptureEndpoint(dispatch: Dispatch, port: number | null): Promise<CaptureEndpoint> {
  if (port === null)
    return { port: null, problem: 'Saving from the browser is turned off (DATELINE_CAPTURE_PORT=off).', close: async () => {} };
  try {
    const server = await startCaptureServer({ dispatch, port });
    return { port: server.port, problem: null, close: () => server.close() };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem =
      code === 'EADDRINUSE'
        ? `Port ${port} is taken (another Dateline may be running), so the browser extension cannot reach this one.`
        : `The browser extension cannot reach Dateline: ${(error as Error).message}`;
    return { port: null, problem, close: async () => {} };
  }
}
