import { DatelineError } from '../common/errors.ts';
import type { ArticleStates, StateChange } from '../common/model.ts';
import { STATE_COLUMNS } from './articles.ts';
import { dropUnusedTags } from './tags.ts';
import type { Library } from './library.ts';

/**
 * Sets read, favorite and archived on many articles in one transaction. Returns each
 * article's states as they were, which is exactly what undoing the change needs.
 */
export function setStates(library: Library, changes: readonly StateChange[]): ArticleStates[] {
  return library.write(() => {
    const before = statesOf(
      library,
      changes.map((change) => change.id),
    );
    const now = Date.now();
    for (const change of changes) {
      const fields = (Object.keys(STATE_COLUMNS) as (keyof typeof STATE_COLUMNS)[]).filter((field) => change[field] !== undefined);
      if (fields.length === 0) continue;
      library
        .statement(`UPDATE articles SET ${fields.map((field) => `${STATE_COLUMNS[field]} = ?`).join(', ')}, updated_at = ? WHERE id = ?`)
        .run(...fields.map((field) => Number(change[field])), now, change.id);
    }
    return before;
  });
}

function statesOf(library: Library, ids: readonly number[]): ArticleStates[] {
  const rows = library
    .statement<{ id: number; is_read: number; is_favorite: number; is_archived: number }>(
      'SELECT id, is_read, is_favorite, is_archived FROM articles WHERE id IN (SELECT value FROM json_each(?))',
    )
    .all(JSON.stringify(ids));
  requireAll(ids, rows);
  return rows.map((row) => ({ id: row.id, read: row.is_read === 1, favorite: row.is_favorite === 1, archived: row.is_archived === 1 }));
}

/** Adds a tag to many articles; returns the ids that did not have it (what an undo removes). */
export function tagArticles(library: Library, ids: readonly number[], name: string): number[] {
  return library.write(() => {
    requireAll(ids, existing(library, ids));
    const tag =
      library.statement<{ id: number }>('SELECT id FROM tags WHERE name = ?').get(name) ??
      library.statement<{ id: number }>('INSERT INTO tags (name) VALUES (?) RETURNING id').get(name)!;
    const link = library.statement('INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?, ?)');
    return ids.filter((id) => link.run(id, tag.id).changes > 0);
  });
}

/** Takes a tag off many articles; returns the ids that had it (what an undo adds back). */
export function untagArticles(library: Library, ids: readonly number[], name: string): number[] {
  return library.write(() => {
    requireAll(ids, existing(library, ids));
    const tag = library.statement<{ id: number }>('SELECT id FROM tags WHERE name = ?').get(name);
    if (!tag) return [];
    const unlink = library.statement('DELETE FROM article_tags WHERE article_id = ? AND tag_id = ?');
    const removed = ids.filter((id) => unlink.run(id, tag.id).changes > 0);
    dropUnusedTags(library);
    return removed;
  });
}

/**
 * Deletes many articles in one transaction. Ids already gone are passed over: a deletion
 * asked for twice (two windows, an undo that came too late) is still a deletion.
 */
export function deleteArticles(library: Library, ids: readonly number[]): number[] {
  const deleted = library.write(() => {
    const remove = library.statement('DELETE FROM articles WHERE id = ?');
    const gone = ids.filter((id) => remove.run(id).changes > 0);
    dropUnusedTags(library);
    return gone;
  });
  if (deleted.length) library.forgetDeletedSoon();
  return deleted;
}

function existing(library: Library, ids: readonly number[]): { id: number }[] {
  return library.statement<{ id: number }>('SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids));
}

function requireAll(ids: readonly number[], found: readonly { id: number }[]): void {
  if (found.length === new Set(ids).size) return;
  const present = new Set(found.map((row) => row.id));
  const missing = ids.filter((id) => !present.has(id));
  throw new DatelineError(
    'NOT_FOUND',
    `There is no article with id ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? '…' : ''}; nothing was changed.`,
  );
}
