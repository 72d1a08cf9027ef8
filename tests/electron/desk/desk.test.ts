import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agent, WebSocket as UndiciWebSocket } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openPostgresDeskStore } from '../../../electron/desk/postgres-store.ts';
import { startDesk, type Desk } from '../../../electron/desk/server.ts';
import { openSqliteDeskStore } from '../../../electron/desk/sqlite-store.ts';
import { hashToken, newToken, type DeskRole, type DeskStore } from '../../../electron/desk/store.ts';
import { tempDir } from '../../helpers/temp.ts';
import { postgresUrl, redisUrl, services } from '../../helpers/services.ts';

const opened: { destroy(): void }[] = [];
const desks: Desk[] = [];
afterEach(async () => {
  while (opened.length) opened.pop()!.destroy();
  while (desks.length) await desks.pop()!.close();
});

async function person(store: DeskStore, name: string, role: DeskRole = 'reporter'): Promise<string> {
  const token = newToken();
  await store.addUser(name, role, hashToken(token));
  return token;
}

interface Client {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  refused: Promise<string>;
  closed: Promise<string>;
}

function connect(desk: Desk, story: string, token: string): Client {
  const doc = new Y.Doc();
  let refuse!: (reason: string) => void;
  let close!: (reason: string) => void;
  const refused = new Promise<string>((resolve) => (refuse = resolve));
  const closed = new Promise<string>((resolve) => (close = resolve));
  const provider = new HocuspocusProvider({
    url: `ws://127.0.0.1:${desk.port}`,
    name: story,
    document: doc,
    token,
    onAuthenticationFailed: ({ reason }) => refuse(reason),
    onClose: ({ event }) => close(event.reason || String(event.code)),
  });
  opened.push(provider);
  return { doc, provider, refused, closed };
}

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const synced = (client: Client) => until(() => client.provider.isSynced, 'the first sync');
const acknowledged = (client: Client) =>
  until(() => client.provider.isSynced && !client.provider.hasUnsyncedChanges, 'the desk to acknowledge');
const text = (client: Client) => client.doc.getText('body').toString();

const STORY = 'story:ferry-timetable-0001';

