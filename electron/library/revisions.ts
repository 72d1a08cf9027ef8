import { DatelineError } from '../common/errors.ts';
import type { Revision, RevisionReason, RevisionSummary } from '../common/model.ts';
import type { Library } from './library.ts';

/** While someone types, a snapshot is taken at most this often. */
export const AUTO_REVISION_INTERVAL_MS = 3 * 60 * 1000;

interface RevisionRow {
  id: number;
  article_id: number;
  created_at: number;
  reason: RevisionReason;
  label: string | null;
  title: string;
  word_count: number;
}

const SUMMARY = 'id, article_id, created_at, reason, label, title, word_count';

function toSummary(row: RevisionRow): RevisionSummary {
  return {
    id: row.id,
    articleId: row.article_id,
    createdAt: new Date(row.created_at).toISOString(),
    reason: row.reason,
    label: row.label,
    title: row.title,
    wordCount: row.word_count,
  };
}

/** Snapshots the article as it stands now. Call inside `library.write`. */
export function takeRevision(
  library: Library,
  articleId: number,
  reason: RevisionReason,
  label: string | null = null,
  now = Date.now(),
): number {
  const result = library
    .statement(
      `INSERT INTO revisions (article_id, created_at, reason, label, title, dek, editor_state, body_text, word_count)
       SELECT id, ?, ?, ?, title, dek, editor_state, body_text, word_count FROM articles WHERE id = ?`,
    )
    .run(now, reason, label, articleId);
  if (result.changes === 0) throw new DatelineError('NOT_FOUND', `There is no article with id ${articleId}.`);
  return Number(result.lastInsertRowid);
}

/** Takes an automatic snapshot unless one was taken recently. Call inside `library.write`. */
export function takeRevisionIfDue(library: Library, articleId: number, now = Date.now()): void {
  const last = library
    .statement<{ created_at: number }>('SELECT max(created_at) AS created_at FROM revisions WHERE article_id = ?')
    .get(articleId);
  if (!last?.created_at || now - last.created_at >= AUTO_REVISION_INTERVAL_MS) takeRevision(library, articleId, 'auto', null, now);
}

export function listRevisions(library: Library, articleId: number): RevisionSummary[] {
  return library
    .statement<RevisionRow>(`SELECT ${SUMMARY} FROM revisions WHERE article_id = ? ORDER BY created_at DESC, id DESC`)
    .all(articleId)
    .map(toSummary);
}

export function getRevision(library: Library, id: number): Revision {
  const row = library
    .statement<RevisionRow & { dek: string; body_text: string; editor_state: string | null }>(
      `SELECT ${SUMMARY}, dek, body_text, editor_state FROM revisions WHERE id = ?`,
    )
    .get(id);
  if (!row) throw new DatelineError('NOT_FOUND', `There is no revision with id ${id}.`);
  return { ...toSummary(row), dek: row.dek, text: row.body_text, editorState: row.editor_state };
}
