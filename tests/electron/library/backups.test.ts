import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDraft } from '../../../electron/library/drafts.ts';
import { backUpIfDue, DAY_MS } from '../../../electron/library/backup-schedule.ts';
import {
  backupFolder,
  listBackups,
  newestGoodBackup,
  restoreBackup,
  restoreOverDamaged,
  rotateBackups,
  writeBackup,
} from '../../../electron/library/backups.ts';
import { checkInWorker } from '../../../electron/library/check.ts';
import { Library } from '../../../electron/library/library.ts';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../electron/library/migrations.ts';
import { updateSettings } from '../../../electron/library/settings-store.ts';
import { LibraryDamagedError, openCheckedLibrary } from '../../../electron/library/startup.ts';
import { corruptMiddlePage } from '../../helpers/damage.ts';
import { fillDisk, smallDisk } from '../../helpers/small-disk.ts';
import { tempDir } from '../../helpers/temp.ts';

const BODY = 'The harbour authority said the ferry would run again on Monday after the storm. '.repeat(40);

function libraryWith(count: number, prefix = 'Story', file = join(tempDir(), 'library.sqlite')): Library {
  const library = Library.open(file);
  addArticles(library, count, prefix);
  return library;
}

function addArticles(library: Library, count: number, prefix: string): void {
  for (let i = 0; i < count; i++) createDraft(library, { title: `${prefix} ${i}`, editorNote: `${BODY} ${prefix.toLowerCase()}${i}` });
}

function articleCount(library: Library): number {
  return library.statement<{ n: number }>('SELECT count(*) AS n FROM articles').get()!.n;
}

function titles(library: Library): string[] {
  return library
    .statement<{ title: string }>('SELECT title FROM articles ORDER BY id')
    .all()
    .map((row) => row.title);
}

