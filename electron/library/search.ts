import type { SearchQuery, SearchResults } from '../common/model.ts';
import { searchQuerySchema } from '../common/model.ts';
import { escapeHtml } from '../common/text.ts';
import type { Library } from './library.ts';

/** bm25 weights for title, dek, byline, body: a word in the headline says most. */
const COLUMN_WEIGHTS = '10.0, 4.0, 2.0, 1.0';
const MATCH_START = '\u0002';
const MATCH_END = '\u0003';

interface Term {
  text: string;
  phrase: boolean;
  excluded: boolean;
  prefix: boolean;
}

/**
 * Turns what a person types into an FTS5 expression, so no input is ever a syntax error:
 * bare words and "quoted phrases" must all match, -word excludes, and the last bare word
 * matches as a prefix while it is still being typed. Returns null when nothing searchable
 * remains (only punctuation, or only exclusions).
 */
export function toMatchExpression(input: string): string | null {
  const terms = parseTerms(input);
  const included = terms.filter((t) => !t.excluded).map(quoteTerm);
  if (included.length === 0) return null;
  const excluded = terms.filter((t) => t.excluded).map(quoteTerm);
  return included.join(' AND ') + excluded.map((t) => ` NOT ${t}`).join('');
}

function parseTerms(input: string): Term[] {
  const terms: Term[] = [];
  const pattern = /(-?)"([^"]*)"?|(-?)([^\s"]+)/g;
  for (const match of input.matchAll(pattern)) {
    const phrase = match[2] !== undefined;
    const text = (phrase ? match[2] : match[4]) ?? '';
    if (!/[\p{L}\p{N}]/u.test(text)) continue;
    terms.push({ text, phrase, excluded: (phrase ? match[1] : match[3]) === '-', prefix: false });
  }
  const last = terms.at(-1);
  if (last && !last.phrase && !last.excluded && !/\s$/.test(input)) last.prefix = true;
  return terms;
}

function quoteTerm(term: Term): string {
  return `"${term.text.replace(/"/g, '""')}"${term.prefix ? '*' : ''}`;
}

export function searchArticles(library: Library, query: SearchQuery): SearchResults {
  const { query: text, limit } = searchQuerySchema.parse(query);
  const match = toMatchExpression(text);
  if (!match) return { total: 0, results: [] };
  const total = library
    .statement<{ n: number }>('SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH ?')
    .get(match)!.n;
  const rows = library
    .statement<{ id: number; title: string; snippet: string; rank: number }>(
      `SELECT articles_fts.rowid AS id, a.title AS title,
         snippet(articles_fts, -1, char(2), char(3), '…', 16) AS snippet,
         bm25(articles_fts, ${COLUMN_WEIGHTS}) AS rank
       FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
       WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?`,
    )
    .all(match, limit);
  return {
    total,
    results: rows.map((row) => ({
      id: row.id,
      title: row.title,
      snippet: markSnippet(row.snippet),
      // bm25 is smaller for better matches; people expect bigger to mean better.
      score: -row.rank,
    })),
  };
}

function markSnippet(raw: string): string {
  return escapeHtml(raw).replaceAll(MATCH_START, '<mark>').replaceAll(MATCH_END, '</mark>');
}
