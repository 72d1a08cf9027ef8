import { DatelineError } from '../common/errors.ts';
import { deriveContent, editorStateJson, linkNode, paragraphNode, quoteNode, textNode } from '../common/editor-state.ts';
import type {
  Article,
  ArticleList,
  ArticlePatch,
  ArticleSummary,
  DraftFields,
  DraftStatus,
  ListQuery,
  RelatedLink,
} from '../common/model.ts';
import { listQuerySchema } from '../common/model.ts';
import { countWords, readingMinutes, slugify } from '../common/text.ts';
import { contentHash, urlKey } from './identity.ts';
import { sourceContains } from './sql.ts';
import type { Library } from './library.ts';
import { storeImportedMedia, type PendingMedia } from './media.ts';
import { dropUnusedTags, importedTagNames, replaceTags } from './tags.ts';
import { getRevision, takeRevision, takeRevisionIfDue } from './revisions.ts';
import { keptTime } from '../common/time.ts';

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

const SUMMARY_COLUMNS = `
  a.id, a.kind, a.title, a.dek, a.byline, a.source_name, a.source_url, a.canonical_url,
  a.published_at, a.created_at, a.updated_at, a.language, a.word_count, a.is_read,
  a.is_favorite, a.is_archived, a.reading_progress, a.revision, a.status, a.fetch_state,
  (SELECT coalesce(json_group_array(t.name), '[]') FROM article_tags at2
     JOIN tags t ON t.id = at2.tag_id WHERE at2.article_id = a.id) AS tags_json`;

/** Which rows each sidebar view shows. */
const VIEW_CONDITIONS: Record<NonNullable<ListQuery['view']>, string> = {
  all: '1',
  unread: "a.kind = 'saved' AND a.is_read = 0 AND a.is_archived = 0",
  favorites: 'a.is_favorite = 1',
  archive: 'a.is_archived = 1',
  drafts: "a.kind = 'draft'",
};

function iso(ms: number): string {
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
  };
}

/** Below this many articles a tag's list is sorted outright rather than found along an index. */
const RARE_TAG = 2000;

