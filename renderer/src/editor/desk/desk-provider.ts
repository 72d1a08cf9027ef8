import type { Provider } from '@lexical/yjs';
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { EventPayload } from '../../../../electron/ipc/contract.ts';
import { call, subscribe } from '../../client/api.ts';
import { base64FromBytes, bytesFromBase64 } from '../../client/bytes.ts';

export type DeskStatus = EventPayload<'desk.status'>['status'];

type Listener = (value: never) => void;

/** Someone else in the story, as their window announces them. */
export interface DeskPerson {
  name: string;
  color: string;
  /** Their cursor is in the story's text. */
  focusing: boolean;
}

interface DeskProviderOptions {
  waitForDesk: boolean;
  onStatus: (status: DeskStatus) => void;
  onPeople: (people: DeskPerson[]) => void;
}

type PresenceChange = { added: number[]; updated: number[]; removed: number[] };

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
  /**
   * Who is in the story: this window's cursor (sent on with desk.presence, under the name the
   * desk knows this person by) and the others' (desk.presence events).
   */
  readonly awareness: Provider['awareness'];
  private readonly presence: Awareness;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly stops: (() => void)[] = [];
  private synced = false;
  /** This person's name on the desk: their own other windows are not "others". */
  private userName: string | null = null;
  private readonly articleId: number;
  private readonly doc: Y.Doc;
  private readonly options: DeskProviderOptions;

  constructor(articleId: number, doc: Y.Doc, options: DeskProviderOptions) {
    this.articleId = articleId;
    this.doc = doc;
    this.options = options;
    this.presence = new Awareness(doc);
    // y-protocols' Awareness is what Lexical's binding expects; its state type is looser.
    this.awareness = this.presence as unknown as Provider['awareness'];
  }

  async connect(): Promise<void> {
    // A status heard while desk.open is under way is newer than the one its answer carries
    // (the desk can go live before the answer arrives): that answer does not overwrite it.
    let heard = false;
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
        heard = true;
        this.status(status);
        if (status.state === 'live') this.sync();
      }),
      subscribe('desk.presence', ({ id, update }) => {
        if (id === this.articleId) applyAwarenessUpdate(this.presence, bytesFromBase64(update), FROM_APP);
      }),
    );
    const onPresence = ({ added, updated, removed }: PresenceChange, origin: unknown) => {
      if (origin === FROM_APP) {
        this.options.onPeople(this.people());
        return;
      }
      const own = this.presence.clientID;
      if (![...added, ...updated, ...removed].includes(own)) return;
      const state = this.presence.getLocalState();
      void call('desk.presence', { id: this.articleId, state: state as Record<string, never> | null }).catch(() => undefined);
    };
    this.presence.on('update', onPresence);
    this.stops.push(() => {
      this.presence.off('update', onPresence);
      this.presence.destroy();
    });
    const opened = await call('desk.open', { id: this.articleId });
    const state = bytesFromBase64(opened.state);
    if (state.length) Y.applyUpdate(this.doc, state, FROM_APP);
    if (opened.presence) applyAwarenessUpdate(this.presence, bytesFromBase64(opened.presence), FROM_APP);
    if (!heard) this.status(opened.status);
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

  /** The others in the story, by name (one entry per person, however many windows they have). */
  private people(): DeskPerson[] {
    const people = new Map<string, DeskPerson>();
    for (const [client, state] of this.presence.getStates()) {
      if (client === this.presence.clientID || typeof state.name !== 'string' || state.name === this.userName) continue;
      const focusing = state.focusing === true || people.get(state.name)?.focusing === true;
      people.set(state.name, { name: state.name, color: typeof state.color === 'string' ? state.color : '#888', focusing });
    }
    return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  private status(status: DeskStatus): void {
    if (status.user && status.user.name !== this.userName) {
      this.userName = status.user.name;
      this.options.onPeople(this.people());
    }
    this.options.onStatus(status);
    this.emit('status', { status: status.state === 'live' ? 'connected' : 'disconnected' });
  }

  private sync(): void {
    if (this.synced) return;
    this.synced = true;
    this.emit('sync', true);
  }
}
