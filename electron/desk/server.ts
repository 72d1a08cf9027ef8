import { createServer as createHttpsServer } from 'node:https';
import type { Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { Server, type Extension } from '@hocuspocus/server';
import * as Y from 'yjs';
import { statusesSetBy, updateIn } from './messages.ts';
import { hashToken, type DeskStore, type DeskUser } from './store.ts';
import { DESK_STORY_NAME, REPORTER_STATUSES, type DeskIdentity } from '../common/desk.ts';

/** A Yjs message larger than this closes its connection (a pasted book is smaller). */
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

export interface DeskOptions {
  store: DeskStore;
  port: number;
  /** Where to listen: loopback unless the newsroom says otherwise (behind its TLS proxy). */
  host?: string;
  /** Other desk servers' Redis, so clients on different servers edit the same story. */
  redis?: string;
  /** A certificate and its key (PEM): the desk itself speaks wss://, with no proxy in front. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** How long the whole state waits to be stored after a change (updates are logged at once). */
  storeAfterMs?: number;
  log?: (message: string) => void;
}

export interface Desk {
  port: number;
  close(): Promise<void>;
}

interface DeskContext {
  user: DeskUser;
}

/** A refusal the client is told, in words (Hocuspocus passes `reason` on). */
function refusal(reason: string): Error & { reason: string } {
  return Object.assign(new Error(reason), { reason });
}

/**
 * The newsroom desk: a Hocuspocus server whose stories are Yjs documents. Every connection
 * carries a person's token, checked against the desk's hashes; a person opens only the
 * stories they shared or were shared. Each update a client sends is logged in the store
 * before the server applies and acknowledges it, so a server killed mid-edit loses nothing
 * a client saw acknowledged; the whole state is stored a moment later and the log compacted.
 */
export async function startDesk(options: DeskOptions): Promise<Desk> {
  const { store } = options;
  const extensions: Extension[] = [
    new Database({
      fetch: async ({ documentName }) => {
        const parts = await store.loadDocument(documentName);
        return parts ? Y.mergeUpdates(parts) : null;
      },
      store: ({ documentName, state }) => store.storeDocument(documentName, state),
    }),
  ];
  if (options.redis) {
    const url = new URL(options.redis);
    extensions.push(new Redis({ host: url.hostname, port: Number(url.port || 6379), prefix: 'dateline-desk' }));
  }

  const server = new Server<DeskContext>({
    name: 'dateline-desk',
    port: options.port,
    address: options.host ?? '127.0.0.1',
    quiet: true,
    stopOnSignals: false,
    debounce: options.storeAfterMs ?? 2000,
    maxDebounce: 10_000,
    websocketOptions: { maxPayload: MAX_MESSAGE_BYTES },
    extensions,
    async onAuthenticate({ token, documentName }) {
      const user = token ? await store.userByToken(hashToken(token)) : null;
      if (!user) throw refusal('This desk does not know that token (wrong, or revoked): ask the desk for a new one.');
      if (!DESK_STORY_NAME.test(documentName)) throw refusal('That is not the name of a story on this desk.');
      const access = await store.storyAccess(documentName);
      if (!access) await store.createStory(documentName, user.name);
      else if (access.owner !== user.name && !access.members.includes(user.name)) {
        throw refusal('This story has not been shared with you.');
      }
      return { user };
    },
    // The client learns who its token names (for presence and comments) from the desk, the
    // one that checked it.
    async connected({ connection, context }) {
      const you: DeskIdentity = { type: 'dateline.you', name: context.user.name, role: context.user.role };
      connection.sendStateless(JSON.stringify(you));
    },
    async beforeHandleMessage({ update: message, document, documentName, context }) {
      const update = updateIn(message);
      if (!update) return;
      if (context.user.role !== 'editor') {
        const barred = statusesSetBy(update, document).find((status) => !REPORTER_STATUSES.has(status));
        if (barred) throw Object.assign(refusal(`Only an editor may set a story to “${barred}”.`), { code: 4403 });
      }
      await store.appendUpdate(documentName, update);
    },
  });
  if (options.tls) serveOverTls(server, options.tls);
  // Upgraded sockets are not the HTTP server's to close: kept here, so stopping never waits
  // on a client's closing handshake (ws gives it 30 s).
  const sockets = new Set<Duplex>();
  server.httpServer.on('upgrade', (_request, socket: Duplex) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await server.listen();
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  options.log?.(`The desk is listening on ${options.host ?? '127.0.0.1'}:${port}`);
  return {
    port,
    async close() {
      await server.destroy();
      for (const socket of sockets) socket.destroy();
      await store.close();
    },
  };
}

/**
 * Puts a TLS server where Hocuspocus's plain one would listen: its requests and upgrades go
 * to the handlers Hocuspocus set up on the plain one, which never listens.
 */
function serveOverTls(server: Server<DeskContext>, tls: NonNullable<DeskOptions['tls']>): void {
  const plain = server.httpServer;
  const secure = createHttpsServer({ cert: tls.cert, key: tls.key }, (request, response) => void server.requestHandler(request, response));
  secure.on('upgrade', (request, socket, head) => plain.emit('upgrade', request, socket, head));
  // An https.Server is an http.Server over TLS: Hocuspocus only listens on it and closes it.
  server.httpServer = secure as unknown as HttpServer;
}
