/** Small pieces of SQL that several queries share, so each is written (and escaped) once. */

/** A LIKE pattern matching `text` anywhere, its own `%`, `_` and `\` taken literally. */
export function likeContaining(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Articles whose source's name or address contains `source` (the list's and search's filter). */
export function sourceContains(source: string): { sql: string; params: string[] } {
  const like = likeContaining(source);
  return { sql: "(a.source_name LIKE ? ESCAPE '\\' OR a.source_url LIKE ? ESCAPE '\\')", params: [like, like] };
}
