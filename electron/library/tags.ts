import { DatelineError } from '../common/errors.ts';
import { toTagName, type TagCount } from '../common/model.ts';
import type { Library } from './library.ts';

export function listTags(library: Library): TagCount[] {
  return library
    .statement<TagCount>(
      `SELECT t.name AS name, count(at.article_id) AS count FROM tags t
       JOIN article_tags at ON at.tag_id = t.id GROUP BY t.id ORDER BY t.name COLLATE NOCASE`,
    )
    .all();
}

/** Sets an article's tags; names differing only in case are one tag. Returns the result. */
export function setArticleTags(library: Library, id: number, names: readonly string[]): string[] {
  const unique = [...new Map(names.map((name) => [name.toLocaleLowerCase(), name])).values()];
  library.write(() => {
    const exists = library.statement('SELECT 1 FROM articles WHERE id = ?').get(id);
    if (!exists) throw new DatelineError('NOT_FOUND', `There is no article with id ${id}.`);
    replaceTags(library, id, unique);
    dropUnusedTags(library);
  });
  return library
    .statement<{ name: string }>(
      `SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
       WHERE at.article_id = ? ORDER BY t.name COLLATE NOCASE`,
    )
    .all(id)
    .map((row) => row.name);
}

/**
 * Renames a tag. When another tag already has the new name, the two become one: every
 * article keeps a single copy of it. Returns what happened, for the notice shown.
 */
export function renameTag(library: Library, from: string, to: string): { merged: boolean } {
  return library.write(() => {
    const source = library.statement<{ id: number }>('SELECT id FROM tags WHERE name = ?').get(from);
    if (!source) throw new DatelineError('NOT_FOUND', `There is no tag named “${from}”.`);
    const target = library.statement<{ id: number }>('SELECT id FROM tags WHERE name = ? AND id != ?').get(to, source.id);
    if (!target) {
      library.statement('UPDATE tags SET name = ? WHERE id = ?').run(to, source.id);
      return { merged: false };
    }
    library
      .statement('INSERT OR IGNORE INTO article_tags (article_id, tag_id) SELECT article_id, ? FROM article_tags WHERE tag_id = ?')
      .run(target.id, source.id);
    library.statement('DELETE FROM tags WHERE id = ?').run(source.id);
    return { merged: true };
  });
}

/** Removes a tag from every article; the articles stay. */
export function deleteTag(library: Library, name: string): void {
  library.write(() => {
    const result = library.statement('DELETE FROM tags WHERE name = ?').run(name);
    if (result.changes === 0) throw new DatelineError('NOT_FOUND', `There is no tag named “${name}”.`);
  });
}

/** A tag no article carries any more is gone. Call inside `library.write`. */
export function dropUnusedTags(library: Library): void {
  library.statement('DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM article_tags)').run();
}

/** An import's tags as names the app can use later (filter, rename, delete), each once. */
export function importedTagNames(names: readonly string[]): string[] {
  const kept = new Map<string, string>();
  for (const name of names.map(toTagName)) if (name && !kept.has(name.toLowerCase())) kept.set(name.toLowerCase(), name);
  return [...kept.values()];
}

/** Adds `names` to an article's tags; returns those it did not have. Call inside `library.write`. */
export function addTags(library: Library, id: number, names: readonly string[]): string[] {
  const had = new Set(
    library
      .statement<{ name: string }>('SELECT t.name FROM tags t JOIN article_tags at ON at.tag_id = t.id WHERE at.article_id = ?')
      .all(id)
      .map((row) => row.name.toLowerCase()),
  );
  const added = names.filter((name) => !had.has(name.toLowerCase()));
  linkTags(library, id, added);
  return added;
}

/** Sets an article's tags to exactly `names`. Call inside `library.write`. */
export function replaceTags(library: Library, id: number, names: readonly string[]): void {
  library.statement('DELETE FROM article_tags WHERE article_id = ?').run(id);
  linkTags(library, id, names);
}

/** Gives an article each tag named, creating the tags it needs. */
function linkTags(library: Library, id: number, names: readonly string[]): void {
  const ensureTag = library.statement('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING');
  const link = library.statement('INSERT OR IGNORE INTO article_tags (article_id, tag_id) SELECT ?, id FROM tags WHERE name = ?');
  for (const name of names) {
    ensureTag.run(name);
    link.run(id, name);
  }
}
