import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deleteArticle } from '../../../electron/library/articles.ts';
import { insertSavedArticle } from '../../../electron/library/saved-articles.ts';
import { createDraft, updateArticle } from '../../../electron/library/drafts.ts';
import { deleteArticles } from '../../../electron/library/bulk.ts';
import { importFiles } from '../../../electron/import/pipeline.ts';
import { addHighlight, deleteHighlight, updateHighlight } from '../../../electron/library/highlights.ts';
import type { Library } from '../../../electron/library/library.ts';
import { takeRevision } from '../../../electron/library/revisions.ts';
import { setArticleTags } from '../../../electron/library/tags.ts';
import { tempLibrary } from '../../helpers/temp.ts';
import { searchArticles } from '../../helpers/queries.ts';

/** Every file in the library's folder that holds `word`, in any case. */
function filesHolding(library: Library, word: string): string[] {
  const folder = dirname(library.file);
  const needle = Buffer.from(word.toLowerCase());
  return readdirSync(folder).filter((name) => {
    const bytes = readFileSync(join(folder, name));
    return Buffer.from(bytes.toString('latin1').toLowerCase(), 'latin1').includes(needle);
  });
}

/** Many other articles around the secret one, so pages and index segments are shared. */
function neighbours(library: Library, count: number): void {
  library.write(() => {
    for (let i = 0; i < count; i++)
      insertSavedArticle(library, { title: `Harbour report ${i}`, html: '', text: `Ferries and berths, report number ${i}.` });
  });
}

describe('delete means gone', () => {
  it('a deleted article leaves no word of its own in any file of the library folder', () => {
    const library = tempLibrary();
    neighbours(library, 200);
    const id = library.write(() =>
      insertSavedArticle(library, {
        title: 'Source zqxbriar met the reporter',
        byline: 'Byline zqxfennel',
        html: '<p>The source zqxmarlow asked not to be named.</p>',
        text: 'The source zqxmarlow asked not to be named.',
        related: [{ title: 'Related zqxthorn', url: 'https://example.com/zqxthorn' }],
      }),
    );
    setArticleTags(library, id, ['zqxlabel']);
    addHighlight(library, { articleId: id, quote: 'asked not to be named', note: 'Call zqxnotes back' });
    neighbours(library, 200);
    const words = ['zqxbriar', 'zqxfennel', 'zqxmarlow', 'zqxthorn', 'zqxlabel', 'zqxnotes'];
    // Proof that the check can see them: before the delete, every word is somewhere.
    for (const word of words) expect(filesHolding(library, word), word).not.toEqual([]);

    deleteArticle(library, id);
    expect(library.forgetDeletedNow()).toBe(true);
    for (const word of words) expect(filesHolding(library, word), word).toEqual([]);
    expect(searchArticles(library, { query: 'zqxmarlow' }).total).toBe(0);
    expect(searchArticles(library, { query: 'ferries' }).total).toBe(400);
  });

  it('a deleted draft takes its revisions with it, and deleted or rewritten notes are gone', () => {
    const library = tempLibrary();
    neighbours(library, 100);
    const draft = createDraft(library, { title: 'Draft about zqxcedar' });
    library.write(() => takeRevision(library, draft.id, 'manual', 'before zqxlabelled edit'));
    updateArticle(library, draft.id, { title: 'Draft, renamed' });
    const keeper = library.write(() => insertSavedArticle(library, { title: 'Keeper', html: '<p>Kept words.</p>', text: 'Kept words.' }));
    const cleared = addHighlight(library, { articleId: keeper, quote: 'Kept', note: 'Old note zqxrowan' });
    const removed = addHighlight(library, { articleId: keeper, quote: 'words', note: 'Removed note zqxalder' });
    for (const word of ['zqxcedar', 'zqxlabelled', 'zqxrowan', 'zqxalder']) expect(filesHolding(library, word), word).not.toEqual([]);

    deleteArticles(library, [draft.id]);
    updateHighlight(library, cleared.id, { note: '' });
    deleteHighlight(library, removed.id);
    expect(library.forgetDeletedNow()).toBe(true);
    for (const word of ['zqxcedar', 'zqxlabelled', 'zqxrowan', 'zqxalder']) expect(filesHolding(library, word), word).toEqual([]);
  });

  it('an imported article, indexed with its batch, leaves no word of its own once deleted', async () => {
    const library = tempLibrary();
    neighbours(library, 100);
    const text = (i: number) => new TextEncoder().encode(`Harbour file ${i}\n\nFerries and berths, file ${i}.`);
    const files = Array.from({ length: 40 }, (_, i) => ({ path: `file-${i}.txt`, read: async () => text(i) }));
    files.splice(20, 0, {
      path: 'source.txt',
      read: async () => new TextEncoder().encode('Met zqxhazel\n\nThe source zqxmarlow asked not to be named.'),
    });
    const summary = await importFiles(library, files);
    const imported = summary.imported.find((item) => item.path === 'source.txt')!;
    for (const word of ['zqxhazel', 'zqxmarlow']) expect(filesHolding(library, word), word).not.toEqual([]);

    deleteArticle(library, imported.id);
    expect(library.forgetDeletedNow()).toBe(true);
    for (const word of ['zqxhazel', 'zqxmarlow']) expect(filesHolding(library, word), word).toEqual([]);
    expect(searchArticles(library, { query: 'ferries' }).total).toBe(140);
  });

  it('checkpoints on its own shortly after a delete', async () => {
    const library = tempLibrary();
    const id = library.write(() => insertSavedArticle(library, { title: 'Gone zqxwillow', html: '', text: 'zqxwillow' }));
    deleteArticle(library, id);
    await expect.poll(() => filesHolding(library, 'zqxwillow'), { timeout: 10_000 }).toEqual([]);
  });
});
