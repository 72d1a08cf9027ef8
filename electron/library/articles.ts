import { DatelineError } from '../common/errors.ts';
import type { Article, ArticleList, ArticleSummary, DraftStatus, ListQuery, ParsedListQuery, RelatedLink } from '../common/model.ts';
import { readingMinutes } from '../common/text.ts';
import { sourceContains } from './sql.ts';
import type { Library } from './library.ts';
import { dropUnusedTags } from './tags.ts';

interface ArticleRow {
  id: number;
  kind: 'saved' | 'draft';
  title: string;
  dek: string;
  byline: string;
  source_name: string;
  source_url: string | null;
  canonical_url: string | null;
  published_at: number | null;
  created_at: number;
  updated_at: number;
  language: string | null;
  word_count: number;
  is_read: number;
  is_favorite: number;
  is_archived: number;
  reading_progress: number;
  revision: number;
  status: DraftStatus;
  fetch_state: 'pending' | 'failed' | null;
  tags_json: string;
  excerpt: string;
  thumbnail_id: number | null;
}

interface ArticleBodyRow extends ArticleRow {
  dateline: string;
  slug: string;
  slug_edited: number;
  editor_note: string;
  word_target: number | null;
  body_html: string;
  body_text: string;
  editor_state: string | null;
  fetch_error: string | null;
}

/**
 * What a row of the list shows. The excerpt (the dek, or the story's first 200 characters)
 * is a stored column beside the other short fields (migration 18): a list page never reads
 * an article's text, which runs on through pages of its own.
 */
const SUMMARY_COLUMNS = `
  a.id, a.kind, a.title, a.dek, a.byline, a.source_name, a.source_url, a.canonical_url,
  a.published_at, a.created_at, a.updated_at, a.language, a.word_count, a.is_read,
  a.is_favorite, a.is_archived, a.reading_progress, a.revision, a.status, a.fetch_state,
  (SELECT coalesce(json_group_array(t.name), '[]') FROM article_tags at2
     JOIN tags t ON t.id = at2.tag_id WHERE at2.article_id = a.id) AS tags_json,
  a.excerpt,
  (SELECT m.id FROM media m WHERE m.article_id = a.id AND m.mime_type LIKE 'image/%' ORDER BY m.id LIMIT 1) AS thumbnail_id`;

/**
 * Which rows each sidebar view shows. Each condition is the WHERE of its view's partial index
 * (migration 19) as written there, which is how SQLite knows it can use that index.
 */
const VIEW_CONDITIONS: Record<NonNullable<ListQuery['view']>, string> = {
  all: '1',
  unread: "a.kind = 'saved' AND a.is_read = 0 AND a.is_archived = 0",
  favorites: 'a.is_favorite = 1',
  archive: 'a.is_archived = 1',
  drafts: "a.kind = 'draft'",
};

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function toSummary(row: ArticleRow): ArticleSummary {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    dek: row.dek,
    byline: row.byline,
    sourceName: row.source_name,
    sourceUrl: row.source_url,
    publishedAt: row.published_at === null ? null : iso(row.published_at),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    wordCount: row.word_count,
    readingMinutes: readingMinutes(row.word_count),
    tags: (JSON.parse(row.tags_json) as string[]).sort((a, b) => a.localeCompare(b)),
    read: row.is_read === 1,
    favorite: row.is_favorite === 1,
    archived: row.is_archived === 1,
    readingProgress: row.reading_progress,
    revision: row.revision,
    status: row.status,
    fetchState: row.fetch_state,
    excerpt: row.excerpt.replace(/\s+/g, ' ').trim(),
    thumbnailId: row.thumbnail_id,
  };
}

/** Up to this many articles, a list is always found through its own index and sorted outright. */
const FEW_ARTICLES = 2000;

/**
 * Whether a page of a list of `total` articles is better found through the list's own index
 * (its view's, its tag's) and sorted outright than by walking the sort's index and testing
 * each article, which stops at the page's end: walking reads about (offset + limit) × the
 * library's size ÷ total articles, sorting reads total. Walking for a view of a few articles
 * read every article in the library (0.3–0.5 s at 100,000).
 */
