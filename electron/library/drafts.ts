/** Writing and editing: drafts, their fields and revisions, and a saved article's states. */
import { DatelineError } from '../common/errors.ts';
import { deriveContent, editorStateJson, linkNode, paragraphNode, quoteNode, textNode } from '../common/editor-state.ts';
import type { Article, ArticlePatch, DraftFields, DraftStatus } from '../common/model.ts';
import { countWords, slugify } from '../common/text.ts';
import { contentHash } from './identity.ts';
import type { Library } from './library.ts';
import { getRevision, takeRevision, takeRevisionIfDue } from './revisions.ts';
import { getArticle, iso, STATE_COLUMNS } from './articles.ts';
import { assignments } from './sql.ts';

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
  const columns: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, string][]) {
    const value = patch[field];
    if (value !== undefined) columns[column] = typeof value === 'boolean' ? Number(value) : value;
  }
  if (patch.slug !== undefined) {
    // A slug typed by hand stays; clearing it hands it back to the headline.
    columns.slug = slugify(patch.slug);
    columns.slug_edited = columns.slug === '' ? 0 : 1;
  }
  if (patch.editorState !== undefined) {
    let derived;
    try {
      derived = deriveContent(patch.editorState);
    } catch (error) {
      throw new DatelineError('INVALID_INPUT', (error as Error).message);
    }
    Object.assign(columns, {
      editor_state: patch.editorState,
      body_html: derived.html,
      body_text: derived.text,
      word_count: countWords(derived.text),
    });
  }
  if (Object.keys(columns).length === 0 && !options.always) return;
  const set = assignments({ ...columns, updated_at: now });
  library.run({ text: `UPDATE articles SET ${set.text}, revision = revision + 1 WHERE id = ?`, values: [...set.values, id] });
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