export function listArticles(library: Library, query: ListQuery = {}): ArticleList {
  const { view, tag, status, kind, source, from, to, sort, order, limit, offset } = listQuerySchema.parse(query);
  const conditions = [VIEW_CONDITIONS[view]];
  const params: unknown[] = [];
  const add = (condition: string, ...values: unknown[]) => {
    conditions.push(condition);
    params.push(...values);
  };
  if (status !== undefined) add("a.kind = 'draft' AND a.status = ?", status);
  if (kind !== undefined) add('a.kind = ?', kind);
  if (source !== undefined) {
    const { sql, params: values } = sourceContains(source);
    add(sql, ...values);
  }
  const dateColumn = sort === 'published' ? 'coalesce(a.published_at, a.created_at)' : 'a.created_at';
  if (from !== undefined) add(`${dateColumn} >= ?`, Date.parse(from));
  if (to !== undefined) add(`${dateColumn} < ?`, Date.parse(to));
  const where = conditions.join(' AND ');
  // A tag is counted from its own index, where its articles are together. For the page, a
  // common tag is tested row by row while the sort's index is walked (it stops at the page's
  // end); a rare one is looked up and its few articles sorted.
  const tagId = '(SELECT id FROM tags WHERE name = ?)';
  const tagParams = tag === undefined ? [] : [tag];
  const total = library
    .statement<{ n: number }>(
      tag === undefined
        ? `SELECT count(*) AS n FROM articles a WHERE ${where}`
        : where === '1'
          ? `SELECT count(*) AS n FROM article_tags WHERE tag_id = ${tagId}`
          : `SELECT count(*) AS n FROM articles a WHERE ${where} AND a.id IN (SELECT article_id FROM article_tags WHERE tag_id = ${tagId})`,
    )
    .get(...params, ...tagParams)!.n;
  const pageWhere =
    tag === undefined
      ? where
      : total > RARE_TAG
        ? `${where} AND EXISTS (SELECT 1 FROM article_tags at WHERE at.article_id = a.id AND at.tag_id = ${tagId})`
        : `${where} AND a.id IN (SELECT article_id FROM article_tags WHERE tag_id = ${tagId})`;
  const rows = library
    .statement<ArticleRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE ${pageWhere}
       ORDER BY ${orderBy(sort, order)} LIMIT ? OFFSET ?`,
    )
    .all(...params, ...tagParams, limit, offset);
  return { total, items: rows.map(toSummary) };
}

/** Each sort's column and natural direction: newest, longest first; titles A to Z. */
const SORTS: Record<NonNullable<ListQuery['sort']>, { column: string; order: 'asc' | 'desc' }> = {
  saved: { column: 'a.created_at', order: 'desc' },
  published: { column: 'coalesce(a.published_at, a.created_at)', order: 'desc' },
  title: { column: 'a.title COLLATE NOCASE', order: 'asc' },
  length: { column: 'a.word_count', order: 'desc' },
};

function orderBy(sort: NonNullable<ListQuery['sort']>, order: 'asc' | 'desc' | undefined): string {
  const { column, order: natural } = SORTS[sort];
  const direction = (order ?? natural).toUpperCase();
  return `${column} ${direction}, a.id ${direction}`;
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

/** What an importer produces: one article as the library will keep it. */
export interface NewSavedArticle {
  title: string;
  dek?: string;
  byline?: string;
  sourceName?: string;
  sourceUrl?: string | null;
  canonicalUrl?: string | null;
  publishedAt?: number | null;
  language?: string | null;
  /** Sanitized HTML: the library never holds active content. */
  html: string;
  text: string;
  related?: RelatedLink[];
  tags?: string[];
  read?: boolean;
  favorite?: boolean;
  archived?: boolean;
  createdAt?: number;
  /** Images found while importing; `html` refers to them by `pendingMediaUrl(token)`. */
  media?: PendingMedia[];
  /** Only the address is known yet: the page is downloaded later. */
  linkOnly?: boolean;
  /** Counted already (by the import worker); otherwise counted when stored. */
  wordCount?: number;
  /** Passages marked in the app the article came from. */
  highlights?: ImportedHighlight[];
}

export interface ImportedHighlight {
  quote: string;
  note?: string;
  createdAt?: number | null;
}

export interface DuplicateMatch {
  id: number;
  by: 'url' | 'content';
}

/** The article already in the library that `article` would duplicate, if any. */
export function findDuplicate(library: Library, article: NewSavedArticle): DuplicateMatch | null {
  const key = urlKey(article.canonicalUrl ?? article.sourceUrl);
  if (key) {
    const byUrl = library.statement<{ id: number }>("SELECT id FROM articles WHERE url_key = ? AND kind = 'saved' LIMIT 1").get(key);
    if (byUrl) return { id: byUrl.id, by: 'url' };
  }
  if (article.text.trim() === '') return null;
  const byContent = library
    .statement<{ id: number }>("SELECT id FROM articles WHERE content_hash = ? AND kind = 'saved' LIMIT 1")
    .get(contentHash(article.title, article.text));
  return byContent ? { id: byContent.id, by: 'content' } : null;
}

/** Stores an imported article with its related links and tags. Call inside `library.write`. */
export function insertSavedArticle(library: Library, article: NewSavedArticle): number {
  const now = Date.now();
  const result = library
    .statement(
      `INSERT INTO articles (kind, title, dek, byline, source_name, source_url, canonical_url,
         url_key, published_at, created_at, updated_at, language, word_count, is_read,
         is_favorite, is_archived, body_html, body_text, content_hash)
       VALUES ('saved', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      article.title,
      article.dek ?? '',
      article.byline ?? '',
      article.sourceName ?? '',
      article.sourceUrl ?? null,
      article.canonicalUrl ?? null,
      urlKey(article.canonicalUrl ?? article.sourceUrl),
      keptTime(article.publishedAt),
      keptTime(article.createdAt) ?? now,
      now,
      article.language ?? null,
      article.wordCount ?? countWords(article.text),
      article.read ? 1 : 0,
      article.favorite ? 1 : 0,
      article.archived ? 1 : 0,
      article.html,
      article.text,
      contentHash(article.title, article.text),
    );
  const id = Number(result.lastInsertRowid);
  insertRelatedLinks(library, id, article.related ?? []);
  const tags = importedTagNames(article.tags ?? []);
  if (tags.length) replaceTags(library, id, tags);
  if (article.media?.length) storeImportedMedia(library, id, article.html, article.media);
  if (article.linkOnly) library.statement("UPDATE articles SET fetch_state = 'pending' WHERE id = ?").run(id);
  const highlight = library.statement('INSERT INTO highlights (article_id, quote, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  for (const item of article.highlights ?? []) {
    const when = keptTime(item.createdAt) ?? now;
    highlight.run(id, item.quote, item.note ?? '', when, when);
  }
  return id;
}

