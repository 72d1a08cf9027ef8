import { DatelineError } from '../common/errors.ts';
import {
  highlightQuerySchema,
  newHighlightSchema,
  type Highlight,
  type HighlightColor,
  type HighlightList,
  type HighlightPatch,
  type HighlightQuery,
  type NewHighlight,
} from '../common/model.ts';
import type { Library } from './library.ts';
import { markSnippet, MATCH_END, MATCH_START, toMatchExpression } from './search.ts';
import { insertRow, sql } from './sql.ts';

/**
 * Passages a reader marked in an article, with their notes. Each is anchored by its quote,
 * the text around it and its offset (see the reading view's anchoring), so the library only
 * stores what the window describes and hands it back.
 */

interface HighlightRow {
  id: number;
  article_id: number;
  quote: string;
  prefix: string;
  suffix: string;
  position: number | null;
  color: HighlightColor;
  note: string;
  created_at: number;
  updated_at: number;
}

const COLUMNS = 'h.id, h.article_id, h.quote, h.prefix, h.suffix, h.position, h.color, h.note, h.created_at, h.updated_at';

function toHighlight(row: HighlightRow): Highlight {
  return {
    id: row.id,
    articleId: row.article_id,
    quote: row.quote,
    prefix: row.prefix,
    suffix: row.suffix,
    position: row.position,
    color: row.color,
    note: row.note,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** An article's highlights in reading order (those without a known place last). */
export function listHighlights(library: Library, articleId: number): Highlight[] {
  return library
    .statement<HighlightRow>(`SELECT ${COLUMNS} FROM highlights h WHERE h.article_id = ? ORDER BY h.position IS NULL, h.position, h.id`)
    .all(articleId)
    .map(toHighlight);
}

export function getHighlight(library: Library, id: number): Highlight {
  const row = library.statement<HighlightRow>(`SELECT ${COLUMNS} FROM highlights h WHERE h.id = ?`).get(id);
  if (!row) throw new DatelineError('NOT_FOUND', `There is no highlight with id ${id}.`);
  return toHighlight(row);
}

/** Marks a passage; a passage already marked at the same place returns its highlight unchanged. */
export function addHighlight(library: Library, input: NewHighlight, now = Date.now()): Highlight {
  const highlight = newHighlightSchema.parse(input);
  const id = library.write(() => {
    const article = library.statement<{ kind: string }>('SELECT kind FROM articles WHERE id = ?').get(highlight.articleId);
    if (!article) throw new DatelineError('NOT_FOUND', `There is no article with id ${highlight.articleId}.`);
    // The same passage marked again (a second click, another window) is the highlight it already has.
    const same = library.get<{ id: number }>(
      sql`SELECT id FROM highlights WHERE article_id = ${highlight.articleId} AND quote = ${highlight.quote}
          AND position IS ${highlight.position} ORDER BY id LIMIT 1`,
    );
    if (same) return same.id;
    const result = library.run(
      insertRow('highlights', {
        article_id: highlight.articleId,
        quote: highlight.quote,
        prefix: highlight.prefix,
        suffix: highlight.suffix,
        position: highlight.position,
        color: highlight.color,
        note: highlight.note,
        created_at: now,
        updated_at: now,
      }),
    );
    return Number(result.lastInsertRowid);
  });
  return getHighlight(library, id);
}

export function updateHighlight(library: Library, id: number, patch: HighlightPatch, now = Date.now()): Highlight {
  library.write(() => {
    const result = library
      .statement('UPDATE highlights SET color = coalesce(?, color), note = coalesce(?, note), updated_at = ? WHERE id = ?')
      .run(patch.color ?? null, patch.note ?? null, now, id);
    if (result.changes === 0) throw new DatelineError('NOT_FOUND', `There is no highlight with id ${id}.`);
  });
  // A note rewritten or cleared is a note deleted.
  if (patch.note !== undefined) library.forgetDeletedSoon();
  return getHighlight(library, id);
}

/** Removes a highlight and its note; returns the article it was in. */
export function deleteHighlight(library: Library, id: number): Highlight {
  const highlight = library.write(() => {
    const found = getHighlight(library, id);
    library.statement('DELETE FROM highlights WHERE id = ?').run(id);
    return found;
  });
  library.forgetDeletedSoon();
  return highlight;
}

/**
 * Every highlight in the library, newest first, with the title of its article; with a query,
 * those whose quote or note holds its words, best match first.
 */
export function findHighlights(library: Library, input: HighlightQuery): HighlightList {
  const { query, limit, offset } = highlightQuerySchema.parse(input);
  const match = query.trim() ? toMatchExpression(query) : null;
  if (query.trim() && !match) return { total: 0, items: [] };
  type FoundRow = HighlightRow & { title: string; marked_quote: string; marked_note: string };
  // Without a query the quote and note are shown as they are (no marks to add).
  const { total, rows } = match
    ? {
        total: library.statement<{ n: number }>('SELECT count(*) AS n FROM highlights_fts WHERE highlights_fts MATCH ?').get(match)!.n,
        rows: library
          .statement<FoundRow>(
            `SELECT ${COLUMNS}, a.title,
               highlight(highlights_fts, 0, '${MATCH_START}', '${MATCH_END}') AS marked_quote,
               highlight(highlights_fts, 1, '${MATCH_START}', '${MATCH_END}') AS marked_note
             FROM highlights_fts JOIN highlights h ON h.id = highlights_fts.rowid JOIN articles a ON a.id = h.article_id
             WHERE highlights_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?`,
          )
          .all(match, limit, offset),
      }
    : {
        total: library.statement<{ n: number }>('SELECT count(*) AS n FROM highlights').get()!.n,
        rows: library
          .statement<FoundRow>(
            `SELECT ${COLUMNS}, a.title, h.quote AS marked_quote, h.note AS marked_note
             FROM highlights h JOIN articles a ON a.id = h.article_id
             ORDER BY h.created_at DESC, h.id DESC LIMIT ? OFFSET ?`,
          )
          .all(limit, offset),
      };
  return {
    total,
    items: rows.map((row) => ({
      ...toHighlight(row),
      articleTitle: row.title,
      markedQuote: markSnippet(row.marked_quote),
      markedNote: markSnippet(row.marked_note),
    })),
  };
}
