import { HocuspocusProvider } from '@hocuspocus/provider';
import { encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { colourOf, type DeskIdentity } from '../common/desk.ts';
import { DatelineError } from '../common/errors.ts';
import type { Library } from '../library/library.ts';
import { appendDraftUpdate, compactDraftUpdates, draftUpdates, sharedDraft } from '../library/shared-drafts.ts';

/** How a shared draft stands with the desk, in the status bar's words. */
export type DeskState = 'live' | 'offline' | 'not-connected';

export interface DeskStatus {
  state: DeskState;
  /** Why it is not live, in words. */
  reason: string | null;
  /** Who the desk says this person is (known once it has checked the token). */
  user: { name: string; role: DeskIdentity['role'] } | null;
}

/** What a window says of its own cursor and selection (Lexical's awareness state), or null when it leaves. */
export type PresenceState = Record<string, unknown> | null;

export interface DeskConnection {
  url: string;
  token: string;
}

export interface DeskSessionsOptions {
  library: Library;
  /** The desk and this person's token, from Settings or the policy; null when none is set. */
  connection: () => DeskConnection | null;
  onUpdate: (articleId: number, update: Uint8Array) => void;
  onStatus: (articleId: number, status: DeskStatus) => void;
  /** Others' presence changed: an awareness update for the windows to apply. */
  onPresence: (articleId: number, update: Uint8Array) => void;
}

interface Session {
  doc: Y.Doc;
  provider: HocuspocusProvider | null;
  status: DeskStatus;
  /** Windows that have the draft open. */
  holders: number;
  /** The window's own cursor and selection, sent on under the desk's name for this person. */
  presence: PresenceState;
}

/** Updates a window sends, so they are not sent back to it as news. */
const FROM_WINDOW = Symbol('window');

/**
 * The shared drafts open in a window, each with its Yjs document and its connection to the
 * desk. The document is the library's first: every update, typed here or received, is kept
 * in the library before anything else, so the draft works offline and merges when the desk
 * is back. Windows reach it only through the contract (desk.open, desk.push, and the
 * desk.update events), so the renderer never holds a socket or a token.
 */
export class DeskSessions {
  private readonly sessions = new Map<number, Session>();
  /** Who the desk last said this person is, by desk and token: a draft opened offline signs comments with it. */
  private readonly identities = new Map<string, DeskStatus['user']>();
  private readonly options: DeskSessionsOptions;

  constructor(options: DeskSessionsOptions) {
    this.options = options;
  }

  open(articleId: number): { state: Uint8Array; status: DeskStatus; story: string; presence: Uint8Array | null } {
    const shared = sharedDraft(this.options.library, articleId);
    if (!shared) throw new DatelineError('NOT_FOUND', 'This draft is not shared to the desk.');
    let session = this.sessions.get(articleId);
    if (!session) {
      session = this.start(articleId, shared.story);
      this.sessions.set(articleId, session);
    }
    session.holders += 1;
    const awareness = session.provider?.awareness;
    const others = awareness ? othersIn(awareness, [...awareness.getStates().keys()]) : [];
    return {
      state: Y.encodeStateAsUpdate(session.doc),
      status: session.status,
      story: shared.story,
      presence: awareness && others.length ? encodeAwarenessUpdate(awareness, others) : null,
    };
  }

  /** The window's cursor moved (or it left the story): the others see it under this person's name. */
  presence(articleId: number, state: PresenceState): void {
    const session = this.sessions.get(articleId);
    if (!session) throw new DatelineError('NOT_FOUND', 'Open the shared draft before editing it.');
    session.presence = state;
    announce(session);
  }

  push(articleId: number, update: Uint8Array): void {
    const session = this.sessions.get(articleId);
    if (!session) throw new DatelineError('NOT_FOUND', 'Open the shared draft before editing it.');
    try {
      Y.applyUpdate(session.doc, update, FROM_WINDOW);
    } catch {
      throw new DatelineError('INVALID_INPUT', 'That is not a change to this draft.');
    }
  }

  close(articleId: number): void {
    const session = this.sessions.get(articleId);
    if (!session) return;
    session.holders -= 1;
    if (session.holders > 0) return;
    session.provider?.destroy();
    session.doc.destroy();
    this.sessions.delete(articleId);
  }

  closeAll(): void {
    for (const [id, session] of this.sessions) {
      session.holders = 1;
      this.close(id);
    }
  }

  private start(articleId: number, story: string): Session {
    const { library } = this.options;
    const doc = new Y.Doc();
    const stored = storedDocument(library, articleId);
    if (stored.length) Y.applyUpdate(doc, stored, 'library');
    const session: Session = {
      doc,
      provider: null,
      status: { state: 'not-connected', reason: null, user: null },
      holders: 0,
      presence: null,
    };
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'library') return;
      // Kept before it is sent on: the library holds every keystroke, online or not.
      appendDraftUpdate(library, articleId, update);
      if (origin !== FROM_WINDOW) this.options.onUpdate(articleId, update);
    });
    const setStatus = (status: Omit<DeskStatus, 'user'>) => {
      session.status = { ...status, user: session.status.user };
      this.options.onStatus(articleId, session.status);
    };
    const connection = this.options.connection();
    if (!connection) {
      session.status = { state: 'not-connected', reason: 'No desk is set: add its address and your token in Settings ▸ Desk.', user: null };
      return session;
    }
    const identityKey = `${connection.url}\n${connection.token}`;
    session.status = { state: 'offline', reason: 'Connecting to the desk…', user: this.identities.get(identityKey) ?? null };
    const provider = new HocuspocusProvider({
      url: connection.url,
      name: story,
      document: doc,
      token: connection.token,
      onSynced: () => setStatus({ state: 'live', reason: null }),
      onDisconnect: () => {
        if (session.status.state !== 'not-connected')
          setStatus({ state: 'offline', reason: 'The desk cannot be reached: edits are kept here and merge when it is back.' });
      },
      onAuthenticationFailed: ({ reason }) => {
        setStatus({ state: 'not-connected', reason: `The desk refused: ${reason}` });
        provider.disconnect();
      },
      onStateless: ({ payload }) => {
        const you = identityIn(payload);
        if (!you) return;
        session.status = { ...session.status, user: { name: you.name, role: you.role } };
        this.identities.set(identityKey, session.status.user);
        this.options.onStatus(articleId, session.status);
        announce(session);
      },
    });
    provider.awareness?.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      const others = othersIn(provider.awareness!, [...added, ...updated, ...removed]);
      if (others.length) this.options.onPresence(articleId, encodeAwarenessUpdate(provider.awareness!, others));
    });
    session.provider = provider;
    return session;
  }
}