function sortOutright(library: Library, total: number, offset: number, limit: number): boolean {
  if (total <= FEW_ARTICLES) return true;
  // The highest id stands for the library's size: found at once, where counting is not.
  const span = library.statement<{ n: number | null }>('SELECT max(id) AS n FROM articles').get()!.n ?? 0;
  return (offset + limit) * span > total * total;
}

/** The rows a list query names, as SQL: its conditions and their values, tags apart. */
function listFilter(query: ListFilter) {
  const { view, tag, feed, status, kind, source, from, to, sort, ids } = query;
  const conditions = [VIEW_CONDITIONS[view ?? 'all']];
  const params: unknown[] = [];
  const add = (condition: string, ...values: unknown[]) => {
    conditions.push(condition);
    params.push(...values);
  };
  if (status !== undefined) add("a.kind = 'draft' AND a.status = ?", status);
  if (kind !== undefined) add('a.kind = ?', kind);
  if (feed !== undefined) add('a.id IN (SELECT article_id FROM feed_items WHERE feed_id = ?)', feed);
  if (ids !== undefined) add('a.id IN (SELECT value FROM json_each(?))', JSON.stringify(ids));
  if (source !== undefined) {
    const { sql, params: values } = sourceContains(source);
    add(sql, ...values);
  }
  const dateColumn = sort === 'published' ? 'coalesce(a.published_at, a.created_at)' : 'a.created_at';
  if (from !== undefined) add(`${dateColumn} >= ?`, Date.parse(from));
  if (to !== undefined) add(`${dateColumn} < ?`, Date.parse(to));
  return { where: conditions.join(' AND '), params, tagParams: tag === undefined ? [] : [tag] };
}

const TAG_ID = '(SELECT id FROM tags WHERE name = ?)';

/** What a list shows, apart from which page of it. */
type ListFilter = Omit<ParsedListQuery, 'limit' | 'offset'>;

/**
 * How many articles a list holds. A tag is counted from its own index, where its articles
 * are together, and a view from its partial index (migration 19).
 */
function countArticles(library: Library, query: ListFilter): number {
  const { where, params, tagParams } = listFilter(query);
  const sql =
    query.tag === undefined
      ? `SELECT count(*) AS n FROM articles a WHERE ${where}`
      : where === '1'
        ? `SELECT count(*) AS n FROM article_tags WHERE tag_id = ${TAG_ID}`
        : `SELECT count(*) AS n FROM articles a WHERE ${where} AND a.id IN (SELECT article_id FROM article_tags WHERE tag_id = ${TAG_ID})`;
  const values = [...params, ...tagParams];
  // Scrolling asks for page after page of one list: it is counted once until the library changes.
  return library.unlessChanged(`${sql}\n${JSON.stringify(values)}`, () => library.statement<{ n: number }>(sql).get(...values)!.n);
}

/**
 * The ORDER BY of a list's page: along the sort's index, or (`outright`) not, so that the
 * rows come from the list's own index and are sorted. A view's own index holds it newest
 * first already, so sorting by date saved keeps to it either way.
 */
function pageOrder(query: ListFilter, outright: boolean): string {
  return orderBy(query.sort, query.order, { sortIndex: !outright || query.sort === 'saved' });
}

