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

/** A query as typed, split into what FTS5 matches and what filters the results. */
export interface ParsedQuery {
  match: string | null;
  tags: string[];
  sources: string[];
}

const FILTER = /^(-?)(tag|source):(?:"([^"]*)"?|(\S*))/i;

/**
 * Turns what a person types into an FTS5 expression, so no input is ever a syntax error:
 * bare words and "quoted phrases" must all match, -word excludes, and the last bare word
 * matches as a prefix while it is still being typed. `tag:name` and `source:name` (quoted
 * when they have spaces) filter instead of matching text.
 */
export function parseQuery(input: string): ParsedQuery {
  const tags: string[] = [];
  const sources: string[] = [];
  let rest = '';
  for (const token of input.match(/-?(?:tag|source):"[^"]*"?|"[^"]*"?|\S+|\s+/gi) ?? []) {
    const filter = FILTER.exec(token);
    if (filter && !filter[1]) {
      const value = (filter[3] ?? filter[4] ?? '').trim();
      if (value) (filter[2]!.toLowerCase() === 'tag' ? tags : sources).push(value);
      continue;
    }
    rest += token;
  }
  return { match: toMatchExpression(rest), tags, sources };
}

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

/** SQL conditions on articles `a` for the filters of a query. */
function filterSql(query: ParsedQuery): { where: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  for (const tag of query.tags) {
    conditions.push('a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name = ?)');
    params.push(tag);
  }
  for (const source of query.sources) {
    conditions.push("(a.source_name LIKE ? ESCAPE '\\' OR a.source_url LIKE ? ESCAPE '\\')");
    const like = `%${source.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params.push(like, like);
  }
  return { where: conditions.length ? conditions.join(' AND ') : '1', params };
}

/** How many ranked candidates to consider when filters may discard some of them. */
const FILTERED_CANDIDATES = 20;

export function searchArticles(library: Library, query: SearchQuery): SearchResults {
  const { query: text, limit } = searchQuerySchema.parse(query);
  const parsed = parseQuery(text);
  const filters = filterSql(parsed);
  const filtered = parsed.tags.length + parsed.sources.length > 0;
  if (!parsed.match) return filtered ? listFiltered(library, filters, limit) : { total: 0, results: [] };

  // Without filters the index alone knows the count; joining every match costs more.
  const total = library
    .statement<{ n: number }>(
      filtered
        ? `SELECT count(*) AS n FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
           WHERE articles_fts MATCH ? AND ${filters.where}`
        : 'SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH ?',
    )
    .get(parsed.match, ...filters.params)!.n;
  // Step 1: the best matches by bm25 alone, without touching the articles table.
  const ranked = library
    .statement<{ id: number; rank: number }>(
      `SELECT rowid AS id, bm25(articles_fts, ${COLUMN_WEIGHTS}) AS rank FROM articles_fts
       WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?`,
    )
    .all(parsed.match, filtered ? limit * FILTERED_CANDIDATES : limit);
  if (ranked.length === 0) return { total, results: [] };
  // Step 2: filters, titles and snippets for those few only.
  const ids = ranked.map((row) => row.id);
  const rows = library
    .statement<{ id: number; title: string; snippet: string }>(
      `SELECT articles_fts.rowid AS id, a.title AS title,
         snippet(articles_fts, -1, char(2), char(3), '…', 16) AS snippet
       FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
       WHERE articles_fts MATCH ? AND articles_fts.rowid IN (SELECT value FROM json_each(?)) AND ${filters.where}`,
    )
    .all(parsed.match, JSON.stringify(ids), ...filters.params);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const results = ranked.flatMap((candidate) => {
    const row = byId.get(candidate.id);
    // bm25 is smaller for better matches; people expect bigger to mean better.
    return row ? [{ id: row.id, title: row.title, snippet: markSnippet(row.snippet), score: -candidate.rank }] : [];
  });
  return { total, results: results.slice(0, limit) };
}

/** A query of filters only ("tag:ukraine"): the matching articles, newest first. */
function listFiltered(library: Library, filters: { where: string; params: unknown[] }, limit: number): SearchResults {
  const total = library.statement<{ n: number }>(`SELECT count(*) AS n FROM articles a WHERE ${filters.where}`).get(...filters.params)!.n;
  const rows = library
    .statement<{ id: number; title: string; lead: string }>(
      `SELECT a.id, a.title, substr(a.body_text, 1, 160) AS lead FROM articles a WHERE ${filters.where}
       ORDER BY a.created_at DESC, a.id DESC LIMIT ?`,
    )
    .all(...filters.params, limit);
  return { total, results: rows.map((row) => ({ id: row.id, title: row.title, snippet: escapeHtml(row.lead), score: 0 })) };
}

function markSnippet(raw: string): string {
  return escapeHtml(raw).replaceAll(MATCH_START, '<mark>').replaceAll(MATCH_END, '</mark>');
}
