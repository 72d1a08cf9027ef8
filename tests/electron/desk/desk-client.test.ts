import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { ChannelName, ChannelOutput, EventName } from '../../../electron/ipc/contract.ts';
import { createDispatcher } from '../../../electron/ipc/dispatcher.ts';
import type { Library } from '../../../electron/library/library.ts';
import { startDesk, type Desk } from '../../../electron/desk/server.ts';
import { openSqliteDeskStore } from '../../../electron/desk/sqlite-store.ts';
import { hashToken, newToken, type DeskStore } from '../../../electron/desk/store.ts';
import type { Policy } from '../../../electron/policy/policy.ts';
import { tempDir, tempLibrary } from '../../helpers/temp.ts';
import { localWebApp } from '../../helpers/web-server.ts';

const desks: Desk[] = [];
const closers: (() => void)[] = [];
afterEach(async () => {
  while (closers.length) closers.pop()!();
  while (desks.length) await desks.pop()!.close();
});

/** One laptop: its library, its dispatcher, and a window's copy of a draft's document. */
function laptop(library: Library, policy: Policy = {}) {
  const events: { event: EventName; payload: unknown }[] = [];
  const windowDocs = new Map<number, Y.Doc>();
  /** What a window knows of the others in each shared draft (its awareness, fed by desk.presence). */
  const windowPresence = new Map<number, Awareness>();
  const dispatch = createDispatcher({
    library,
    app: localWebApp([], policy),
    emit: (event, payload) => {
      events.push({ event, payload });
      if (event === 'desk.update') {
        const { id, update } = payload as { id: number; update: string };
        const doc = windowDocs.get(id);
        if (doc) Y.applyUpdate(doc, Buffer.from(update, 'base64'), 'desk');
      }
      if (event === 'desk.presence') {
        const { id, update } = payload as { id: number; update: string };
        const awareness = windowPresence.get(id);
        if (awareness) applyAwarenessUpdate(awareness, Buffer.from(update, 'base64'), 'desk');
      }
    },
    resumeDownloads: false,
  });
  const call = async <C extends ChannelName>(channel: C, input: unknown): Promise<ChannelOutput<C>> => {
    const result = await dispatch(channel, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as ChannelOutput<C>;
  };
  /** Opens the draft as a window would: its document, and every change typed sent on. */
  const open = async (id: number) => {
    const { state, presence } = await call('desk.open', { id });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Buffer.from(state, 'base64'), 'desk');
    const awareness = new Awareness(doc);
    awareness.setLocalState(null);
    if (presence) applyAwarenessUpdate(awareness, Buffer.from(presence, 'base64'), 'desk');
    windowPresence.set(id, awareness);
    closers.push(() => awareness.destroy());
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'desk') void call('desk.push', { id, update: Buffer.from(update).toString('base64') });
    });
    windowDocs.set(id, doc);
    closers.push(() => void dispatch('desk.close', { id }));
    return doc;
  };
  const status = (id: number) =>
    events
      .filter((item) => item.event === 'desk.status' && (item.payload as { id: number }).id === id)
      .map((item) => (item.payload as { status: { state: string } }).status.state)
      .at(-1);
  const user = (id: number) =>
    events
      .filter((item) => item.event === 'desk.status' && (item.payload as { id: number }).id === id)
      .map((item) => (item.payload as { status: { user: { name: string; role: string } | null } }).status.user)
      .at(-1);
  /** The others a window sees in the draft: name, colour and cursor state. */
  const others = (id: number) => [...(windowPresence.get(id)?.getStates().values() ?? [])] as Record<string, unknown>[];
  return { call, open, status, user, others };
}

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function person(store: DeskStore, name: string): Promise<string> {
  const token = newToken();
  await store.addUser(name, 'reporter', hashToken(token));
  return token;
}

const body = (doc: Y.Doc) => doc.getText('body').toString();

