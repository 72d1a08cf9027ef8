import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportWorker, ImportWorkers } from '../../../electron/import/worker/pool.ts';
import { importFiles, MAX_IMPORT_BYTES, type PendingFile } from '../../../electron/import/pipeline.ts';
import { readImportFile } from '../../../electron/import/read-file.ts';
import { getArticle } from '../../../electron/library/articles.ts';
import { KURSK_FIXTURE, tempDir, tempLibrary } from '../../helpers/temp.ts';
import { listArticles, searchArticles } from '../../helpers/queries.ts';

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

  it('regression: a file of 1,200 entries said only "1 of 1" until it was all stored; it says how many entries are', async () => {
    const bookmarks = Array.from({ length: 1200 }, (_, i) => ({
      href: `https://news.example/${i}`,
      description: `Story ${i}`,
      toread: 'yes',
    }));
    const progress: string[] = [];
    const summary = await importFiles(tempLibrary(), [inMemory('pinboard_export.json', JSON.stringify(bookmarks))], {
      onProgress: ({ done, total, current, entries }) =>
        progress.push(`${done}/${total} ${current}${entries ? ` ${entries.done}/${entries.total}` : ''}`),
    });
    expect(summary.imported).toHaveLength(1200);
    expect(progress).toEqual([
      '0/1 pinboard_export.json',
      '0/1 pinboard_export.json 0/1200',
      '0/1 pinboard_export.json 500/1200',
      '0/1 pinboard_export.json 1000/1200',
      '1/1 null',
    ]);
  });

  it('reports progress for every file and, cancelled, stops at once keeping only finished files', async () => {
    const library = tempLibrary();
    const controller = new AbortController();
    const progress: string[] = [];
    const files = ['a', 'b', 'c'].map((name) => inMemory(`${name}.txt`, `Story ${name}\n\nBody of story ${name}.`));
    const summary = await importFiles(library, files, {
      signal: controller.signal,
      onProgress: ({ done, total, current }) => progress.push(`${done}/${total} ${current}`),
      // The person cancels while b.txt is being read.
      parse: async (source) => {
        if (source.name !== 'b.txt') return readImportFile(source);
        await new Promise((resolve) => setTimeout(resolve, 150));
        controller.abort();
        throw new Error('cancelled while reading');
      },
    });
    expect(progress).toEqual(['0/3 a.txt', '1/3 b.txt', '1/3 null']);
    expect(summary.imported.map((i) => i.path)).toEqual(['a.txt']);
    expect(summary).toMatchObject({ cancelled: true, failed: [] });
    expect(library.db.prepare('SELECT title FROM articles').all()).toEqual([{ title: 'Story a' }]);
  });

  it('opens a plain zip of articles and imports each file in it, refusing names that climb out', async () => {
    const library = tempLibrary();
    const zip = zipSync({
      'notes/harbour.md': strToU8('---\ntitle: Harbour reopens\n---\nBoats returned to the quay on Monday after the storm.'),
      'ferry.txt': strToU8('Ferry timetable\n\nWinter sailings start in November.'),
      '__MACOSX/._ferry.txt': strToU8('junk'),
      '../escape.txt': strToU8('Escape\n\nThis name climbs out of the archive.'),
      'photo.bin': new Uint8Array([0, 1, 2, 3]),
    });
    const summary = await importFiles(library, [{ path: 'clippings.zip', read: async () => zip }]);
    expect(summary.imported.map((item) => item.path)).toEqual(['clippings.zip/ferry.txt', 'clippings.zip/notes/harbour.md']);
    expect(summary.failed).toEqual([{ path: 'clippings.zip/photo.bin', error: expect.objectContaining({ code: 'UNSUPPORTED' }) }]);
    expect(
      listArticles(library)
        .items.map((item) => item.title)
        .sort(),
    ).toEqual(['Ferry timetable', 'Harbour reopens']);
  });

  it('refuses a zip inside a zip instead of opening archives without end', async () => {
    const inner = zipSync({ 'a.txt': strToU8('A\n\nText of a.') });
    const outer = zipSync({ 'inner.zip': inner });
    const summary = await importFiles(tempLibrary(), [{ path: 'outer.zip', read: async () => outer }]);
    expect(summary.failed).toEqual([
      { path: 'outer.zip/inner.zip', error: expect.objectContaining({ message: expect.stringMatching(/inside zip/) }) },
    ]);
  });
});

describe('the import worker', () => {
  it('stops a job that overruns its time budget and goes on with the next one', async () => {
    const worker = new ImportWorker();
    try {
      const bytes = new TextEncoder().encode('A story\n\nWith a body of words.');
      await expect(worker.run({ kind: 'parse', name: 'slow.txt', bytes }, 1)).rejects.toThrow(/took longer than/);
      await expect(worker.run({ kind: 'parse', name: 'next.txt', bytes }, 20_000)).resolves.toMatchObject({
        kind: 'entries',
        entries: [{ title: 'A story' }],
      });
    } finally {
      await worker.close();
    }
  });

  it("fails one file whose parser throws, with the importer's own message", async () => {
    const worker = new ImportWorker();
    try {
      await expect(worker.run({ kind: 'parse', name: 'empty.txt', bytes: new Uint8Array() })).rejects.toMatchObject({
        code: 'IMPORT_FAILED',
        message: 'The file is empty.',
      });
    } finally {
      await worker.close();
    }
  });
});

describe('the import workers', () => {
  const story = (i: number) => new TextEncoder().encode(`Story ${i}\n\nThe ferries ran late on day ${i}.`);

  it('spread the jobs over the workers, fewest waiting first, each result to its own file', async () => {
    const pool = new ImportWorkers(3);
    try {
      const jobs = Array.from({ length: 7 }, (_, i) => pool.run({ kind: 'parse', name: `${i}.txt`, bytes: story(i) }));
      expect(pool.loads).toEqual([3, 2, 2]);
      const parsed = await Promise.all(jobs);
      expect(parsed.map((read) => (read.kind === 'entries' ? (read.entries[0] as { title: string }).title : null))).toEqual(
        Array.from({ length: 7 }, (_, i) => `Story ${i}`),
      );
      expect(pool.loads).toEqual([0, 0, 0]);
      // A lone job goes to the first worker: no second one is started for it.
      const lone = pool.run({ kind: 'parse', name: 'lone.txt', bytes: story(8) });
      expect(pool.loads).toEqual([1, 0, 0]);
      await lone;
    } finally {
      await pool.close();
    }
  });

  it('import files read side by side in the order given, a job that overruns failing alone', async () => {
    const pool = new ImportWorkers(3);
    try {
      const library = tempLibrary();
      // The seventh is long enough that it cannot be read within its budget of a millisecond.
      const long = new TextEncoder().encode(`Story 7\n\n${'The ferries ran late. '.repeat(500_000)}`);
      const files = Array.from({ length: 30 }, (_, i) => ({ path: `${i}.txt`, read: async () => (i === 7 ? long : story(i)) }));
      const summary = await importFiles(library, files, {
        parse: (source, signal) =>
          pool.run({ kind: 'parse', name: source.name, bytes: source.bytes }, source.name === '7.txt' ? 1 : undefined, signal),
      });
      expect(summary.failed).toEqual([
        { path: '7.txt', error: expect.objectContaining({ message: expect.stringMatching(/took longer than/) }) },
      ]);
      expect(summary.imported.map((entry) => [entry.path, entry.title])).toEqual(
        files.filter((file) => file.path !== '7.txt').map((file) => [file.path, `Story ${file.path.replace('.txt', '')}`]),
      );
    } finally {
      await pool.close();
    }
  });
});
