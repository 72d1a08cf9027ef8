import * as Y from 'yjs';
import { DESK_COMMENTS } from '../../../../../electron/common/desk.ts';

/** One comment in a thread. */
export interface DeskComment {
  id: string;
  author: string;
  text: string;
  createdAt: number;
}

/** A thread of comments on a passage of a shared story. */
export interface CommentThread {
  id: string;
  /** The passage as it read when the thread began (shown when the passage is gone). */
  quote: string;
  comments: DeskComment[];
  resolved: boolean;
  /** Who resolved or reopened it last, and when. */
  resolvedBy: string | null;
  createdAt: number;
}

/** Longer comments are cut here: a comment is a note, not a second story. */
export const MAX_COMMENT_CHARACTERS = 10_000;
const MAX_QUOTE_CHARACTERS = 500;

const newId = () => crypto.randomUUID();

/**
 * The story's comment threads, kept in its Yjs document (the desk map's sibling), so they
 * travel and merge with the text: each thread a map (quote, resolved, who resolved it) with
 * its comments in an array that replies append to. The passage a thread is on is marked in
 * the text itself (Lexical's mark nodes, by thread id), so the anchor moves with the text.
 */
export class CommentStore {
  private readonly threads: Y.Map<Y.Map<unknown>>;
  private readonly doc: Y.Doc;

  constructor(doc: Y.Doc) {
    this.doc = doc;
    this.threads = doc.getMap(DESK_COMMENTS);
  }

  /** Every thread, oldest first; one a collaborator's app wrote wrongly is left out, not shown broken. */
  list(): CommentThread[] {
    const threads: CommentThread[] = [];
    for (const [id, thread] of this.threads) {
      if (!(thread instanceof Y.Map)) continue;
      const comments = thread.get('comments');
      threads.push({
        id,
        quote: stringOr(thread.get('quote'), ''),
        resolved: thread.get('resolved') === true,
        resolvedBy: typeof thread.get('resolvedBy') === 'string' ? (thread.get('resolvedBy') as string) : null,
        createdAt: numberOr(thread.get('createdAt'), 0),
        comments: comments instanceof Y.Array ? comments.toArray().flatMap(commentOf) : [],
      });
    }
    return threads.sort((a, b) => a.createdAt - b.createdAt);
  }

  /** Starts a thread on a passage with its first comment; returns the thread's id (the mark's). */
  start(quote: string, text: string, author: string): string {
    const id = newId();
    const now = Date.now();
    this.doc.transact(() => {
      const thread = new Y.Map<unknown>();
      thread.set('quote', quote.slice(0, MAX_QUOTE_CHARACTERS));
      thread.set('createdAt', now);
      thread.set('resolved', false);
      const comments = new Y.Array<DeskComment>();
      comments.push([comment(text, author, now)]);
      thread.set('comments', comments);
      this.threads.set(id, thread);
    });
    return id;
  }

  reply(threadId: string, text: string, author: string): void {
    const comments = this.threads.get(threadId)?.get('comments');
    if (comments instanceof Y.Array) comments.push([comment(text, author, Date.now())]);
  }

  /** Resolves or reopens a thread; the passage stays marked either way. */
  setResolved(threadId: string, resolved: boolean, by: string): void {
    const thread = this.threads.get(threadId);
    if (!thread) return;
    this.doc.transact(() => {
      thread.set('resolved', resolved);
      thread.set('resolvedBy', by);
    });
  }

  /** Calls back after any change to any thread, from here or a collaborator. */
  observe(onChange: () => void): () => void {
    const observer = () => onChange();
    this.threads.observeDeep(observer);
    return () => this.threads.unobserveDeep(observer);
  }
}

function comment(text: string, author: string, createdAt: number): DeskComment {
  return { id: newId(), author, text: text.slice(0, MAX_COMMENT_CHARACTERS), createdAt };
}

function commentOf(value: unknown): DeskComment[] {
  if (typeof value !== 'object' || value === null) return [];
  const { id, author, text, createdAt } = value as Partial<DeskComment>;
  if (typeof id !== 'string' || typeof text !== 'string') return [];
  return [{ id, text, author: stringOr(author, 'Someone'), createdAt: numberOr(createdAt, 0) }];
}

const stringOr = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);
const numberOr = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
