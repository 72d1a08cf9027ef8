import type { Provider } from '@lexical/yjs';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { EventPayload } from '../../../../electron/ipc/contract.ts';
import { call, subscribe } from '../../client/api.ts';
import { base64FromBytes, bytesFromBase64 } from '../../client/bytes.ts';

export type DeskStatus = EventPayload<'desk.status'>['status'];

type Listener = (value: never) => void;

/** Changes that came from the app (the library, the desk): not sent back. */
const FROM_APP = 'dateline-app';

/**
 * Lexical's collaboration provider for a shared draft, speaking the contract rather than a
 * socket: the app's main side holds the document's copy in the library and the connection
 * to the desk. The window's changes go out with desk.push (the library keeps them first);
 * the desk's come in as desk.update events. `sync` is announced once the library's copy is
 * in, or, for a story joined from the desk, once the desk has sent it, so an empty copy is
 * never seeded over a story that has text.
 */
export class DeskProvider implements Provider {
  /** Who is in the story: kept in this window for now (presence comes with the desk's awareness). */
  readonly awareness: Provider['awareness'];
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly stops: (() => void)[] = [];
  private synced = false;
  private readonly articleId: number;
  private readonly doc: Y.Doc;
  private readonly options: { waitForDesk: boolean; onStatus: (status: DeskStatus) => void };

  constructor(articleId: number, doc: Y.Doc, options: { waitForDesk: boolean; onStatus: (status: DeskStatus) => void }) {
    this.articleId = articleId;
    this.doc = doc;
    this.options = options;
    // y-protocols' Awareness is what Lexical's binding expects; its state type is looser.
    this.awareness = new Awareness(doc) as unknown as Provider['awareness'];
  }

  async connect(): Promise<void> {
    const onUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_APP) return;
      void call('desk.push', { id: this.articleId, update: base64FromBytes(update) });
    };
    this.doc.on('update', onUpdate);
    this.stops.push(() => this.doc.off('update', onUpdate));
    this.stops.push(
      subscribe('desk.update', ({ id, update }) => {
        if (id === this.articleId) Y.applyUpdate(this.doc, bytesFromBase64(update), FROM_APP);
      }),
      subscribe('desk.status', ({ id, status }) => {
        if (id !== this.articleId) return;
        this.status(status);
        if (status.state === 'live') this.sync();
      }),
    );
    const opened = await call('desk.open', { id: this.articleId });
    const state = bytesFromBase64(opened.state);
    if (state.length) Y.applyUpdate(this.doc, state, FROM_APP);
    this.status(opened.status);
    const hasText = this.doc.get('root', Y.XmlText).length > 0;
    if (!this.options.waitForDesk || hasText || opened.status.state === 'live' || opened.status.state === 'not-connected') this.sync();
  }

  disconnect(): void {
    while (this.stops.length) this.stops.pop()!();
    void call('desk.close', { id: this.articleId }).catch(() => undefined);
  }

  on(type: string, callback: Listener): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(callback);
  }

  off(type: string, callback: Listener): void {
    this.listeners.get(type)?.delete(callback);
  }

  private emit(type: string, value: unknown): void {
    for (const listener of this.listeners.get(type) ?? []) (listener as (value: unknown) => void)(value);
  }

  private status(status: DeskStatus): void {
    this.options.onStatus(status);
    this.emit('status', { status: status.state === 'live' ? 'connected' : 'disconnected' });
  }

  private sync(): void {
    if (this.synced) return;
    this.synced = true;
    this.emit('sync', true);
  }
}