describe('backups', () => {
  it('are single checked files, named by time and kind, listed newest first with their article counts', async () => {
    const library = libraryWith(30);
    const folder = backupFolder(library.file);
    const first = await writeBackup(library.db, folder, 'manual', new Date('2026-11-01T08:00:00Z'));
    addArticles(library, 5, 'Later');
    const second = await writeBackup(library.db, folder, 'daily', new Date('2026-11-02T08:00:00Z'));
    library.close();

    expect(first).toMatchObject({ kind: 'manual', articles: 30, schemaVersion: LATEST_SCHEMA_VERSION, problem: null });
    expect(first.name).toBe('library-2026-11-01T08-00-00-000Z-manual.sqlite');
    expect(second).toMatchObject({ kind: 'daily', articles: 35, createdAt: Date.parse('2026-11-02T08:00:00Z') });
    expect((await listBackups(folder)).map((backup) => backup.name)).toEqual([second.name, first.name]);
    // Nothing beside them: no -wal, -shm or half-written copy.
    expect(readdirSync(folder).sort()).toEqual([first.name, second.name]);
    expect(await checkInWorker({ file: join(folder, first.name) })).toEqual([]);
  });

  it('copy one moment of a library that keeps being written to during the backup', async () => {
    const library = libraryWith(400);
    const folder = backupFolder(library.file);
    let writes = 0;
    const writer = setInterval(() => {
      addArticles(library, 1, `During ${writes++}`);
    }, 0);
    const backup = await writeBackup(library.db, folder, 'manual');
    clearInterval(writer);
    const copy = new Database(join(folder, backup.name), { readonly: true });
    const count = (copy.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    const ftsCount = (copy.prepare('SELECT count(*) AS n FROM articles_fts').get() as { n: number }).n;
    copy.close();
    expect(count).toBe(backup.articles);
    expect(count).toBeGreaterThanOrEqual(400);
    expect(ftsCount).toBe(count);
    library.close();
  });

  it('rotate: the newest N stay, older ones and abandoned half-copies go', async () => {
    const library = libraryWith(3);
    const folder = backupFolder(library.file);
    const made = [];
    for (let day = 1; day <= 5; day++) made.push(await writeBackup(library.db, folder, 'daily', new Date(`2026-11-0${day}T08:00:00Z`)));
    library.close();
    const stale = join(folder, 'library-2026-10-01T08-00-00-000Z-daily.sqlite.partial');
    const fresh = join(folder, 'library-2026-11-06T08-00-00-000Z-daily.sqlite.partial');
    writeFileSync(stale, 'half');
    writeFileSync(fresh, 'half');
    utimesSync(stale, new Date('2026-10-01T08:00:00Z'), new Date('2026-10-01T08:00:00Z'));
    writeFileSync(join(folder, 'notes.txt'), 'not a backup');

    const removed = await rotateBackups(folder, 3);
    expect(removed.sort()).toEqual([made[0]!.name, made[1]!.name]);
    expect((await listBackups(folder)).map((backup) => backup.name)).toEqual([made[4]!.name, made[3]!.name, made[2]!.name]);
    expect(existsSync(stale)).toBe(false);
    // Another process may still be writing a recent one.
    expect(existsSync(fresh)).toBe(true);
    expect(existsSync(join(folder, 'notes.txt'))).toBe(true);
  });

  it('daily: due with none, or when the newest copy of the library in use is a day old; rotated as set', async () => {
    const library = libraryWith(2);
    const folder = backupFolder(library.file);
    updateSettings(library, { backupsToKeep: 2 });
    const now = Date.now();
    expect(await backUpIfDue(library, folder, now)).toMatchObject({ kind: 'daily' });
    expect(await backUpIfDue(library, folder, now + DAY_MS / 2)).toBeNull();
    expect(await backUpIfDue(library, folder, now + DAY_MS + 1)).toMatchObject({ kind: 'daily' });

    // A copy kept aside by a restore is not a backup of the library in use.
    const other = libraryWith(1, 'Other');
    const aside = await writeBackup(other.db, folder, 'before-restore', new Date(now + 3 * DAY_MS));
    other.close();
    expect(await backUpIfDue(library, folder, now + 3 * DAY_MS + 1)).toMatchObject({ kind: 'daily' });

    const kept = await listBackups(folder);
    expect(kept).toHaveLength(2);
    expect(kept.map((backup) => backup.name)).toContain(aside.name);
    library.close();
  });

  it('restore: the library becomes the backup while open, the current one is kept aside, every connection sees it', async () => {
    const library = libraryWith(10, 'Kept');
    const folder = backupFolder(library.file);
    const backup = await writeBackup(library.db, folder, 'manual');
    addArticles(library, 4, 'Written after');
    const reader = Library.openReader(library.file);
    expect(articleCount(reader)).toBe(14);

    const { restored, keptAside } = await restoreBackup(library, folder, backup.name, 14);
    expect(restored.name).toBe(backup.name);
    expect(keptAside).toMatchObject({ kind: 'before-restore', articles: 14 });
    expect(articleCount(library)).toBe(10);
    expect(articleCount(reader)).toBe(10);
    expect(titles(library)).not.toContain('Written after 0');
    // Still a working library: writes and search go on.
    addArticles(library, 1, 'After restore');
    expect(articleCount(reader)).toBe(11);
    reader.close();
    library.close();

    const reopened = await openCheckedLibrary(library.file);
    expect(articleCount(reopened)).toBe(11);
    // Undoing the restore is one more restore.
    await restoreBackup(reopened, folder, keptAside.name, 14);
    expect(titles(reopened)).toContain('Written after 3');
    reopened.close();
  });

  it('restore of a backup from an older schema brings it up to date', async () => {
    const dir = tempDir();
    const old = Library.open(join(dir, 'old.sqlite'), { migrations: migrations.slice(0, 5) });
    old.db
      .prepare(
        "INSERT INTO articles (kind, title, body_text, body_html, created_at, updated_at) VALUES ('saved', 'Old harbour story', 'ferries', '<p>ferries</p>', 1, 1)",
      )
      .run();
    const library = libraryWith(2, 'Current', join(dir, 'library.sqlite'));
    const folder = backupFolder(library.file);
    const backup = await writeBackup(old.db, folder, 'manual');
    old.close();
    expect(backup.schemaVersion).toBe(5);

    await restoreBackup(library, folder, backup.name, 14);
    expect(library.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(titles(library)).toEqual(['Old harbour story']);
    createDraft(library, { title: 'Works at the new schema' });
    library.close();
  });

  it('restore refuses a damaged backup, one from a newer Dateline and names outside the folder, changing nothing', async () => {
    const library = libraryWith(60);
    const folder = backupFolder(library.file);
    const damaged = await writeBackup(library.db, folder, 'manual', new Date('2026-11-01T08:00:00Z'));
    corruptMiddlePage(join(folder, damaged.name));
    const newer = await writeBackup(library.db, folder, 'manual', new Date('2026-11-02T08:00:00Z'));
    const copy = new Database(join(folder, newer.name));
    copy.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    copy.close();
    const before = titles(library);

    await expect(restoreBackup(library, folder, damaged.name, 14)).rejects.toMatchObject({ code: 'LIBRARY_DAMAGED' });
    await expect(restoreBackup(library, folder, newer.name, 14)).rejects.toMatchObject({ code: 'LIBRARY_TOO_NEW' });
    await expect(restoreBackup(library, folder, '../library.sqlite', 14)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(restoreBackup(library, folder, 'library-2020-01-01T00-00-00-000Z-daily.sqlite', 14)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(titles(library)).toEqual(before);
    // No copy was kept aside for a restore that never began.
    expect((await listBackups(folder)).map((backup) => backup.kind)).toEqual(['manual', 'manual']);
    library.close();
  });
});

describe('a damaged library', () => {
  async function damagedLibraryWithBackups() {
    const library = libraryWith(80, 'Archived');
    const folder = backupFolder(library.file);
    const good = await writeBackup(library.db, folder, 'daily', new Date('2026-11-01T08:00:00Z'));
    const bad = await writeBackup(library.db, folder, 'daily', new Date('2026-11-02T08:00:00Z'));
    library.close();
    corruptMiddlePage(join(folder, bad.name));
    corruptMiddlePage(library.file);
    return { file: library.file, folder, good, bad };
  }

  it('is refused on opening and left byte for byte as it was', async () => {
    const { file } = await damagedLibraryWithBackups();
    const before = readFileSync(file);
    const error = await openCheckedLibrary(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LibraryDamagedError);
    expect((error as LibraryDamagedError).code).toBe('LIBRARY_DAMAGED');
    expect((error as LibraryDamagedError).problems.length).toBeGreaterThan(0);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('that is not a database at all is refused the same way', async () => {
    const file = join(tempDir(), 'library.sqlite');
    writeFileSync(file, Buffer.alloc(20_000, 7));
    await expect(openCheckedLibrary(file)).rejects.toBeInstanceOf(LibraryDamagedError);
    expect(readFileSync(file).equals(Buffer.alloc(20_000, 7))).toBe(true);
  });

  it('gives no backup, so it never pushes good ones out of the rotation', async () => {
    const library = libraryWith(80);
    const folder = backupFolder(library.file);
    const good = await writeBackup(library.db, folder, 'daily');
    library.close();
    corruptMiddlePage(library.file);
    const opened = Library.open(library.file);
    await expect(writeBackup(opened.db, folder, 'daily')).rejects.toMatchObject({ code: 'LIBRARY_DAMAGED' });
    opened.db.close();
    expect(readdirSync(folder)).toEqual([good.name]);
  });

  it('is moved aside untouched when the newest good backup is restored in its place', async () => {
    const { file, folder, good } = await damagedLibraryWithBackups();
    const before = readFileSync(file);
    expect((await newestGoodBackup(folder))?.name).toBe(good.name);

    const { restored, damagedCopy } = await restoreOverDamaged(file, folder, good.name);
    expect(restored.name).toBe(good.name);
    expect(readFileSync(damagedCopy).equals(before)).toBe(true);
    const library = await openCheckedLibrary(file);
    expect(articleCount(library)).toBe(80);
    library.close();
  });

  it('stays where it was, and nothing is moved, when the disk is too full to copy the backup in', async (context) => {
    const disk = smallDisk(8 * 1024 * 1024);
    if ('unavailable' in disk) return context.skip(disk.unavailable);
    const library = libraryWith(80, 'Archived', join(disk.dir, 'library.sqlite'));
    const folder = backupFolder(library.file);
    const good = await writeBackup(library.db, folder, 'daily');
    library.close();
    corruptMiddlePage(library.file);
    const before = readFileSync(library.file);
    const filler = fillDisk(disk.dir, 64 * 1024);

    await expect(restoreOverDamaged(library.file, folder, good.name)).rejects.toThrow(/could not be copied.*left where it was/);
    expect(readFileSync(library.file).equals(before)).toBe(true);
    expect(readdirSync(disk.dir).sort()).toEqual(['Backups', 'filler', 'library.sqlite']);

    // With room again, the same restore goes through.
    rmSync(filler);
    await restoreOverDamaged(library.file, folder, good.name);
    const restored = await openCheckedLibrary(library.file);
    expect(articleCount(restored)).toBe(80);
    restored.close();
  });
});
