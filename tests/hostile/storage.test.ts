import Database from 'better-sqlite3-multiple-ciphers';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importFiles, type PendingFile } from '../../electron/import/pipeline.ts';
import { createDispatcher } from '../../electron/ipc/dispatcher.ts';
import { articleCountOf } from '../../electron/library/database.ts';
import { createDraft } from '../../electron/library/drafts.ts';
import { Library } from '../../electron/library/library.ts';
import { fillDisk, smallDisk } from '../helpers/small-disk.ts';
import { tempDir, testAppInfo } from '../helpers/temp.ts';

/**
 * A careless disk: full, mounted read-only, or held by another process. Each refusal is
 * told in a sentence with its own code, and nothing already stored is lost.
 */

const BIN = fileURLToPath(new URL('../../electron/bin/dateline.js', import.meta.url));

function dispatcherFor(library: Library) {
  const logged: unknown[] = [];
  const dispatch = createDispatcher({ library, app: testAppInfo, emit: () => undefined, log: (_m, e) => logged.push(e) });
  return { dispatch, logged };
}

const paragraph = (i: number) => `Story ${i} about the harbour\n\n${'The ferry crews walked out on Monday morning over pay. '.repeat(300)}`;

function textFiles(count: number, offset = 0): PendingFile[] {
  return Array.from({ length: count }, (_, i) => ({
    path: `story-${offset + i}.txt`,
    read: async () => Buffer.from(paragraph(offset + i)),
  }));
}

describe('a full disk', () => {
  it('refuses a save with its own code and sentence; the draft keeps what it had', async (context) => {
    const disk = smallDisk(4 * 1024 * 1024);
    if ('unavailable' in disk) return context.skip(disk.unavailable);
    const library = Library.open(join(disk.dir, 'library.sqlite'));
    const { id } = createDraft(library, { title: 'Harbour strike', editorNote: 'kept' });
    const { dispatch } = dispatcherFor(library);
    const filler = fillDisk(disk.dir, 0);

    const result = await dispatch('articles.save', { id, patch: { editorNote: 'x'.repeat(19_000) }, expectedRevision: 1 });
    expect(result).toEqual({
      ok: false,
      error: { code: 'DISK_FULL', message: 'The disk is full. Nothing was lost; free some space and try again.' },
    });
    rmSync(filler);
    expect(await dispatch('articles.get', { id })).toMatchObject({ ok: true, value: { editorNote: 'kept' } });
    library.close();
  });

  it('stops an import, which reports everything it stored before the disk filled', async (context) => {
    const disk = smallDisk(32 * 1024 * 1024);
    if ('unavailable' in disk) return context.skip(disk.unavailable);
    const library = Library.open(join(disk.dir, 'library.sqlite'));
    const first = await importFiles(library, textFiles(20));
    expect(first.imported).toHaveLength(20);
    fillDisk(disk.dir, 8 * 1024 * 1024);

    const summary = await importFiles(library, textFiles(400, 20));
    expect(summary.stopped).toMatchObject({ code: 'DISK_FULL', message: expect.stringMatching(/^The disk is full\./) });
    expect(summary.imported.length).toBeGreaterThan(0);
    expect(summary.imported.length).toBeLessThan(400);
    expect(articleCountOf(library.db)).toBe(20 + summary.imported.length);
    library.close();
  });
});

describe('a library that cannot be written to', () => {
  it('refuses writes with a sentence that says what to do, and reads go on', async () => {
    const file = join(tempDir(), 'library.sqlite');
    const writer = Library.open(file);
    const { id } = createDraft(writer, { title: 'Harbour strike' });
    writer.close();
    const library = Library.openReader(file);
    const { dispatch } = dispatcherFor(library);
    const result = await dispatch('articles.save', { id, patch: { title: 'Harbour strike ends' }, expectedRevision: 1 });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'READ_ONLY', message: expect.stringMatching(/read-only.*Nothing was lost/) },
    });
    expect(await dispatch('articles.get', { id })).toMatchObject({ ok: true, value: { title: 'Harbour strike' } });
    library.close();
  });
});

describe('another process writing the same library', () => {
  it('that holds the write lock past the wait gives BUSY with a sentence, not an internal error', async () => {
    const file = join(tempDir(), 'library.sqlite');
    const library = Library.open(file);
    const { id } = createDraft(library, { title: 'Harbour strike' });
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const { dispatch } = dispatcherFor(library);
      const result = await dispatch('articles.save', { id, patch: { title: 'Harbour strike ends' }, expectedRevision: 1 });
      expect(result).toMatchObject({ ok: false, error: { code: 'BUSY', message: expect.stringMatching(/Another program is writing/) } });
    } finally {
      other.exec('ROLLBACK');
      other.close();
      library.close();
    }
  });
});

describe('a long import from another process', () => {
  it('leaves the library to the window: every autosave during it is stored', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const folder = join(dir, 'export');
    mkdirSync(folder);
    for (let i = 0; i < 2000; i++)
      writeFileSync(join(folder, `story-${i}.txt`), `Story ${i} from the harbour\n\n${paragraph(i).slice(0, 2000)}`);
    // One file of many entries, as a reading app's export is: stored in one go, it would
    // hold the write lock for many seconds.
    const rows = Array.from({ length: 100_000 }, (_, i) => `Saved link ${i},https://news.example/${i},${1_700_000_000 + i},harbour,unread`);
    writeFileSync(join(folder, 'part_000000.csv'), ['title,url,time_added,tags,status', ...rows].join('\n'));
    const file = join(dir, 'library.sqlite');
    const library = Library.open(file);
    const { id, revision: first } = createDraft(library, { title: 'Harbour strike' });
    let revision = first;
    const { dispatch } = dispatcherFor(library);

    const importer = spawn(process.execPath, [BIN, 'import', folder, '--library', file, '--json'], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => importer.once('exit', resolve));
    let running = true;
    void exited.then(() => (running = false));
    const refused: unknown[] = [];
    let saves = 0;
    while (running) {
      const result = await dispatch('articles.save', { id, patch: { editorNote: `keystroke ${saves}` }, expectedRevision: revision });
      if (result.ok) revision = (result.value as { revision: number }).revision;
      else refused.push(result.error);
      saves += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await exited).toBe(0);
    expect(refused).toEqual([]);
    expect(saves).toBeGreaterThan(20);
    expect(articleCountOf(library.db)).toBe(102_001);
    library.close();
  });
});
