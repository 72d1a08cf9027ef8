import { dirname } from 'node:path';
import { createPrivateFile, ensureFolder, ensurePrivateFolder, makePrivate } from '../common/node/private-files.ts';
import { DatelineError } from '../common/errors.ts';
import { openSqlite, type DataKey, type Db } from './cipher.ts';
import { userDataDir } from './location.ts';
import { migrations, type Migration } from './migrations.ts';

export type { Db };

export interface OpenOptions {
  /** Migrations to apply; tests pass a prefix to build an older library. */
  migrations?: readonly Migration[];
  /** Creates a new library encrypted with this key (an existing one is opened by the key held for it). */
  key?: DataKey;
}

/**
 * Opens (creating if needed) a library file and brings its schema up to date.
 * A library written by a newer Dateline is refused before anything is written to it.
 * The apps open through `openCheckedLibrary` (startup.ts), which checks the file and backs
 * it up before an upgrade; this is the plain step underneath.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const steps = options.migrations ?? migrations;
  if (file !== ':memory:') prepareFile(file);
  const db = openSqlite(file, options.key ? { key: options.key } : {});
  try {
    const version = userVersion(db);
    if (version > steps.length) {
      throw new DatelineError(
        'LIBRARY_TOO_NEW',
        `This library (${file}) was written by a newer version of Dateline (schema ${version}; this version knows up to ${steps.length}). Update Dateline to open it; the file was not changed.`,
      );
    }
    configure(db);
    if (file !== ':memory:') makePrivate(file, `${file}-wal`, `${file}-shm`);
    upgrade(db, steps);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * The library's folder and file, private before SQLite writes a byte: its -wal and -shm
 * take the file's mode. Dateline's own data folder is kept 0700; a folder the person chose
 * is made so only if it is new.
 */
function prepareFile(file: string): void {
  const dir = dirname(file);
  if (dir === userDataDir()) ensurePrivateFolder(dir);
  else ensureFolder(dir);
  createPrivateFile(file);
}

/**
 * A second, read-only connection to a library the writer has already opened (and migrated):
 * for readers on other threads, such as the search worker. WAL lets it read while the
 * writer writes.
 */
export function openReadOnly(file: string): Db {
  const db = openSqlite(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  db.pragma(`cache_size = ${PAGE_CACHE}`);
  return db;
}

/**
 * SQLite's page cache per connection, in KiB (negative): 64 MiB rather than the default 2,
 * so the search index's hot pages stay in memory. An encrypted library decrypts every page
 * it reads from the file, so for it the cache is most of the speed of a search.
 */
const PAGE_CACHE = -65_536;

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma(`cache_size = ${PAGE_CACHE}`);
  // FULL syncs the WAL on every commit: an acknowledged save survives power loss, which a
  // journalist's unpublished draft deserves more than a millisecond per write.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('secure_delete = ON');
}

export function userVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Articles (drafts included) in a library of any schema; none in a file with no tables yet. */
export function articleCountOf(db: Db): number {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles'").get();
  return hasTable ? (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n : 0;
}

/**
 * Applies the migrations a library lacks, all in one transaction. Foreign keys are off
 * meanwhile, as SQLite's procedure for rebuilding a table asks: dropping the old copy of a
 * table must not set off the ON DELETE actions of the tables that refer to it (they refer
 * to the new copy once it takes the name). Before the commit, a check that the upgrade
 * broke no reference that held before it.
 */
export function upgrade(db: Db, steps: readonly Migration[] = migrations): void {
  if (userVersion(db) >= steps.length) return;
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      const from = userVersion(db);
      if (from >= steps.length) return;
      const brokenBefore = brokenReferences(db);
      for (const step of steps.slice(from)) {
        db.exec(step.sql);
        step.fixData?.(db);
      }
      if (brokenReferences(db) > brokenBefore)
        throw new Error('The schema upgrade would break references between rows; nothing was changed.');
      db.pragma(`user_version = ${steps.length}`);
    }).immediate();
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
}

function brokenReferences(db: Db): number {
  return (db.pragma('foreign_key_check') as unknown[]).length;
}
