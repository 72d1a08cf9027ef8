import { createHash, randomBytes } from 'node:crypto';

/**
 * What the newsroom desk keeps: its people (a token each, kept only as a hash), the stories
 * shared to it with who may open each, and each story's Yjs document (its compacted state,
 * and the updates received since, each written before the sender is told it arrived).
 * One interface, two homes: a SQLite file for a desk on any machine, PostgreSQL for a
 * newsroom's.
 */

export const deskRoles = ['reporter', 'editor'] as const;
export type DeskRole = (typeof deskRoles)[number];

export interface DeskUser {
  name: string;
  role: DeskRole;
  createdAt: number;
}

export interface StoryAccess {
  owner: string;
  members: string[];
}

export interface DeskStore {
  /** Adds a person (or gives a revoked one a new token); refuses a name already active. */
  addUser(name: string, role: DeskRole, tokenHash: string): Promise<void>;
  /** Whether a person was active and is now refused. */
  revokeUser(name: string): Promise<boolean>;
  listUsers(): Promise<DeskUser[]>;
  userByToken(tokenHash: string): Promise<DeskUser | null>;
  /** Who may open a story; null for one not shared to the desk yet. */
  storyAccess(story: string): Promise<StoryAccess | null>;
  createStory(story: string, owner: string): Promise<void>;
  /** Lets these people open the story too (names not on the desk are refused). */
  share(story: string, people: readonly string[]): Promise<void>;
  /** The story's document: its stored state with every update logged since, or null when new. */
  loadDocument(story: string): Promise<Uint8Array[] | null>;
  /** Logs one update, durably, before its sender is told it arrived. */
  appendUpdate(story: string, update: Uint8Array): Promise<void>;
  /** Stores the whole state and lets go of the updates it surely holds. */
  storeDocument(story: string, state: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/** Updates older than this are in any state stored after them (applied within moments). */
export const COMPACT_AFTER_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new person's token: printed once, never stored. */
export function newToken(): string {
  return `dl_${randomBytes(24).toString('base64url')}`;
}

/** Names people are added by: letters, digits, dot, dash, underscore; 1 to 64. */
export function checkUserName(name: string): string {
  if (!/^[\p{L}\p{N}._-]{1,64}$/u.test(name)) {
    throw new Error(`"${name}" cannot be a desk user's name: use 1 to 64 letters, digits, dots, dashes or underscores.`);
  }
  return name;
}