export function insertRelatedLinks(library: Library, id: number, related: readonly RelatedLink[]): void {
  const insertLink = library.statement('INSERT INTO related_links (article_id, position, title, url) VALUES (?, ?, ?, ?)');
  related.forEach((link, position) => insertLink.run(id, position, link.title, link.url));
}

export function createDraft(library: Library, fields: DraftFields): Article {
  const now = Date.now();
  const id = library.write(() => {
    const result = library
      .statement(
        `INSERT INTO articles (kind, title, created_at, updated_at, is_read, content_hash, revision)
         VALUES ('draft', '', ?, ?, 1, '', 0)`,
      )
      .run(now, now);
    const newId = Number(result.lastInsertRowid);
    // Filling in the new row is what makes it revision 1.
    applyPatch(library, newId, fields, now, { always: true });
    return newId;
  });
  return getArticle(library, id);
}

/**
 * Changes an article. With `expectedRevision`, refuses with CONFLICT when someone else
 * saved in between, so two windows can never silently overwrite each other.
 */
export function updateArticle(library: Library, id: number, patch: ArticlePatch, expectedRevision?: number): Article {
  applyUpdate(library, id, patch, expectedRevision);
  return getArticle(library, id);
}

/**
 * An autosave: the draft's fields as `updateArticle` writes them, answered with only the new
 * revision and time (the editor has the rest), so a keystroke's save reads back no article.
 */
export function saveDraft(
  library: Library,
  id: number,
  patch: DraftFields,
  expectedRevision: number,
): { revision: number; updatedAt: string } {
  applyUpdate(library, id, patch, expectedRevision);
  const row = library
    .statement<{ revision: number; updated_at: number }>('SELECT revision, updated_at FROM articles WHERE id = ?')
    .get(id)!;
  return { revision: row.revision, updatedAt: iso(row.updated_at) };
}

function applyUpdate(library: Library, id: number, patch: ArticlePatch, expectedRevision?: number): void {
  library.write(() => {
    const current = library
      .statement<{ kind: string; revision: number; status: DraftStatus }>('SELECT kind, revision, status FROM articles WHERE id = ?')
      .get(id);
    if (!current) throw new DatelineError('NOT_FOUND', `There is no article with id ${id}.`);
    if (expectedRevision !== undefined && current.revision !== expectedRevision) {
      throw new DatelineError('CONFLICT', 'This article was changed elsewhere since you opened it. Reload it to see the latest version.');
    }
    if (current.kind !== 'draft' && DRAFT_ONLY_FIELDS.some((field) => patch[field] !== undefined)) {
      throw new DatelineError('INVALID_INPUT', 'Only drafts can be edited; saved articles keep their imported text.');
    }
    applyPatch(library, id, patch, Date.now());
    if (current.kind !== 'draft') return;
    if (patch.status !== undefined && patch.status !== current.status) takeRevision(library, id, 'status', `Status: ${patch.status}`);
    else if (patch.editorState !== undefined || patch.title !== undefined) takeRevisionIfDue(library, id);
  });
}

/**
 * Where the reader is in an article: no edit, so no revision, no new `updated_at`, nothing
 * derived again. A draft open in an editor elsewhere goes on saving against its revision.
 */
export function setReadingProgress(library: Library, id: number, progress: number): void {
  const result = library.write(() => library.statement('UPDATE articles SET reading_progress = ? WHERE id = ?').run(progress, id));
  if (result.changes === 0) throw new DatelineError('NOT_FOUND', `There is no article with id ${id}.`);
}

const DRAFT_ONLY_FIELDS = [
  'editorState',
  'dateline',
  'slug',
  'editorNote',
  'status',
  'wordTarget',
] as const satisfies readonly (keyof ArticlePatch)[];

/**
 * Puts a revision back. The text as it stands is kept as a revision first and the restored
 * text becomes a new one: restoring never overwrites anything.
 */