describe('the desk', () => {
  it('carries typing between two people on a story shared with both, and keeps it across a restart', async () => {
    const file = join(tempDir(), 'desk.sqlite');
    let store = openSqliteDeskStore(file);
    const ana = await person(store, 'ana');
    const ben = await person(store, 'ben', 'editor');
    let desk = await startDesk({ store, port: 0, storeAfterMs: 50 });
    desks.push(desk);
    const first = connect(desk, STORY, ana);
    await synced(first);
    await store.share(STORY, ['ben']);
    const second = connect(desk, STORY, ben);
    await synced(second);
    first.doc.getText('body').insert(0, 'Ferries resume at dawn.');
    await until(() => text(second) === 'Ferries resume at dawn.', 'the other person to see the typing');
    second.doc.getText('body').insert(text(second).length, ' Crews agreed overnight.');
    await until(() => text(first) === 'Ferries resume at dawn. Crews agreed overnight.', 'the reply');
    await acknowledged(first);
    await acknowledged(second);

    first.provider.destroy();
    second.provider.destroy();
    await desks.pop()!.close();
    store = openSqliteDeskStore(file);
    desk = await startDesk({ store, port: 0 });
    desks.push(desk);
    const back = connect(desk, STORY, ana);
    await synced(back);
    expect(text(back)).toBe('Ferries resume at dawn. Crews agreed overnight.');
  });

  it('refuses a wrong or revoked token, and a story not shared with the person, with a reason', async () => {
    const store = openSqliteDeskStore(join(tempDir(), 'desk.sqlite'));
    const ana = await person(store, 'ana');
    const cal = await person(store, 'cal');
    const desk = await startDesk({ store, port: 0 });
    desks.push(desk);
    await synced(connect(desk, STORY, ana));
    expect(await connect(desk, STORY, 'dl_not-a-token').refused).toMatch(/does not know that token/);
    expect(await connect(desk, STORY, cal).refused).toMatch(/not been shared with you/);
    await store.revokeUser('ana');
    expect(await connect(desk, STORY, ana).refused).toMatch(/does not know that token/);
    expect(await connect(desk, 'notes/../../etc', cal).refused).toMatch(/not the name of a story/);
  });

  it('lets only an editor set a story to ready or published, and stays up for the others', async () => {
    const store = openSqliteDeskStore(join(tempDir(), 'desk.sqlite'));
    const ana = await person(store, 'ana');
    const ben = await person(store, 'ben', 'editor');
    const desk = await startDesk({ store, port: 0 });
    desks.push(desk);
    const reporter = connect(desk, STORY, ana);
    await synced(reporter);
    await store.share(STORY, ['ben']);
    const editor = connect(desk, STORY, ben);
    await synced(editor);
    reporter.doc.getMap('desk').set('status', 'editing');
    await until(() => editor.doc.getMap('desk').get('status') === 'editing', 'the reporter’s own status change');
    editor.doc.getMap('desk').set('status', 'ready');
    await until(() => reporter.doc.getMap('desk').get('status') === 'ready', 'the editor’s status change');
    reporter.doc.getMap('desk').set('status', 'published');
    expect(await reporter.closed).toMatch(/Only an editor may set a story to “published”/);
    // The desk is still up, and the story still says what the editor set.
    const again = connect(desk, STORY, ben);
    await synced(again);
    expect(again.doc.getMap('desk').get('status')).toBe('ready');
  });

  it('closes a connection whose message is oversized or not Yjs, and stays up', async () => {
    const store = openSqliteDeskStore(join(tempDir(), 'desk.sqlite'));
    const ana = await person(store, 'ana');
    const desk = await startDesk({ store, port: 0 });
    desks.push(desk);
    const huge = connect(desk, STORY, ana);
    await synced(huge);
    huge.doc.getText('body').insert(0, 'x'.repeat(9 * 1024 * 1024));
    expect(await huge.closed).toBeTruthy();
    const socket = new WebSocket(`ws://127.0.0.1:${desk.port}`);
    await new Promise((resolve) => (socket.onopen = resolve));
    const closed = new Promise((resolve) => (socket.onclose = resolve));
    socket.send(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0x02]));
    await closed;
    const fine = connect(desk, STORY, ana);
    await synced(fine);
    expect(text(fine)).not.toContain('xxxx');
  });
});

describe.skipIf(!services.postgres)('the desk on PostgreSQL', () => {
  it('keeps every story across a restart', async () => {
    const schema = `desk_${Date.now()}`;
    let store = await openPostgresDeskStore(postgresUrl(schema));
    const ana = await person(store, 'ana');
    let desk = await startDesk({ store, port: 0, storeAfterMs: 50 });
    desks.push(desk);
    const client = connect(desk, STORY, ana);
    await synced(client);
    client.doc.getText('body').insert(0, 'Kept in PostgreSQL.');
    await acknowledged(client);
    client.provider.destroy();
    await desks.pop()!.close();
    store = await openPostgresDeskStore(postgresUrl(schema));
    desk = await startDesk({ store, port: 0 });
    desks.push(desk);
    const back = connect(desk, STORY, ana);
    await synced(back);
    expect(text(back)).toBe('Kept in PostgreSQL.');
  });
});

describe.skipIf(!services.postgres || !services.redis)('two desks through Redis', () => {
  it('lets people on different servers edit the same story', async () => {
    const schema = `desk_${Date.now()}_r`;
    const one = await openPostgresDeskStore(postgresUrl(schema));
    const two = await openPostgresDeskStore(postgresUrl(schema));
    const ana = await person(one, 'ana');
    const ben = await person(one, 'ben');
    const east = await startDesk({ store: one, port: 0, redis: redisUrl() });
    const west = await startDesk({ store: two, port: 0, redis: redisUrl() });
    desks.push(east, west);
    const first = connect(east, STORY, ana);
    await synced(first);
    await one.share(STORY, ['ben']);
    const second = connect(west, STORY, ben);
    await synced(second);
    first.doc.getText('body').insert(0, 'East wrote this. ');
    second.doc.getText('body').insert(0, 'West wrote this. ');
    await until(() => text(first).includes('West') && text(second).includes('East'), 'both servers to pass the edits on');
    expect(text(first)).toBe(text(second));
  });
});

