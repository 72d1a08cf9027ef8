import { describe, expect, it } from 'vitest';
import { editorStateJson, paragraphNode, textNode } from '../../../electron/common/editor-state.ts';
import { getArticle } from '../../../electron/library/articles.ts';
import { insertSavedArticle } from '../../../electron/library/saved-articles.ts';
import { createDraft, restoreRevision, startDraftFrom, updateArticle } from '../../../electron/library/drafts.ts';
import { AUTO_REVISION_INTERVAL_MS, getRevision, listRevisions, takeRevision } from '../../../electron/library/revisions.ts';
import { tempLibrary } from '../../helpers/temp.ts';
import { listArticles } from '../../helpers/queries.ts';

const body = (text: string) => editorStateJson([paragraphNode([textNode(text)])]);

describe('revisions', () => {
  it('snapshots while writing at most every few minutes, and on every status change', () => {
    const library = tempLibrary();
    const draft = createDraft(library, { title: 'Budget' });
    updateArticle(library, draft.id, { editorState: body('First words') });
    updateArticle(library, draft.id, { editorState: body('First words and more') });
    expect(listRevisions(library, draft.id).map((r) => r.reason)).toEqual(['auto']);

    library.db.prepare('UPDATE revisions SET created_at = created_at - ?').run(AUTO_REVISION_INTERVAL_MS + 1);
    updateArticle(library, draft.id, { editorState: body('Later words') });
    updateArticle(library, draft.id, { status: 'editing' });
    updateArticle(library, draft.id, { status: 'editing' });
    const reasons = listRevisions(library, draft.id).map((r) => [r.reason, r.label]);
    expect(reasons).toEqual([
      ['status', 'Status: editing'],
      ['auto', null],
      ['auto', null],
    ]);
  });

  it('restores a version as a new revision, keeping the text it replaces', () => {
    const library = tempLibrary();
    const draft = createDraft(library, { title: 'Old headline', editorState: body('Old text') });
    const saved = library.write(() => takeRevision(library, draft.id, 'manual', 'Before the rewrite'));
    updateArticle(library, draft.id, { title: 'New headline', editorState: body('New text typed since') });

    const restored = restoreRevision(library, saved);
    expect(restored.title).toBe('Old headline');
    expect(restored.text).toBe('Old text');
    const revisions = listRevisions(library, draft.id);
    expect(revisions[0]).toMatchObject({
      reason: 'restore',
      title: 'Old headline',
      label: expect.stringMatching(/^Restored the version of /),
    });
    const kept = revisions.find((r) => r.reason === 'before-restore')!;
    expect(getRevision(library, kept.id)).toMatchObject({ title: 'New headline', text: 'New text typed since' });
    expect(getRevision(library, saved)).toMatchObject({ label: 'Before the rewrite', text: 'Old text' });
  });
});

describe('newsroom metadata', () => {
  it('derives the slug from the headline until someone edits it, and back when cleared', () => {
    const library = tempLibrary();
    const draft = createDraft(library, { title: 'Mayor’s Office Résumé: 8,000 Jobs?' });
    expect(draft.slug).toBe('mayors-office-resume-8-000-jobs');
    expect(updateArticle(library, draft.id, { slug: 'Mayor Jobs' }).slug).toBe('mayor-jobs');
    expect(updateArticle(library, draft.id, { title: 'A new headline' }).slug).toBe('mayor-jobs');
    const cleared = updateArticle(library, draft.id, { slug: '' });
    expect([cleared.slug, cleared.slugEdited]).toEqual(['a-new-headline', false]);
  });

  it('keeps dateline, editor’s note, status and word target, and filters drafts by status', () => {
    const library = tempLibrary();
    const a = createDraft(library, {
      title: 'A',
      dateline: 'KYIV, Ukraine —',
      editorNote: 'Check the figures with the ministry',
      wordTarget: 800,
    });
    createDraft(library, { title: 'B', status: 'ready' });
    expect(getArticle(library, a.id)).toMatchObject({
      dateline: 'KYIV, Ukraine —',
      editorNote: 'Check the figures with the ministry',
      wordTarget: 800,
      status: 'draft',
    });
    expect(listArticles(library, { view: 'drafts', status: 'ready' }).items.map((item) => item.title)).toEqual(['B']);
  });

  it('refuses draft-only fields on a saved article', () => {
    const library = tempLibrary();
    const id = library.write(() => insertSavedArticle(library, { title: 'Saved', text: 'x', html: '<p>x</p>' }));
    expect(() => updateArticle(library, id, { status: 'ready' })).toThrow(/Only drafts/);
  });
});

describe('starting a draft from an article', () => {
  it('links the source and quotes the chosen passage or the lead', () => {
    const library = tempLibrary();
    const id = library.write(() =>
      insertSavedArticle(library, {
        title: 'Ferries resume',
        sourceName: 'Harbour Times',
        sourceUrl: 'https://harbour.example/ferries',
        text: 'Ferries resumed on Monday.\n\nPassengers cheered.',
        html: '<p>Ferries resumed on Monday.</p><p>Passengers cheered.</p>',
      }),
    );
    const fromLead = startDraftFrom(library, id);
    expect(fromLead.kind).toBe('draft');
    expect(fromLead.html).toBe(
      '<p>Following up on <a href="https://harbour.example/ferries">Ferries resume</a> (Harbour Times).</p><blockquote>Ferries resumed on Monday.</blockquote><p></p>',
    );
    expect(startDraftFrom(library, id, 'Passengers cheered.').text).toContain('Passengers cheered.');
  });
});
