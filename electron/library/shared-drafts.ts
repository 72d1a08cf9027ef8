import { randomBytes } from 'node:crypto';
import { DatelineError } from '../common/errors.ts';
import type { Library } from './library.ts';
import { insertRow } from './sql.ts';

/**
 * Drafts shared to the newsroom desk: which story each is on the desk, and its Yjs document
 * kept here as the updates made or received, so the draft opens and is edited offline and
 * merges when the desk is back. Talking to the desk lives elsewhere (desk-client/).
 */

export interface SharedDraft {
  articleId: number;
  story: string;
  deskUrl: string;
  sharedAt: number;
  /** Opened here from a story someone else shared (its text comes from the desk). */
  joined: boolean;
}

export function sharedDraft(library: Library, articleId: number): SharedDraft | null {
  const row = library
    .statement<{ article_id: number; story: string; desk_url: string; shared_at: number; joined: number }>(
      'SELECT article_id, story, desk_url, shared_at, joined FROM shared_drafts WHERE article_id = ?',
    )
    .get(articleId);
  return row
    ? { articleId: row.article_id, story: row.story, deskUrl: row.desk_url, sharedAt: row.shared_at, joined: row.joined === 1 }
    : null;
}

/** A new story's name on the desk: random, so it says nothing of the draft. */
export function newStoryName(): string {
  return `story:${randomBytes(12).toString('base64url')}`;
}

/** Links a draft to a story on the desk (a new one when it is shared, a given one when joined). */
export function linkDraftToStory(
  library: Library,
  articleId: number,
  link: { story: string; deskUrl: string; joined: boolean },
  now = Date.now(),
): SharedDraft {
  const { story, deskUrl, joined } = link;
  return library.write(() => {
    const draft = library.statement<{ kind: string }>('SELECT kind FROM articles WHERE id = ?').get(articleId);
    if (!draft) throw new DatelineError('NOT_FOUND', 'That draft is not in the library.');
    if (draft.kind !== 'draft')
      throw new DatelineError('UNSUPPORTED', 'Only drafts are shared to the desk; saved articles stay on this computer.');
    const existing = sharedDraft(library, articleId);
    if (existing) return existing;
    const taken = library.statement('SELECT 1 FROM shared_drafts WHERE story = ?').get(story);
    if (taken) throw new DatelineError('CONFLICT', 'That desk story is open as another draft here already.');
    library.run(insertRow('shared_drafts', { article_id: articleId, story, desk_url: deskUrl, shared_at: now, joined: joined ? 1 : 0 }));
    return { articleId, story, deskUrl, sharedAt: now, joined };
  });
}

/** Keeps one update of the draft's document (made here or received from the desk). */
export function appendDraftUpdate(library: Library, articleId: number, update: Uint8Array): void {
  library.write(() =>
    library.statement('INSERT INTO shared_draft_updates (article_id, data) VALUES (?, ?)').run(articleId, Buffer.from(update)),
  );
}

/** The updates kept of the draft's document, oldest first, with the last one's id (for compacting). */
export function draftUpdates(library: Library, articleId: number): { updates: Uint8Array[]; lastId: number } {
  const rows = library
    .statement<{ id: number; data: Buffer }>('SELECT id, data FROM shared_draft_updates WHERE article_id = ? ORDER BY id')
    .all(articleId);
  return { updates: rows.map((row) => new Uint8Array(row.data)), lastId: rows.at(-1)?.id ?? 0 };
}

/** Replaces the updates up to `lastId` with the one they merge into. */
export function compactDraftUpdates(library: Library, articleId: number, merged: Uint8Array, lastId: number): void {
  library.write(() => {
    library.statement('DELETE FROM shared_draft_updates WHERE article_id = ? AND id <= ?').run(articleId, lastId);
    library.statement('INSERT INTO shared_draft_updates (article_id, data) VALUES (?, ?)').run(articleId, Buffer.from(merged));
  });
}