/** A page of the list `query` describes (checked by the contract, its defaults filled in). */
export function listArticles(library: Library, query: ParsedListQuery): ArticleList {
  const { tag, limit, offset } = query;
  const { where, params, tagParams } = listFilter(query);
  const total = countArticles(library, query);
  const outright = sortOutright(library, total, offset, limit);
  const pageWhere =
    tag === undefined
      ? where
      : outright
        ? `${where} AND a.id IN (SELECT article_id FROM article_tags WHERE tag_id = ${TAG_ID})`
        : `${where} AND EXISTS (SELECT 1 FROM article_tags at WHERE at.article_id = a.id AND at.tag_id = ${TAG_ID})`;
  const rows = library
    .statement<ArticleRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE ${pageWhere} ORDER BY ${pageOrder(query, outright)} LIMIT ? OFFSET ?`,
    )
    .all(...params, ...tagParams, limit, offset);
  return { total, items: rows.map(toSummary) };
}

/**
 * Every article a list shows, in its order, by id only: what "Select all" chooses, however
 * few of its pages are loaded. At most `limit` of them.
 */
export function listArticleIds(library: Library, query: ListFilter, limit: number): number[] {
  const { where, params, tagParams } = listFilter(query);
  const tagged = query.tag === undefined ? '' : ` AND a.id IN (SELECT article_id FROM article_tags WHERE tag_id = ${TAG_ID})`;
  const outright = sortOutright(library, countArticles(library, query), 0, limit);
  return library
    .statement<{ id: number }>(`SELECT a.id FROM articles a WHERE ${where}${tagged} ORDER BY ${pageOrder(query, outright)} LIMIT ?`)
    .all(...params, ...tagParams, limit)
    .map((row) => row.id);
}

/** Each sort's column and natural direction: newest, longest first; titles A to Z. */
const SORTS: Record<NonNullable<ListQuery['sort']>, { column: string; order: 'asc' | 'desc' }> = {
  saved: { column: 'a.created_at', order: 'desc' },
  published: { column: 'coalesce(a.published_at, a.created_at)', order: 'desc' },
  title: { column: 'a.title COLLATE NOCASE', order: 'asc' },
  length: { column: 'a.word_count', order: 'desc' },
};

/**
 * The ORDER BY of a sort. Without `sortIndex`, the column is written `+column`, which SQLite
 * never looks up in an index: the rows come from the index of the list's condition instead.
 */
function orderBy(sort: NonNullable<ListQuery['sort']>, order: 'asc' | 'desc' | undefined, { sortIndex = true } = {}): string {
  const { column, order: natural } = SORTS[sort];
  const direction = (order ?? natural).toUpperCase();
  return `${sortIndex ? '' : '+'}${column} ${direction}, a.id ${direction}`;
}

export function findArticle(library: Library, id: number): Article | null {
  const row = library
    .statement<ArticleBodyRow>(
      `SELECT ${SUMMARY_COLUMNS}, a.dateline, a.slug, a.slug_edited, a.editor_note, a.word_target,
         a.body_html, a.body_text, a.editor_state, a.fetch_error
       FROM articles a WHERE a.id = ?`,
    )
    .get(id);
  if (!row) return null;
  return {
    ...toSummary(row),
    dateline: row.dateline,
    slug: row.slug,
    slugEdited: row.slug_edited === 1,
    editorNote: row.editor_note,
    wordTarget: row.word_target,
    canonicalUrl: row.canonical_url,
    language: row.language,
    related: relatedLinks(library, id),
    text: row.body_text,
    html: row.body_html,
    editorState: row.editor_state,
    fetchError: row.fetch_error,
  };
}

export function getArticle(library: Library, id: number): Article {
  const article = findArticle(library, id);
  if (!article) throw new DatelineError('NOT_FOUND', `There is no article with id ${id}.`);
  return article;
}

function relatedLinks(library: Library, id: number): RelatedLink[] {
  return library.statement<RelatedLink>('SELECT title, url FROM related_links WHERE article_id = ? ORDER BY position').all(id);
}

/**
 * Where the reader is in an article: no edit, so no revision, no new `updated_at`, nothing
 * derived again. A draft open in an editor elsewhere goes on saving against its revision.
 */
export function setReadingProgress(library: Library, id: number, progress: number): void {
  const result = library.write(() => library.statement('UPDATE articles SET reading_progress = ? WHERE id = ?').run(progress, id));
  if (result.changes === 0) throw new DatelineError('NOT_FOUND', `There is no article with id ${id}.`);
}

/** The states a reader sets on an article, and their columns (bulk changes use them too). */
export const STATE_COLUMNS = { read: 'is_read', favorite: 'is_favorite', archived: 'is_archived' } as const;

export function deleteArticle(library: Library, id: number): void {
  library.write(() => {
    const result = library.statement('DELETE FROM articles WHERE id = ?').run(id);
    if (result.changes === 0) throw new DatelineError('NOT_FOUND', `There is no article with id ${id}.`);
    dropUnusedTags(library);
  });
  library.forgetDeletedSoon();
}
