/** Articles that come in from elsewhere: imports, saved links, and their duplicates. */
import type { RelatedLink } from '../common/model.ts';
import { countWords } from '../common/text.ts';
import { contentHash, urlKey } from './identity.ts';
import type { Library } from './library.ts';
import { storeImportedMedia, type PendingMedia } from './media.ts';
import { addTags, importedTagNames, replaceTags } from './tags.ts';
import { keptTime } from '../common/time.ts';
import { insertRow } from './sql.ts';

/** What an importer produces: one article as the library will keep it. */
export interface NewSavedArticle {
  title: string;
  dek?: string;
  byline?: string;
  /** The place the story was filed from, where the source names it ("KYIV, Ukraine —"). */
  dateline?: string;
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

/**
 * The fingerprint of an article being imported, worked out once: the duplicate check and the
 * insert both need it, and normalising and hashing each story twice showed as 7% of the
 * writing thread's busy time in a profile of a plain-text import. Keyed by the article
 * object, which is not changed between the two.
 */
const hashes = new WeakMap<NewSavedArticle, string>();
function hashOf(article: NewSavedArticle): string {
  let hash = hashes.get(article);
  if (hash === undefined) {
    hash = contentHash(article.title, article.text);
    hashes.set(article, hash);
  }
  return hash;
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
    .get(hashOf(article));
  return byContent ? { id: byContent.id, by: 'content' } : null;
}

/** Stores an imported article with its related links and tags. Call inside `library.write`. */
export function insertSavedArticle(library: Library, article: NewSavedArticle): number {
  const now = Date.now();
  const result = library.run(
    insertRow('articles', {
      kind: 'saved',
      title: article.title,
      dek: article.dek ?? '',
      byline: article.byline ?? '',
      dateline: article.dateline ?? '',
      source_name: article.sourceName ?? '',
      source_url: article.sourceUrl ?? null,
      canonical_url: article.canonicalUrl ?? null,
      url_key: urlKey(article.canonicalUrl ?? article.sourceUrl),
      published_at: keptTime(article.publishedAt),
      created_at: keptTime(article.createdAt) ?? now,
      updated_at: now,
      language: article.language ?? null,
      word_count: article.wordCount ?? countWords(article.text),
      is_read: article.read ? 1 : 0,
      is_favorite: article.favorite ? 1 : 0,
      is_archived: article.archived ? 1 : 0,
      body_html: article.html,
      body_text: article.text,
      content_hash: hashOf(article),
    }),
  );
  const id = Number(result.lastInsertRowid);
  insertRelatedLinks(library, id, article.related ?? []);
  const tags = importedTagNames(article.tags ?? []);
  if (tags.length) replaceTags(library, id, tags);
  if (article.media?.length) storeImportedMedia(library, id, article.html, article.media);
  if (article.linkOnly) library.statement("UPDATE articles SET fetch_state = 'pending' WHERE id = ?").run(id);
  for (const item of article.highlights ?? []) insertImportedHighlight(library, id, item);
  return id;
}

const STATES = [
  { flag: 'read', column: 'is_read' },
  { flag: 'favorite', column: 'is_favorite' },
  { flag: 'archived', column: 'is_archived' },
] as const;

/**
 * What a second copy of a stored article brings that the stored one lacks (its tags; read,
 * favorite or archived) is added to it, never lost: an "Archive" copy of a link also saved
 * unread leaves it archived. States are only ever turned on. Returns what was added, in
 * words. Call inside `library.write`.
 */
export function mergeIntoStored(library: Library, id: number, article: NewSavedArticle): string[] {
  const merged = addTags(library, id, importedTagNames(article.tags ?? [])).map((tag) => `tag “${tag}”`);
  const row = library
    .statement<Record<(typeof STATES)[number]['column'], number>>('SELECT is_read, is_favorite, is_archived FROM articles WHERE id = ?')
    .get(id);
  for (const { flag, column } of STATES) {
    if (!article[flag] || !row || row[column]) continue;
    library.statement(`UPDATE articles SET ${column} = 1, updated_at = ? WHERE id = ?`).run(Date.now(), id);
    merged.push(flag);
  }
  const added = addNewHighlights(library, id, article.highlights ?? []);
  if (added) merged.push(added === 1 ? 'a highlight' : `${added} highlights`);
  return merged;
}

/** The passages not marked in the stored article yet (the same words are not marked twice). */
/** A highlight another app kept, dated when it was made there (or now). */
function insertImportedHighlight(library: Library, articleId: number, item: ImportedHighlight): void {
  const when = keptTime(item.createdAt) ?? Date.now();
  library.run(
    insertRow('highlights', { article_id: articleId, quote: item.quote, note: item.note ?? '', created_at: when, updated_at: when }),
  );
}

function addNewHighlights(library: Library, id: number, highlights: readonly ImportedHighlight[]): number {
  const known = new Set(
    library
      .statement<{ quote: string }>('SELECT quote FROM highlights WHERE article_id = ?')
      .all(id)
      .map((row) => row.quote),
  );
  let added = 0;
  for (const item of highlights) {
    if (known.has(item.quote)) continue;
    known.add(item.quote);
    insertImportedHighlight(library, id, item);
    added += 1;
  }
  return added;
}

export function insertRelatedLinks(library: Library, id: number, related: readonly RelatedLink[]): void {
  const insertLink = library.statement('INSERT INTO related_links (article_id, position, title, url) VALUES (?, ?, ?, ?)');
  related.forEach((link, position) => insertLink.run(id, position, link.title, link.url));
}