describe('a draft shared to the desk', () => {
  it('is co-edited from two laptops, kept in each library, and merges after both edit offline', async () => {
    const deskFile = join(tempDir(), 'desk.sqlite');
    const store = openSqliteDeskStore(deskFile);
    const anaToken = await person(store, 'ana');
    const benToken = await person(store, 'ben');
    let desk = await startDesk({ store, port: 0, storeAfterMs: 50 });
    desks.push(desk);
    const url = `ws://127.0.0.1:${desk.port}`;

    const anaLibrary = tempLibrary();
    const ana = laptop(anaLibrary);
    await ana.call('settings.set', { deskUrl: url, deskToken: anaToken });
    const draft = await ana.call('articles.createDraft', { title: 'Ferry timetable' });
    expect((await ana.call('desk.info', { id: draft.id })).story).toBeNull();
    const { story } = await ana.call('desk.share', { id: draft.id });
    const anaDoc = await ana.open(draft.id);
    await until(() => ana.status(draft.id) === 'live', 'Ana to be live');
    anaDoc.getText('body').insert(0, 'Ferries resume at dawn.');

    await store.share(story, ['ben']);
    const ben = laptop(tempLibrary());
    await ben.call('settings.set', { deskUrl: url, deskToken: benToken });
    const { id: benDraft } = await ben.call('desk.join', { story });
    const benDoc = await ben.open(benDraft);
    await until(() => body(benDoc) === 'Ferries resume at dawn.', 'Ben to see what Ana typed');

    // The desk goes away; both go on typing, each kept in its own library.
    await desks.pop()!.close();
    await until(() => ana.status(draft.id) === 'offline' && ben.status(benDraft) === 'offline', 'both to be offline');
    anaDoc.getText('body').insert(body(anaDoc).length, ' Crews agreed.');
    benDoc.getText('body').insert(0, 'HARBOUR — ');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const kept = laptop(anaLibrary);
    const reopened = await kept.open(draft.id);
    expect(body(reopened)).toBe('Ferries resume at dawn. Crews agreed.');

    // Back: both edits in both, the two documents identical.
    desk = await startDesk({ store: openSqliteDeskStore(deskFile), port: Number(new URL(url).port) });
    desks.push(desk);
    await until(
      () => body(anaDoc) === body(benDoc) && body(anaDoc).includes('HARBOUR') && body(benDoc).includes('Crews'),
      'the edits to merge',
      20_000,
    );
    expect(body(anaDoc)).toBe('HARBOUR — Ferries resume at dawn. Crews agreed.');
  });

  it('shows each person to the others by the name the desk knows, with their cursor, until they leave', async () => {
    const store = openSqliteDeskStore(join(tempDir(), 'desk.sqlite'));
    const anaToken = await person(store, 'ana');
    const benToken = newToken();
    await store.addUser('ben', 'editor', hashToken(benToken));
    const desk = await startDesk({ store, port: 0 });
    desks.push(desk);
    const url = `ws://127.0.0.1:${desk.port}`;
    const ana = laptop(tempLibrary());
    await ana.call('settings.set', { deskUrl: url, deskToken: anaToken });
    const draft = await ana.call('articles.createDraft', { title: 'Ferry timetable' });
    const { story } = await ana.call('desk.share', { id: draft.id });
    await ana.open(draft.id);
    await until(() => ana.user(draft.id)?.name === 'ana', 'the desk to say who Ana is');
    expect(ana.user(draft.id)).toEqual({ name: 'ana', role: 'reporter' });

    await store.share(story, ['ben']);
    const ben = laptop(tempLibrary());
    await ben.call('settings.set', { deskUrl: url, deskToken: benToken });
    const { id: benDraft } = await ben.call('desk.join', { story });
    await ben.open(benDraft);
    await until(() => ben.user(benDraft)?.role === 'editor', 'the desk to say Ben is an editor');

    // Ana's window says where her cursor is; Ben's window sees it under her desk name. A
    // name the window claims is not the one shown.
    const cursor = { anchorPos: { type: null, tname: 'root', item: null, assoc: 0 }, focusing: true, name: 'mallory' };
    await ana.call('desk.presence', { id: draft.id, state: cursor });
    await until(() => ben.others(benDraft).some((state) => state.name === 'ana' && state.focusing === true), 'Ben to see Ana');
    const seen = ben.others(benDraft).find((state) => state.name === 'ana')!;
    expect(seen.anchorPos).toEqual(cursor.anchorPos);
    expect(seen.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(ben.others(benDraft).some((state) => state.name === 'mallory')).toBe(false);
    await until(() => ana.others(draft.id).some((state) => state.name === 'ben'), 'Ana to see Ben');
    await expect(ana.call('desk.presence', { id: draft.id, state: { big: 'x'.repeat(20_000) } })).rejects.toThrow(/16 KB/);

    // Ana closes the draft: Ben's window no longer shows her.
    await ana.call('desk.close', { id: draft.id });
    await until(() => !ben.others(benDraft).some((state) => state.name === 'ana'), 'Ana to leave Ben’s view');
  });

  it('shares to the desk the newsroom’s policy names, whatever Settings say', async () => {
    const store = openSqliteDeskStore(join(tempDir(), 'desk.sqlite'));
    const token = await person(store, 'ana');
    const desk = await startDesk({ store, port: 0 });
    desks.push(desk);
    const ana = laptop(tempLibrary(), { desk: { url: `ws://127.0.0.1:${desk.port}` } });
    await ana.call('settings.set', { deskUrl: 'wss://elsewhere.example', deskToken: token });
    expect((await ana.call('app.info', {})).policy.deskUrl).toBe(`ws://127.0.0.1:${desk.port}`);
    const draft = await ana.call('articles.createDraft', { title: 'Ferry timetable' });
    expect((await ana.call('desk.info', { id: draft.id })).configured).toBe(true);
    await ana.call('desk.share', { id: draft.id });
    await ana.open(draft.id);
    await until(() => ana.status(draft.id) === 'live', 'Ana to be live on the policy’s desk');
  });

  it('says why it is not connected: no desk set, or a token the desk refuses', async () => {
    const store = openSqliteDeskStore(join(tempDir(), 'desk.sqlite'));
    const desk = await startDesk({ store, port: 0 });
    desks.push(desk);
    const ana = laptop(tempLibrary());
    const draft = await ana.call('articles.createDraft', { title: 'Ferry timetable' });
    await expect(ana.call('desk.share', { id: draft.id })).rejects.toThrow(/No desk is set/);
    await ana.call('settings.set', { deskUrl: `ws://127.0.0.1:${desk.port}`, deskToken: 'dl_wrong' });
    await ana.call('desk.share', { id: draft.id });
    await ana.open(draft.id);
    await until(() => ana.status(draft.id) === 'not-connected', 'the refusal');
    await expect(ana.call('settings.set', { deskUrl: 'ws://desk.example' })).rejects.toThrow(/wss:/);
  });
});
