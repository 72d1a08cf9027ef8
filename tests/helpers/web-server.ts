import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import type { Feature } from '../../electron/common/features.ts';
import { describeApp } from '../../electron/policy/app-info.ts';
import type { Policy } from '../../electron/policy/policy.ts';

type Route = (request: IncomingMessage, response: ServerResponse) => void;

const servers: (() => Promise<void>)[] = [];

afterEach(async () => {
  while (servers.length) await servers.pop()!();
});

/**
 * A real HTTP server on localhost standing in for the web, closed after the test. Each
 * route answers one path; every request is counted.
 */
export async function localWebsite(routes: Record<string, Route>): Promise<{ url: (path: string) => string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.url ?? '');
    const route = routes[request.url ?? ''];
    if (!route) {
      response.writeHead(404).end('not here');
      return;
    }
    route(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(() => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
  const { port } = server.address() as AddressInfo;
  return { url: (path) => `http://127.0.0.1:${port}${path}`, hits };
}

export const html =
  (body: string, type = 'text/html; charset=utf-8'): Route =>
  (_request, response) => {
    response.writeHead(200, { 'content-type': type }).end(body);
  };

export const bytes =
  (data: Uint8Array, type: string): Route =>
  (_request, response) => {
    response.writeHead(200, { 'content-type': type, 'content-length': String(data.length) }).end(data);
  };

export const redirect =
  (to: string, status = 302): Route =>
  (_request, response) => {
    response.writeHead(status, { location: to }).end();
  };

/** The test site's host: on loopback, which downloads refuse unless a policy allows it. */
export const LOCAL_HOSTS = ['127.0.0.1'];

/**
 * The app as browser mode describes it, with a policy that lets downloads reach the local
 * test site (as a newsroom's intranet host) and turns off the features given.
 */
export function localWebApp(disabledFeatures: Feature[] = [], policy: Policy = {}) {
  return describeApp({
    mode: 'browser',
    version: '0',
    libraryPath: '',
    isPackaged: false,
    loaded: { policy: { disabledFeatures, intranetHosts: LOCAL_HOSTS, ...policy }, source: 'test', problem: null },
  });
}