export function restoreRevision(library: Library, revisionId: number): Article {
  const revision = getRevision(library, revisionId);
  library.write(() => {
    takeRevision(library, revision.articleId, 'before-restore');
    applyPatch(
      library,
      revision.articleId,
      { title: revision.title, dek: revision.dek, ...(revision.editorState === null ? {} : { editorState: revision.editorState }) },
      Date.now(),
    );
    takeRevision(library, revision.articleId, 'restore', `Restored the version of ${revision.createdAt.slice(0, 16).replace('T', ' ')}`);
  });
  return getArticle(library, revision.articleId);
}

/** The states a reader sets on an article, and their columns (bulk changes use them too). */
export const STATE_COLUMNS = { read: 'is_read', favorite: 'is_favorite', archived: 'is_archived' } as const;

const COLUMNS = {
  title: 'title',
  dek: 'dek',
  byline: 'byline',
  dateline: 'dateline',
  editorNote: 'editor_note',
  status: 'status',
  wordTarget: 'word_target',
  ...STATE_COLUMNS,
} as const satisfies Partial<Record<keyof ArticlePatch, string>>;

function applyPatch(library: Library, id: number, patch: ArticlePatch, now: number, options = { always: false }): void {
  const assignments: string[] = [];
  const values: unknown[] = [];
  for (const [field, column] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, string][]) {
    const value = patch[field];
    if (value === undefined) continue;
    assignments.push(`${column} = ?`);
    values.push(typeof value === 'boolean' ? Number(value) : value);
  }
  if (patch.slug !== undefined) {
    // A slug typed by hand stays; clearing it hands it back to the headline.
    const slug = slugify(patch.slug);
    assignments.push('slug = ?', 'slug_edited = ?');
    values.push(slug, slug === '' ? 0 : 1);
  }
  if (patch.editorState !== undefined) {
    let derived;
    try {
      derived = deriveContent(patch.editorState);
    } catch (error) {
      throw new DatelineError('INVALID_INPUT', (error as Error).message);
    }
    assignments.push('editor_state = ?', 'body_html = ?', 'body_text = ?', 'word_count = ?');
    values.push(patch.editorState, derived.html, derived.text, countWords(derived.text));
  }
  if (assignments.length === 0 && !options.always) return;
  library
    .statement(`UPDATE articles SET ${[...assignments, 'updated_at = ?', 'revision = revision + 1'].join(', ')} WHERE id = ?`)
    .run(...values, now, id);
  refreshDerived(library, id);
}

/** What follows from the text: its fingerprint, and the slug while nobody has fixed it. */
function refreshDerived(library: Library, id: number): void {
  const row = library
    .statement<{ title: string; body_text: string; slug_edited: number; slug: string }>(
      'SELECT title, body_text, slug_edited, slug FROM articles WHERE id = ?',
    )
    .get(id)!;
  library
    .statement('UPDATE articles SET content_hash = ?, slug = ? WHERE id = ?')
    .run(contentHash(row.title, row.body_text), row.slug_edited ? row.slug : slugify(row.title), id);
}

/**
 * A new draft that follows up a saved article: a line linking to it and a quoted excerpt
 * (the passage the person chose, or the story's first paragraph).
 */
export function startDraftFrom(library: Library, sourceId: number, excerpt?: string): Article {
  const source = getArticle(library, sourceId);
  const quote = (excerpt?.trim() || source.text.split('\n\n')[0] || '').slice(0, 2000);
  const title = source.title || 'the story';
  const reference =
    source.sourceUrl && isWebLink(source.sourceUrl) ? linkNode(source.sourceUrl, [textNode(title)]) : textNode(`“${title}”`);
  const blocks = [
    paragraphNode([textNode('Following up on '), reference, textNode(source.sourceName ? ` (${source.sourceName}).` : '.')]),
    ...(quote ? [quoteNode([textNode(quote)])] : []),
    paragraphNode([]),
  ];
  return createDraft(library, { editorState: editorStateJson(blocks) });
}

function isWebLink(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

export function deleteArticle(library: Library, id: number): void {
  library.write(() => {
    const result = library.statement('DELETE FROM articles WHERE id = ?').run(id);
    if (result.changes === 0) throw new DatelineError('NOT_FOUND', `There is no article with id ${id}.`);
    dropUnusedTags(library);
  });
  library.forgetDeletedSoon();
}
