import { z } from 'zod';
import { draftStatuses, highlightColors, libraryViews, listSorts } from './choices.ts';

export { draftStatuses, highlightColors, libraryViews, listSorts };
import { MAX_EDITOR_NESTING, withinEditorNesting } from './editor-state.ts';

/**
 * The shapes the library hands out. The contract builds its channels from these, and the
 * library's functions are typed by them, so a field is declared once.
 */

export const articleId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const articleKind = z.enum(['saved', 'draft']);
export const isoTime = z.iso.datetime();

export const relatedLinkSchema = z.object({
  title: z.string(),
  url: z.string().nullable(),
});

export const draftStatus = z.enum(draftStatuses);

export const articleSummarySchema = z.object({
  id: articleId,
  kind: articleKind,
  title: z.string(),
  dek: z.string(),
  byline: z.string(),
  sourceName: z.string(),
  sourceUrl: z.string().nullable(),
  publishedAt: isoTime.nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
  wordCount: z.number().int().nonnegative(),
  readingMinutes: z.number().int().nonnegative(),
  tags: z.array(z.string()),
  read: z.boolean(),
  favorite: z.boolean(),
  archived: z.boolean(),
  readingProgress: z.number().min(0).max(1),
  revision: z.number().int().positive(),
  status: draftStatus,
  /** A saved link whose page has not been downloaded yet ('pending'), or could not be ('failed'). */
  fetchState: z.enum(['pending', 'failed']).nullable(),
  /** The dek, or else the story's opening words, for the list. */
  excerpt: z.string(),
  /** The article's first picture in the library, for the list's thumbnail. */
  thumbnailId: z.number().int().positive().nullable(),
});

export const articleSchema = articleSummarySchema.extend({
  dateline: z.string(),
  slug: z.string(),
  slugEdited: z.boolean(),
  editorNote: z.string(),
  wordTarget: z.number().int().positive().nullable(),
  canonicalUrl: z.string().nullable(),
  language: z.string().nullable(),
  related: z.array(relatedLinkSchema),
  text: z.string(),
  html: z.string(),
  editorState: z.string().nullable(),
  /** Why the last download of a saved link failed. */
  fetchError: z.string().nullable(),
});

export const libraryView = z.enum(libraryViews);

export type ListSort = (typeof listSorts)[number];

export const listQuerySchema = z.strictObject({
  view: libraryView.default('all'),
  tag: z.string().trim().min(1).max(200).optional(),
  /** The articles one followed feed brought. */
  feed: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  status: draftStatus.optional(),
  kind: articleKind.optional(),
  /** Part of the source's name or address. */
  source: z.string().trim().min(1).max(200).optional(),
  /** Saved (or, for sort "published", published) on or after / before these times. */
  from: isoTime.optional(),
  to: isoTime.optional(),
  sort: z.enum(listSorts).default('saved'),
  order: z.enum(['asc', 'desc']).optional(),
  /** Only these articles, of those the rest of the query names (a list reading again the rows that changed). */
  ids: z.array(articleId).min(1).max(500).optional(),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});

export const articleListSchema = z.object({
  total: z.number().int().nonnegative(),
  items: z.array(articleSummarySchema),
});

/**
 * The words of a search. Control characters (a NUL pasted from a binary file) mean nothing in
 * a search; as spaces they cannot break the query either.
 */
export const searchWords = z
  .string()
  .max(1000)
  .transform((query) => query.replace(/[\u0000-\u001f\u007f]/g, ' '));

export const searchQuerySchema = z.strictObject({
  query: searchWords,
  limit: z.number().int().min(1).max(200).default(50),
  /** Who is typing (one id per search box): a newer search supersedes an older one of the same session. */
  session: z.string().max(100).optional(),
});

export const searchResultSchema = z.object({
  id: articleId,
  title: z.string(),
  /** Text with HTML special characters escaped and each match wrapped in <mark>…</mark>. */
  snippet: z.string(),
  score: z.number(),
});

export const searchResultsSchema = z.object({
  total: z.number().int().nonnegative(),
  /** True when there are more matches than were counted ("10,000+"). */
  totalCapped: z.boolean().optional(),
  /**
   * How the results are ordered when the query was too broad to rank every match: the best
   * of its `rankedAmong` most recently saved matches, or the newest first. Absent: best first.
   */
  bounded: z.object({ order: z.enum(['best-of-newest', 'newest']), rankedAmong: z.number().int().positive() }).optional(),
  results: z.array(searchResultSchema),
});

const TAG_NAME_MAX = 100;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

export const tagName = z
  .string()
  .trim()
  .min(1, 'A tag needs at least one character.')
  .max(TAG_NAME_MAX, `A tag can be at most ${TAG_NAME_MAX} characters.`)
  .refine((name) => !new RegExp(CONTROL_CHARACTERS.source).test(name), 'A tag cannot contain control characters.');

/**
 * A tag name from elsewhere (an export, a file's front matter) made into one `tagName`
 * accepts, so that every tag stored can later be filtered, renamed and deleted: control
 * characters become spaces, runs of space one, and it is cut to the longest allowed. Null
 * when nothing is left.
 */
