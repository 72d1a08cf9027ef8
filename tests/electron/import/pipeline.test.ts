import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importFiles, MAX_IMPORT_BYTES, type PendingFile } from '../../../electron/import/pipeline.ts';
import { getArticle, listArticles } from '../../../electron/library/articles.ts';
import { searchArticles } from '../../../electron/library/search.ts';
import { KURSK_FIXTURE, tempDir, tempLibrary } from '../../helpers/temp.ts';

const kurskPath = fileURLToPath(KURSK_FIXTURE);
const onDisk = (path: string): PendingFile => ({ path, read: () => readFile(path) });
const inMemory = (path: string, text: string): PendingFile => ({ path, read: async () => new TextEncoder().encode(text) });

describe('importFiles', () => {
  it('imports the fixture so that search finds the story but not the trailer', async () => {
    const library = tempLibrary();
    const summary = await importFiles(library, [onDisk(kurskPath)]);
    expect(summary.failed).toEqual([]);
    expect(summary.imported).toHaveLength(1);
    const article = getArticle(library, summary.imported[0]!.id);
    expect(article.wordCount).toBeGreaterThan(400);
    expect(article.related).toHaveLength(2);
    expect(searchArticles(library, { query: 'Kursk' }).total).toBe(1);
    expect(searchArticles(library, { query: 'Hezbollah' }).total).toBe(0);
  });

  it('reports the same story imported again as a duplicate of the first', async () => {
    const library = tempLibrary();
    const first = await importFiles(library, [onDisk(kurskPath)]);
    const copy = join(tempDir(), 'copy.txt');
    await writeFile(copy, (await readFile(kurskPath, 'utf8')).replace(/\n/g, '\r\n'));
    const second = await importFiles(library, [onDisk(kurskPath), onDisk(copy)]);
    expect(second.imported).toEqual([]);
    expect(second.duplicates.map((d) => d.id)).toEqual([first.imported[0]!.id, first.imported[0]!.id]);
    expect(listArticles(library).total).toBe(1);
  });

  it('reports each failure with a reason and leaves the library unchanged by it', async () => {
    const library = tempLibrary();
    const summary = await importFiles(library, [
      inMemory('report.pdf', '%PDF-1.7'),
      { path: 'empty.txt', read: async () => new Uint8Array() },
      { path: 'huge.txt', size: MAX_IMPORT_BYTES + 1, read: async () => new Uint8Array() },
      onDisk(join(tempDir(), 'missing.txt')),
      inMemory('good.txt', 'A good title\n\nA good body.'),
    ]);
    expect(summary.failed.map((f) => [f.path.split('/').pop(), f.error.code])).toEqual([
      ['report.pdf', 'UNSUPPORTED'],
      ['empty.txt', 'IMPORT_FAILED'],
      ['huge.txt', 'TOO_LARGE'],
      ['missing.txt', 'NOT_FOUND'],
    ]);
    expect(summary.failed[0]!.error.message).toMatch(/cannot import files of type \.pdf/);
    expect(summary.imported.map((i) => i.title)).toEqual(['A good title']);
    expect(listArticles(library).total).toBe(1);
  });

  it('reports progress for every file and stops when cancelled', async () => {
    const library = tempLibrary();
    const controller = new AbortController();
    const progress: string[] = [];
    const files = ['a', 'b', 'c'].map((name) => inMemory(`${name}.txt`, `Story ${name}\n\nBody of story ${name}.`));
    const summary = await importFiles(library, files, {
      signal: controller.signal,
      onProgress: ({ done, total, current }) => {
        progress.push(`${done}/${total} ${current}`);
        if (done === 1) controller.abort();
      },
    });
    expect(progress).toEqual(['0/3 a.txt', '1/3 b.txt', '3/3 null']);
    expect(summary.imported.map((i) => i.path)).toEqual(['a.txt', 'b.txt']);
  });
});
