import { existsSync } from 'node:fs';
import { copyFile, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { createPrivateFile, ensurePrivateFolder, makePrivate } from '../common/node/private-files.ts';
import { dirname, join } from 'node:path';
import { BACKUP_NAME_PATTERN, type BackupInfo, type BackupKind } from '../common/backups.ts';
import { DatelineError } from '../common/errors.ts';
import { checkInWorker, isDamage } from './check.ts';
import { hasPlainHeader, isEncrypted, openSqlite } from './cipher.ts';
import { articleCountOf, upgrade, userVersion, type Db } from './database.ts';
import type { Library } from './library.ts';
import { LATEST_SCHEMA_VERSION } from './migrations.ts';

/**
 * Backups are whole library files made with SQLite's online backup API, kept in a
 * `Backups` folder beside the library (for the default library, the user-data folder).
 * A backup is written under a temporary name, checked, switched to a single-file journal
 * and only then renamed into place, so a backup that is listed is complete and readable.
 */

export const BACKUP_FOLDER_NAME = 'Backups';

export function backupFolder(libraryFile: string): string {
  return join(dirname(libraryFile), BACKUP_FOLDER_NAME);
}

function nameFor(kind: BackupKind, at: Date): string {
  return `library-${at.toISOString().replace(/[:.]/g, '-')}-${kind}.sqlite`;
}

/** When a backup was made and why, from its name alone; null for any other file. */
export function parseBackupName(name: string): { createdAt: number; kind: BackupKind } | null {
  const match = BACKUP_NAME_PATTERN.exec(name);
  if (!match) return null;
  const [date, time] = match[1]!.split('T') as [string, string];
  const [h, m, s, ms] = time.slice(0, -1).split('-');
  const createdAt = Date.parse(`${date}T${h}:${m}:${s}.${ms}Z`);
  return Number.isNaN(createdAt) ? null : { createdAt, kind: match[2] as BackupKind };
}

/**
 * Copies the library behind `source` into a new backup and returns it. Another connection,
 * or this one, may keep writing meanwhile: the backup API restarts or follows along, and
 * the copy is of one moment. A library that fails its check gives no backup at all, so a
 * damaged file can never push good backups out of the rotation.
 */
export async function writeBackup(source: Db, folder: string, kind: BackupKind, now = new Date()): Promise<BackupInfo> {
  ensurePrivateFolder(folder);
  let at = now;
  while (existsSync(join(folder, nameFor(kind, at)))) at = new Date(at.getTime() + 1);
  const name = nameFor(kind, at);
  await copyLibrary(source, join(folder, name));
  return describeBackup(folder, name);
}

/**
 * A consistent copy of the library behind `source` at `destination`: written under a
 * temporary name with the backup API, made one self-contained file (no -wal beside it) and
 * checked in a worker, and only then renamed into place. A damaged library gives no copy.
 */
export async function copyLibrary(source: Db, destination: string): Promise<void> {
  const partial = `${destination}.partial`;
  await rm(partial, { force: true });
  try {
    createPrivateFile(partial);
    // An encrypted library's copy is made by VACUUM INTO, under the same key, in the worker.
    const copyOf = isEncrypted(source) ? source.name : undefined;
    if (!copyOf) await source.backup(partial);
    const problems = await checkInWorker({ file: partial, seal: true, ...(copyOf ? { copyOf } : {}) });
    makePrivate(partial);
    if (problems.length) throw damagedWhileBackingUp(problems);
    await rename(partial, destination);
  } catch (error) {
    await removeWithSideFiles(partial);
    throw isDamage(error) ? damagedWhileBackingUp([(error as Error).message]) : error;
  }
}

function damagedWhileBackingUp(problems: string[]): DatelineError {
  return new DatelineError(
    'LIBRARY_DAMAGED',
    `The library failed its check while being backed up (${problems.slice(0, 3).join('; ')}), so no backup was kept. Restore a backup from before the damage.`,
  );
}

/** Backups are immutable once renamed into place, so what was read of one stays true. */
const described = new Map<string, BackupInfo>();

async function describeBackup(folder: string, name: string): Promise<BackupInfo> {
  const parsed = parseBackupName(name)!;
  const file = join(folder, name);
  const { size, mtimeMs } = await stat(file);
  const key = `${file}\0${size}\0${mtimeMs}`;
  const known = described.get(key);
  if (known) return known;
  const info: BackupInfo = { name, ...parsed, bytes: size, articles: null, schemaVersion: null, problem: null };
  let db: Db | undefined;
  try {
    db = openSqlite(file, { readonly: true, fileMustExist: true });
    info.schemaVersion = userVersion(db);
    info.articles = articleCountOf(db);
    if (info.schemaVersion > LATEST_SCHEMA_VERSION) info.problem = 'Made by a newer version of Dateline.';
  } catch (error) {
    info.articles = null;
    info.problem = `Cannot be read: ${(error as Error).message}`;
  } finally {
    db?.close();
  }
  described.set(key, info);
  return info;
}

interface BackupName {
  name: string;
  createdAt: number;
  kind: BackupKind;
}

/** The backups in the folder, newest first, known from their names alone (no file opened). */
export async function backupNames(folder: string): Promise<BackupName[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  return names
    .flatMap((name) => {
      const parsed = parseBackupName(name);
      return parsed ? [{ name, ...parsed }] : [];
    })
    .sort((a, b) => b.createdAt - a.createdAt);
}

/** Every backup in the folder, newest first, with what each holds. */
export async function listBackups(folder: string): Promise<BackupInfo[]> {
  const infos = await Promise.all((await backupNames(folder)).map(({ name }) => describeBackup(folder, name).catch(() => null)));
  return infos.filter((info): info is BackupInfo => info !== null);
}

/**
 * The newest backup of the library as it was in use, readable, with its article count: what
 * a library opening is compared with. A copy kept aside before a restore is not one (the
 * person chose to go back from it).
 */
export async function newestComparableBackup(folder: string): Promise<BackupInfo | null> {
  for (const { name, kind } of await backupNames(folder)) {
    if (kind === 'before-restore') continue;
    const info = await describeBackup(folder, name).catch(() => null);
    if (info && info.problem === null && info.articles !== null) return info;
  }
  return null;
}

const STALE_PARTIAL_MS = 60 * 60 * 1000;

export interface RotationOptions {
  /** Articles in the library now: the newest backup holding more is never removed. */
  currentArticles?: number;
  now?: number;
}

/**
 * Keeps the newest `keep` backups and removes the rest, with copies abandoned mid-way. The
 * newest backup that holds more articles than the library does now is kept whatever its
 * age: if the library lost its contents, days of backups of the loss must not push out the
 * last copy from before it.
 */
export async function rotateBackups(
  folder: string,
  keep: number,
  { currentArticles, now = Date.now() }: RotationOptions = {},
): Promise<string[]> {
  const names = await backupNames(folder);
  const kept = new Set(names.slice(0, Math.max(1, keep)).map((backup) => backup.name));
  if (currentArticles !== undefined) {
    const fuller = await newestHolding(folder, names, currentArticles);
    if (fuller) kept.add(fuller);
  }
  const removed = names.filter((backup) => !kept.has(backup.name)).map((backup) => backup.name);
  for (const name of removed) await rm(join(folder, name), { force: true });
  // Backups made before files were kept private are made so now.
  if (existsSync(folder)) ensurePrivateFolder(folder);
  makePrivate(...[...kept].map((name) => join(folder, name)));
  const partials = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.partial'));
  for (const name of partials) {
    const file = join(folder, name);
    const age = now - (await stat(file).catch(() => ({ mtimeMs: now }))).mtimeMs;
    if (age > STALE_PARTIAL_MS) await rm(file, { force: true });
  }
  return removed;
}

async function newestHolding(folder: string, names: BackupName[], moreThan: number): Promise<string | null> {
  for (const { name } of names) {
    const info = await describeBackup(folder, name).catch(() => null);
    if (info?.articles != null && info.articles > moreThan) return name;
  }
  return null;
}

/** The backup a person asked for, checked before anything is replaced with it. */
async function usableBackup(folder: string, name: string): Promise<{ file: string; info: BackupInfo }> {
  if (!parseBackupName(name)) throw new DatelineError('INVALID_INPUT', `“${name}” is not the name of a Dateline backup.`);
  const file = join(folder, name);
  if (!existsSync(file)) throw new DatelineError('NOT_FOUND', `There is no backup named ${name}; it may have been rotated away.`);
  const info = await describeBackup(folder, name);
  if (info.schemaVersion !== null && info.schemaVersion > LATEST_SCHEMA_VERSION) {
    throw new DatelineError(
      'LIBRARY_TOO_NEW',
      `The backup ${name} was made by a newer version of Dateline; update Dateline to restore it.`,
    );
  }
  const problems = await checkInWorker({ file });
  if (problems.length) {
    throw new DatelineError('LIBRARY_DAMAGED', `The backup ${name} is damaged (${problems.slice(0, 3).join('; ')}); nothing was restored.`);
  }
  return { file, info };
}

/** Whether a backup is an encrypted library's (the backup API cannot copy it; the file itself is copied). */
function isEncryptedBackup(file: string): boolean {
  return !hasPlainHeader(file);
}

/** Copies a backup file over `destination` with the backup API, in one transaction. */
async function copyInto(backupFile: string, destination: string): Promise<void> {
  const source = openSqlite(backupFile, { readonly: true, fileMustExist: true });
  try {
    // One step for everything after the first: the library is locked for as short a time as
    // the copy itself, and never left half replaced.
    await source.backup(destination, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
}

/**
 * A backup is one self-contained file (single-file journal, checked): copied byte for byte
 * under a temporary name, synced, and renamed over `destination`.
 */
async function copyWhole(backupFile: string, destination: string): Promise<void> {
  const partial = `${destination}.partial`;
  await copyFile(backupFile, partial);
  const handle = await open(partial, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  makePrivate(partial);
  await rename(partial, destination);
}

export interface RestoreResult {
  restored: BackupInfo;
  /** The library as it was just before, itself kept as a backup. */
  keptAside: BackupInfo;
}

/**
 * Replaces the open library's contents with a backup while it stays open: the current
 * contents are first kept as a `before-restore` backup, then the backup API writes the
 * chosen copy into the live file as one transaction, which every connection (the search
 * worker's too) sees at its next read. An older backup is then brought up to this schema.
 */
export async function restoreBackup(library: Library, folder: string, name: string, keep: number): Promise<RestoreResult> {
  const { file, info } = await usableBackup(folder, name);
  const keptAside = await writeBackup(library.db, folder, 'before-restore');
  if (isEncryptedBackup(file)) await library.replaceFile((target) => copyWhole(file, target));
  else await copyInto(file, library.file);
  // The connection notices the new schema at its next statement, which reloads it; ALTER
  // TABLE checks its columns while being compiled, before that, so a statement goes first.
  library.db.prepare('SELECT count(*) FROM sqlite_master').get();
  upgrade(library.db);
  library.forgetDeletedSoon();
  await rotateBackups(folder, keep, { currentArticles: articleCountOf(library.db) });
  return { restored: info, keptAside };
}

/** The newest backup that opens, is not from a newer Dateline and passes its check. */
export async function newestGoodBackup(folder: string): Promise<BackupInfo | null> {
  for (const info of await listBackups(folder)) {
    if (info.problem === null && (await checkInWorker({ file: join(folder, info.name) })).length === 0) return info;
  }
  return null;
}

/**
 * For a library that failed its check: copies the backup beside it first, then moves the
 * damaged file (with its -wal and -shm) aside under a new name, untouched, and renames the
 * copy into its place. A copy that fails (a full disk) leaves the damaged library where it
 * was, so the next start offers the recovery again instead of a new, empty library.
 */
export async function restoreOverDamaged(
  libraryFile: string,
  folder: string,
  name: string,
  now = new Date(),
): Promise<{ restored: BackupInfo; damagedCopy: string }> {
  const { file, info } = await usableBackup(folder, name);
  const incoming = `${libraryFile}.restoring`;
  await removeWithSideFiles(incoming);
  try {
    createPrivateFile(incoming);
    if (isEncryptedBackup(file)) await copyWhole(file, incoming);
    else await copyInto(file, incoming);
  } catch (error) {
    await removeWithSideFiles(incoming);
    throw new DatelineError(
      'INTERNAL',
      `The backup ${name} could not be copied (${(error as Error).message}); the damaged library was left where it was.`,
    );
  }
  const damagedCopy = await moveDamagedAside(libraryFile, now);
  await rename(incoming, libraryFile);
  return { restored: info, damagedCopy };
}

/** Moves a damaged library (with its -wal and -shm) aside under a new name, untouched. */
export async function moveDamagedAside(libraryFile: string, now = new Date()): Promise<string> {
  const damagedCopy = `${libraryFile}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of SIDE_FILES) {
    if (existsSync(libraryFile + suffix)) await rename(libraryFile + suffix, damagedCopy + suffix);
  }
  return damagedCopy;
}

/** A database file with the files SQLite keeps beside it. */
const SIDE_FILES = ['', '-wal', '-shm', '-journal'];

async function removeWithSideFiles(file: string): Promise<void> {
  for (const suffix of SIDE_FILES) await rm(file + suffix, { force: true });
}