describe('a desk with its own certificate', () => {
  it('speaks wss:// to a client that trusts the certificate, and nothing in the clear', async () => {
    const dir = tempDir();
    const [cert, key] = [join(dir, 'cert.pem'), join(dir, 'key.pem')];
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'].concat([
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        key,
        '-out',
        cert,
      ]),
      { stdio: 'ignore' },
    );
    const store = openSqliteDeskStore(join(dir, 'desk.sqlite'));
    const token = await person(store, 'ana');
    const desk = await startDesk({ store, port: 0, tls: { cert: readFileSync(cert), key: readFileSync(key) } });
    desks.push(desk);

    // The newsroom's certificate, trusted the way a client trusts its CA.
    const dispatcher = new Agent({ connect: { ca: readFileSync(cert) } });
    class TrustingWebSocket extends UndiciWebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, { protocols, dispatcher });
      }
    }
    const doc = new Y.Doc();
    const socket = new HocuspocusProviderWebsocket({ url: `wss://127.0.0.1:${desk.port}`, WebSocketPolyfill: TrustingWebSocket });
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: STORY, document: doc, token });
    provider.attach();
    opened.push(provider, socket);
    await until(() => provider.isSynced, 'a sync over TLS');
    doc.getText('body').insert(0, 'Ferries resume at dawn.');
    await until(() => !provider.hasUnsyncedChanges, 'the desk to acknowledge over TLS');

    const plain = connect(desk, STORY, token);
    await expect(plain.closed).resolves.toBeTruthy();
    expect(plain.provider.isSynced).toBe(false);
  });
});

describe('dateline desk', () => {
  it('adds, lists and revokes people, and loses nothing acknowledged when its server is killed', async () => {
    const { spawn, execFileSync } = await import('node:child_process');
    const { fileURLToPath } = await import('node:url');
    const bin = fileURLToPath(new URL('../../../electron/bin/dateline.js', import.meta.url));
    const file = join(tempDir(), 'desk.sqlite');
    const cli = (...args: string[]) => execFileSync(process.execPath, [bin, 'desk', ...args, '--database', file], { encoding: 'utf8' });
    const token = cli('add-user', 'ana', '--role', 'editor').trim().split('\n').pop()!;
    expect(token).toMatch(/^dl_/);
    expect(cli('users')).toMatch(/^ana\teditor\t/);
    expect(() => cli('add-user', 'ana')).toThrow(/has a user "ana" already/);
    const port = String(40000 + Math.floor(Math.random() * 20000));
    const serve = () => {
      const child = spawn(process.execPath, [bin, 'desk', '--port', port, '--database', file], { stdio: ['ignore', 'pipe', 'inherit'] });
      return new Promise<typeof child>((ready) =>
        child.stdout!.on('data', (chunk: Buffer) => /running at/.test(chunk.toString()) && ready(child)),
      );
    };
    const killed = await serve();
    const desk = { port: Number(port) } as Desk;
    const writer = connect(desk, STORY, token);
    await synced(writer);
    for (const word of ['Nothing ', 'acknowledged ', 'is ', 'lost.']) writer.doc.getText('body').insert(text(writer).length, word);
    await acknowledged(writer);
    killed.kill('SIGKILL');
    await new Promise((resolve) => killed.once('exit', resolve));
    writer.provider.destroy();
    const restarted = await serve();
    try {
      const reader = connect(desk, STORY, token);
      await synced(reader);
      expect(text(reader)).toBe('Nothing acknowledged is lost.');
    } finally {
      restarted.kill('SIGTERM');
      await new Promise((resolve) => restarted.once('exit', resolve));
    }
    cli('revoke-user', 'ana');
    expect(cli('users')).toMatch(/No one is on the desk yet/);
  });
});
