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

/**
 * A statement's text and its values in order, built so that each value is written beside its
 * place (its column, or where it stands in the text) instead of in a long list of `?` and a
 * longer list of values that must be kept in the same order by hand.
 */
export interface SqlQuery {
  readonly text: string;
  readonly values: readonly unknown[];
}

/** `sql\`SELECT … WHERE id = ${id}\``: each value becomes a `?` where it stands. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlQuery {
  return { text: strings.join('?'), values };
}

/** An INSERT of one row: each value beside its column's name. */
export function insertRow(table: string, row: Readonly<Record<string, unknown>>): SqlQuery {
  const columns = Object.keys(row);
  return { text: `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, values: Object.values(row) };
}

/** The `column = ?` list of an UPDATE: each value beside its column's name. */
export function assignments(columns: Readonly<Record<string, unknown>>): SqlQuery {
  return {
    text: Object.keys(columns)
      .map((column) => `${column} = ?`)
      .join(', '),
    values: Object.values(columns),
  };
}
