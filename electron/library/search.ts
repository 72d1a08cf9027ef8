import type { ParsedSearchQuery, SearchResults } from '../common/model.ts';
import { escapeHtml } from '../common/text.ts';
import type { Library } from './library.ts';
import { sourceContains } from './sql.ts';

/** bm25 weights for title, dek, byline, body: a word in the headline says most. */
const COLUMN_WEIGHTS = '10.0, 4.0, 2.0, 1.0';
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';
/** A last word shorter than this is not expanded as a prefix. */
const MIN_PREFIX_LENGTH = 2;

export interface Term {
  text: string;
  phrase: boolean;
  excluded: boolean;
  prefix: boolean;
}

/** A query as typed, split into what FTS5 matches and what filters the results. */
export interface ParsedQuery {
  /** The words and phrases to match, in the order typed. */
  terms: Term[];
  /** The FTS5 expression for them, or null when nothing is there to match. */
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
  const terms = parseTerms(rest);
  return { terms, match: toMatch(terms), tags, sources };
}

export function toMatchExpression(input: string): string | null {
  return toMatch(parseTerms(input));
}

function toMatch(terms: Term[]): string | null {
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
    const condition = sourceContains(source);
    conditions.push(condition.sql);
    params.push(...condition.params);
  }
  return { where: conditions.length ? conditions.join(' AND ') : '1', params };
}

/** Counting stops here: past it the list says "10,000+" and nobody reads that far. */
export const COUNT_CAP = 10_000;
/** Exact matches are looked for among this many of the best candidates by bm25. */
const CANDIDATES_PER_RESULT = 2;

/** A candidate for the results: found and ranked, its snippet not yet built. */
interface Ranked {
  id: number;
  rank: number;
}

/**
 * Searches the library. FTS5 sorts by bm25 itself (`ORDER BY rank` with a `LIMIT`) and builds
 * snippets only for the rows it returns; filters stay outside the MATCH (`+rowid IN …`, so
 * they are not pushed into the index). Among the best candidates, articles holding the words
 * exactly as typed come before those matching only by stem. A broad query, matching more
 * articles than `BROAD_CANDIDATES`, is ranked among its newest matches.
 */
export function searchArticles(library: Library, { query: text, limit }: ParsedSearchQuery): SearchResults {
  const parsed = parseQuery(text);
  const filters = filterSql(parsed);
  const filtered = parsed.tags.length + parsed.sources.length > 0;
  if (!parsed.match) return filtered ? listFiltered(library, filters, limit) : { total: 0, results: [] };

  const match = settleLastWord(library, parsed.terms, limit);
  const restrict = filtered ? `AND +articles_fts.rowid IN (SELECT a.id FROM articles a WHERE ${filters.where})` : '';
  // A phrase or prefix is counted only as far as it is ranked: each match of a phrase has its
  // positions read to be counted (a common one took 20–50 ms to count to 10,000 at 100,000
  // articles), and past that far it is listed newest first anyway.
  const scans = scansEveryMatch(match);
  const cap = scans ? BROAD_CANDIDATES : COUNT_CAP;
  const counted = library
    .statement<{ n: number }>(`SELECT count(*) AS n FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? ${restrict} LIMIT ?)`)
    .get(match, ...filters.params, cap + 1)!.n;
  const wanted = Math.min(limit * CANDIDATES_PER_RESULT, COUNT_CAP);
  const order = counted <= BROAD_CANDIDATES ? 'best' : scans ? 'newest' : 'best-of-newest';
  const candidates = RANKINGS[order](library, { match, restrict, params: filters.params }, wanted);
  const shown = exactFirst(library, candidates, parsed.terms).slice(0, limit);
  const snippets = snippetsOf(library, match, shown);
  const results = shown.flatMap((row) => {
    const found = snippets.get(row.id);
    // bm25 is smaller for better matches; people expect bigger to mean better.
    return found ? [{ id: row.id, title: found.title, snippet: markSnippet(found.snippet), score: -row.rank }] : [];
  });
  return {
    total: Math.min(counted, cap),
    totalCapped: counted > cap,
    ...(order === 'best' ? {} : { bounded: { order, rankedAmong: BROAD_CANDIDATES } }),
    results,
  };
}

interface Matching {
  match: string;
  /** `AND +rowid IN (…)` for the query's filters, or empty. */
  restrict: string;
  params: unknown[];
}

const SNIPPET = `snippet(articles_fts, -1, char(2), char(3), '…', 16)`;
const TITLE = '(SELECT title FROM articles WHERE id = articles_fts.rowid)';
/**
 * A broad query, with more matches than this, is ranked among this many of its newest
 * matches: bm25 over every match of a word found in most of the library costs more than the
 * person waits, and its best are no better found among ten thousand than among the newest.
 */
const BROAD_CANDIDATES = 2_000;

/** bm25 over every match, FTS5 sorting. */
function bestOfAll(library: Library, { match, restrict, params }: Matching, wanted: number): Ranked[] {
  return library
    .statement<Ranked>(
      `SELECT articles_fts.rowid AS id, rank
       FROM articles_fts WHERE articles_fts MATCH ? AND rank MATCH 'bm25(${COLUMN_WEIGHTS})' ${restrict}
       ORDER BY rank LIMIT ?`,
    )
    .all(match, ...params, wanted);
}