export function toTagName(raw: string): string | null {
  let name = raw.replace(CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
  if (name.length > TAG_NAME_MAX)
    name = name
      .slice(0, TAG_NAME_MAX)
      .replace(/[\ud800-\udbff]$/, '')
      .trim();
  return name || null;
}

export const tagCountSchema = z.object({ name: z.string(), count: z.number().int().nonnegative() });

export const draftFieldsSchema = z.strictObject({
  title: z.string().max(1000).optional(),
  dek: z.string().max(5000).optional(),
  byline: z.string().max(1000).optional(),
  /** The place line: "KYIV, Ukraine —". */
  dateline: z.string().max(200).optional(),
  /** Setting a slug fixes it; an empty one goes back to following the headline. */
  slug: z.string().max(200).optional(),
  /** For the desk only: never exported in the body. */
  editorNote: z.string().max(20_000).optional(),
  status: draftStatus.optional(),
  wordTarget: z.number().int().min(1).max(100_000).nullable().optional(),
  /** Serialized Lexical editor state: the draft's source of truth. */
  editorState: z
    .string()
    .max(20_000_000)
    .refine(withinEditorNesting, `The document nests more than ${MAX_EDITOR_NESTING} levels deep, more than the editor can open.`)
    .optional(),
});

export const articlePatchSchema = draftFieldsSchema.extend({
  read: z.boolean().optional(),
  favorite: z.boolean().optional(),
  archived: z.boolean().optional(),
});

/** How far through an article the reader is, 0 to 1. */
export const readingProgressSchema = z.number().min(0).max(1);

/** Most articles one bulk action may touch at once. */
export const BULK_LIMIT = 100_000;

export const stateChangeSchema = z.strictObject({
  id: articleId,
  read: z.boolean().optional(),
  favorite: z.boolean().optional(),
  archived: z.boolean().optional(),
});

export const articleStatesSchema = z.object({ id: articleId, read: z.boolean(), favorite: z.boolean(), archived: z.boolean() });

export const bulkIdsSchema = z.array(articleId).min(1).max(BULK_LIMIT);

export const revisionReasons = ['auto', 'status', 'manual', 'before-restore', 'restore'] as const;

export const revisionSummarySchema = z.object({
  id: z.number().int().positive(),
  articleId,
  createdAt: isoTime,
  reason: z.enum(revisionReasons),
  label: z.string().nullable(),
  title: z.string(),
  wordCount: z.number().int().nonnegative(),
});

export const revisionSchema = revisionSummarySchema.extend({
  dek: z.string(),
  text: z.string(),
  editorState: z.string().nullable(),
});

export const highlightColor = z.enum(highlightColors);
const highlightNote = z.string().max(20_000, 'A note can be at most 20,000 characters.');

/**
 * Where a highlight sits: the quoted text with a little of the text around it and its offset
 * in the article's text (whitespace collapsed), so it can be found again after the HTML changes.
 */
export const highlightAnchorSchema = z.strictObject({
  quote: z.string().trim().min(1, 'Select some text to highlight.').max(10_000, 'A highlight can be at most 10,000 characters.'),
  prefix: z.string().max(200).default(''),
  suffix: z.string().max(200).default(''),
  position: z.number().int().nonnegative().max(1_000_000_000).nullable().default(null),
});

export const newHighlightSchema = highlightAnchorSchema.extend({
  articleId,
  color: highlightColor.default('yellow'),
  note: highlightNote.default(''),
});

export const highlightPatchSchema = z
  .strictObject({ color: highlightColor.optional(), note: highlightNote.optional() })
  .refine((patch) => patch.color !== undefined || patch.note !== undefined, 'Give a colour or a note to change.');

export const highlightSchema = z.object({
  id: z.number().int().positive(),
  articleId,
  quote: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  position: z.number().int().nonnegative().nullable(),
  color: highlightColor,
  note: z.string(),
  createdAt: isoTime,
  updatedAt: isoTime,
});

export const highlightQuerySchema = z.strictObject({
  /** Words to find in the highlighted text and the notes (the library's search syntax); empty lists all. */
  query: z.string().max(1000).default(''),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});

export const highlightFoundSchema = highlightSchema.extend({
  articleTitle: z.string(),
  /** Quote and note escaped, with the words searched for in <mark>…</mark>. */
  markedQuote: z.string(),
  markedNote: z.string(),
});

export const highlightListSchema = z.object({
  total: z.number().int().nonnegative(),
  items: z.array(highlightFoundSchema),
});

export type DraftStatus = z.output<typeof draftStatus>;
export type RevisionReason = (typeof revisionReasons)[number];
export type RevisionSummary = z.output<typeof revisionSummarySchema>;
export type Revision = z.output<typeof revisionSchema>;
export type RelatedLink = z.output<typeof relatedLinkSchema>;
export type ArticleSummary = z.output<typeof articleSummarySchema>;
export type Article = z.output<typeof articleSchema>;
export type LibraryView = z.output<typeof libraryView>;
export type ListQuery = z.input<typeof listQuerySchema>;
/** A list query once the contract has checked it: defaults filled in. */
export type ParsedListQuery = z.output<typeof listQuerySchema>;
export type ArticleList = z.output<typeof articleListSchema>;
export type SearchQuery = z.input<typeof searchQuerySchema>;
/** A search once the contract has checked it: control characters gone, defaults filled in. */
export type ParsedSearchQuery = z.output<typeof searchQuerySchema>;
export type SearchResults = z.output<typeof searchResultsSchema>;
export type TagCount = z.output<typeof tagCountSchema>;
export type DraftFields = z.output<typeof draftFieldsSchema>;
export type ArticlePatch = z.output<typeof articlePatchSchema>;
export type StateChange = z.output<typeof stateChangeSchema>;
export type ArticleStates = z.output<typeof articleStatesSchema>;
export type HighlightColor = (typeof highlightColors)[number];
export type HighlightAnchor = z.output<typeof highlightAnchorSchema>;
export type NewHighlight = z.input<typeof newHighlightSchema>;
export type HighlightPatch = z.output<typeof highlightPatchSchema>;
export type Highlight = z.output<typeof highlightSchema>;
export type HighlightQuery = z.input<typeof highlightQuerySchema>;
export type HighlightList = z.output<typeof highlightListSchema>;
