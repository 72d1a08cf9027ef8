import { existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibrarySession } from '../../electron/ipc/session.ts';
import { backUpNow } from '../../electron/library/backup-schedule.ts';
import { backupFolder, listBackups, rotateBackups, writeBackup } from '../../electron/library/backups.ts';
import { createDraft } from '../../electron/library/drafts.ts';
import { Library } from '../../electron/library/library.ts';
import { LibraryDamagedError, LibraryShrunkError, openCheckedLibrary } from '../../electron/library/startup.ts';
import { tempDir, testAppInfo } from '../helpers/temp.ts';

/**
 * A careless disk, a sync tool or a bad copy: the library file emptied, cut short or
 * replaced by a much smaller one. None of these may be opened as if it were the library,
 * and the backups of the loss may never push out the last copy from before it.
 */

function libraryWith(count: number, file = join(tempDir(), 'library.sqlite')): Library {
  const library = Library.open(file);
  library.write(() => {
    for (let i = 0; i < count; i++) createDraft(library, { title: `Story ${i}`, editorNote: 'harbour ferry '.repeat(100) });
  });
  return library;
}

async function libraryWithBackup(count: number) {
  const library = libraryWith(count);
  const folder = backupFolder(library.file);
  const backup = await writeBackup(library.db, folder, 'daily', new Date(Date.now() - 3_600_000));
  library.close();
  return { file: library.file, folder, backup };
}

async function start(file: string) {
  const session = await LibrarySession.start({ file, app: testAppInfo, emit: () => undefined });
  const call = async <T>(channel: string, input: unknown = {}): Promise<T> => {
    const result = await session.dispatch(channel, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as T;
  };
  return { session, call };
}

describe('a library file cut to nothing', () => {
  it('cut to zero bytes is not opened as a new empty library', async () => {
    const { file, backup } = await libraryWithBackup(40);
    truncateSync(file, 0);
    const error = await openCheckedLibrary(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LibraryDamagedError);
    expect((error as LibraryDamagedError).problems[0]).toMatch(/empty \(0 bytes\)/);
    expect(readFileSync(file).length).toBe(0);

    const { session, call } = await start(file);
    expect(await call('library.status')).toMatchObject({ healthy: false, suggested: { name: backup.name, articles: 40 } });
    expect(readFileSync(file).length).toBe(0);
    session.close();
  });

  it('cut to a fraction of itself is refused, whatever the quick check would say', async () => {
    const { file } = await libraryWithBackup(200);
    truncateSync(file, 8192);
    const before = readFileSync(file);
    const error = await openCheckedLibrary(file, { quickCheck: false }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LibraryDamagedError);
    expect((error as LibraryDamagedError).problems[0]).toMatch(/shorter than its header says/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('without a SQLite header is refused', async () => {
    const file = join(tempDir(), 'library.sqlite');
    writeFileSync(file, 'title,url\nA story,https://example.com/\n');
    await expect(openCheckedLibrary(file)).rejects.toThrow(/does not begin with a SQLite header/);
  });

  it('with no backup to restore can be moved aside for a new library, losing nothing', async () => {
    const file = join(tempDir(), 'library.sqlite');
    writeFileSync(file, '');
    const { session, call } = await start(file);
    expect(session.damaged).toBe(true);
    expect(await call('library.status')).toMatchObject({ healthy: false, suggested: null, canOpenAsIs: false });
    await expect(call('library.recover', { action: 'open-as-is' })).rejects.toMatchObject({ code: 'CONFLICT' });

    const { movedAside } = await call<{ movedAside: string }>('library.recover', { action: 'start-new' });
    expect(existsSync(movedAside)).toBe(true);
    expect(session.damaged).toBe(false);
    await call('articles.createDraft', { title: 'A fresh start' });
    session.close();
    // The new library, with its first backup, opens again without questions.
    const again = await start(file);
    expect(again.session.damaged).toBe(false);
    again.session.close();
  });
});

describe('a library much smaller than its newest backup', () => {
  async function replacedBySmallerCopy() {
    const { file, folder, backup } = await libraryWithBackup(100);
    const small = libraryWith(3, join(tempDir(), 'small.sqlite'));
    small.close();
    writeFileSync(file, readFileSync(small.file));
    for (const side of ['-wal', '-shm']) if (existsSync(file + side)) writeFileSync(file + side, '');
    return { file, folder, backup };
  }

  it('is refused on opening with the counts, and nothing is written to it', async () => {
    const { file, backup } = await replacedBySmallerCopy();
    const before = readFileSync(file);
    const error = await openCheckedLibrary(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LibraryShrunkError);
    expect((error as LibraryShrunkError).problems[0]).toMatch(/holds 3 of the 100 articles/);
    expect((error as LibraryShrunkError).backup.name).toBe(backup.name);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('goes to the recovery page, offering the backup, or opening it as it is', async () => {
    const { file, folder, backup } = await replacedBySmallerCopy();
    const { session, call } = await start(file);
    expect(await call('library.status')).toMatchObject({ healthy: false, canOpenAsIs: true, suggested: { name: backup.name } });
    expect((await listBackups(folder)).map((b) => b.name)).toEqual([backup.name]);

    await call('library.recover', { action: 'open-as-is' });
    expect(await call('articles.list', {})).toMatchObject({ total: 3 });
    session.close();
    // Chosen once: the next start does not ask again, and the fuller backup is still there.
    const again = await start(file);
    expect(again.session.damaged).toBe(false);
    expect((await listBackups(folder)).map((b) => b.name)).toContain(backup.name);
    again.session.close();
  });

  it('is not questioned when the backups were small too, or the library was only trimmed', async () => {
    const { file } = await libraryWithBackup(100);
    const library = Library.open(file);
    library.db.exec('DELETE FROM articles WHERE rowid IN (SELECT rowid FROM articles LIMIT 40)');
    library.close();
    (await openCheckedLibrary(file)).close();
  });
});

describe('the backup rotation', () => {
  it('never removes the newest backup that holds more than the library does now', async () => {
    const library = libraryWith(50);
    const folder = backupFolder(library.file);
    const full = await writeBackup(library.db, folder, 'daily', new Date(Date.now() - 20 * 86_400_000));
    library.db.exec('DELETE FROM articles');
    for (let day = 19; day >= 1; day--) await writeBackup(library.db, folder, 'daily', new Date(Date.now() - day * 86_400_000));
    await backUpNow(library, folder, 'daily');
    const names = (await listBackups(folder)).map((b) => b.name);
    expect(names).toHaveLength(15);
    expect(names).toContain(full.name);
    library.close();
  });

  it('without the library to compare with, keeps only the newest', async () => {
    const library = libraryWith(5);
    const folder = backupFolder(library.file);
    for (let day = 5; day >= 1; day--) await writeBackup(library.db, folder, 'daily', new Date(Date.now() - day * 86_400_000));
    library.close();
    await rotateBackups(folder, 2);
    expect(readdirSync(folder)).toHaveLength(2);
  });
});