/** bm25 among the newest matches of a broad query of words. */
function bestOfNewest(library: Library, { match, restrict, params }: Matching, wanted: number): Ranked[] {
  return library
    .statement<Ranked>(
      `SELECT articles_fts.rowid AS id, bm25(articles_fts, ${COLUMN_WEIGHTS}) AS rank FROM articles_fts
       WHERE articles_fts MATCH ? ${restrict} ORDER BY articles_fts.rowid DESC LIMIT ?`,
    )
    .all(match, ...params, BROAD_CANDIDATES)
    .sort((a, b) => a.rank - b.rank)
    .slice(0, wanted);
}

/**
 * A broad phrase or prefix: bm25 would first walk every match to weigh the phrase (or every
 * word the prefix stands for), so the newest matches come first instead.
 */
function newestFirst(library: Library, { match, restrict, params }: Matching, wanted: number): Ranked[] {
  return library
    .statement<Ranked>(
      `SELECT articles_fts.rowid AS id, 0 AS rank
       FROM articles_fts WHERE articles_fts MATCH ? ${restrict} ORDER BY articles_fts.rowid DESC LIMIT ?`,
    )
    .all(match, ...params, wanted);
}

/**
 * Headlines and snippets for the results shown only: FTS5 reads and tokenizes an article's
 * whole text to cut its snippet, and the candidates are twice as many as the results.
 */
function snippetsOf(library: Library, match: string, rows: Ranked[]): Map<number, { title: string; snippet: string }> {
  if (rows.length === 0) return new Map();
  const ids = rows.map((row) => row.id);
  // The range lets FTS5 read only the stretch of the index that holds these rows.
  return new Map(
    library
      .statement<{ id: number; title: string; snippet: string }>(
        `SELECT articles_fts.rowid AS id, ${TITLE} AS title, ${SNIPPET} AS snippet FROM articles_fts
         WHERE articles_fts MATCH ? AND articles_fts.rowid BETWEEN ? AND ? AND articles_fts.rowid IN (SELECT value FROM json_each(?))`,
      )
      .all(match, Math.min(...ids), Math.max(...ids), JSON.stringify(ids))
      .map(({ id, ...shown }) => [id, shown]),
  );
}

const RANKINGS = { best: bestOfAll, 'best-of-newest': bestOfNewest, newest: newestFirst } as const;

/** A prefix (`"harb"*`) or a phrase of several words (`"of the"`) in an FTS5 expression. */
function scansEveryMatch(match: string): boolean {
  return /"\*|"[^"]*\s[^"]*"/.test(match);
}

/**
 * While a word is being typed it matches as a prefix, except when it is already a whole word
 * that fills a page of results: expanding "president" to every word starting with it costs
 * more than it finds. One letter never expands (it would match most of the library).
 */
function settleLastWord(library: Library, terms: Term[], limit: number): string {
  const last = terms.at(-1)!;
  if (!last.prefix) return toMatch(terms)!;
  const whole = terms.map((term) => (term === last ? { ...term, prefix: false } : term));
  const wholeMatch = toMatch(whole)!;
  if ([...last.text].length < MIN_PREFIX_LENGTH) return wholeMatch;
  const found = library
    .statement<{ n: number }>('SELECT count(*) AS n FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)')
    .get(wholeMatch, limit)!.n;
  return found >= limit ? wholeMatch : toMatch(terms)!;
}

/** Candidates holding every included word as typed (not only its stem) first, each group by rank. */
function exactFirst(library: Library, candidates: Ranked[], terms: Term[]): Ranked[] {
  if (candidates.length < 2) return candidates;
  const patterns = terms.filter((term) => !term.excluded).map(exactPattern);
  const texts = new Map(
    library
      .statement<{ id: number; text: string }>(
        `SELECT id, concat_ws(' ', title, dek, byline, body_text) AS text FROM articles WHERE id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(candidates.map((row) => row.id)))
      .map((row) => [row.id, row.text]),
  );
  const isExact = (row: Ranked) => patterns.every((pattern) => pattern.test(texts.get(row.id) ?? ''));
  // A stable sort keeps bm25's order within each group.
  return candidates
    .map((row) => ({ row, exact: isExact(row) }))
    .sort((a, b) => Number(b.exact) - Number(a.exact))
    .map(({ row }) => row);
}

function exactPattern(term: Term): RegExp {
  const words = term.text
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const end = term.prefix ? '' : '(?![\\p{L}\\p{N}])';
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[^\\p{L}\\p{N}]+')}${end}`, 'iu');
}

/** A query of filters only ("tag:ukraine"): the matching articles, newest first. */
function listFiltered(library: Library, filters: { where: string; params: unknown[] }, limit: number): SearchResults {
  const total = library.statement<{ n: number }>(`SELECT count(*) AS n FROM articles a WHERE ${filters.where}`).get(...filters.params)!.n;
  const rows = library
    .statement<{ id: number; title: string; lead: string }>(
      `SELECT a.id, a.title, substr(a.excerpt, 1, 160) AS lead FROM articles a WHERE ${filters.where}
       ORDER BY a.created_at DESC, a.id DESC LIMIT ?`,
    )
    .all(...filters.params, limit);
  return { total, results: rows.map((row) => ({ id: row.id, title: row.title, snippet: escapeHtml(row.lead), score: 0 })) };
}

/** Escapes FTS5 output marked with MATCH_START/MATCH_END and turns the marks into <mark>…</mark>. */
export function markSnippet(raw: string): string {
  return escapeHtml(raw).replaceAll(MATCH_START, '<mark>').replaceAll(MATCH_END, '</mark>');
}