/** Clients other than this laptop's own connection. */
function othersIn(awareness: Awareness, clients: number[]): number[] {
  return clients.filter((client) => client !== awareness.clientID);
}

/**
 * This laptop's presence in the story: the window's cursor, under the name the desk knows
 * this person by and their colour, or just the name while no window has said where it is.
 */
function announce(session: Session): void {
  const awareness = session.provider?.awareness;
  const user = session.status.user;
  if (!awareness || !user) return;
  awareness.setLocalState({ ...session.presence, name: user.name, color: colourOf(user.name) });
}

function identityIn(payload: string): DeskIdentity | null {
  try {
    const value = JSON.parse(payload) as Partial<DeskIdentity>;
    if (value.type !== 'dateline.you' || typeof value.name !== 'string') return null;
    return { type: value.type, name: value.name, role: value.role === 'editor' ? 'editor' : 'reporter' };
  } catch {
    return null;
  }
}

/** More updates than this are merged into one when the draft is opened. */
const COMPACT_ABOVE = 200;

/** The draft's document as the library keeps it, as one update (empty when nothing was written). */
function storedDocument(library: Library, articleId: number): Uint8Array {
  const { updates, lastId } = draftUpdates(library, articleId);
  if (!updates.length) return new Uint8Array(0);
  const merged = Y.mergeUpdates(updates);
  if (updates.length > COMPACT_ABOVE) compactDraftUpdates(library, articleId, merged, lastId);
  return merged;
}
