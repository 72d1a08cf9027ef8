import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The one SQLite driver: better-sqlite3's API over SQLite3 Multiple Ciphers, so a plain
 * library and an encrypted one go through the same binary and the same code. An encrypted
 * file is SQLCipher 4's format (AES-256, HMAC-SHA512 per page), which other tools can open
 * with the raw key. Every connection in Dateline is made here.
 */

export type Db = Database.Database;

/** A library's data key: 32 random bytes; the passphrase and the recovery key only unlock it. */
export type DataKey = Uint8Array;

export const DATA_KEY_BYTES = 32;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * The keys this thread holds, by folder: a library's key opens the library, the copies made
 * beside it while converting, and its backups. Held only in memory, never written or logged.
 */
const heldKeys = new Map<string, Buffer>();

export function holdKey(key: DataKey, folders: readonly string[]): void {
  if (key.length !== DATA_KEY_BYTES) throw new Error('A library key is 32 bytes.');
  for (const folder of folders) heldKeys.set(resolve(folder), Buffer.from(key));
}

export function releaseKey(folders: readonly string[]): void {
  for (const folder of folders) {
    heldKeys.get(resolve(folder))?.fill(0);
    heldKeys.delete(resolve(folder));
  }
}

/** The key held for the folder `file` sits in, if any. */
export function heldKeyFor(file: string): DataKey | undefined {
  return heldKeys.get(dirname(resolve(file)));
}

/**
 * Whether a file begins as a plain SQLite database does. An encrypted one begins with its
 * random salt instead; an empty or missing file is neither (SQLite makes it a new database).
 */
export function hasPlainHeader(file: string): boolean {
  const size = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  if (size < SQLITE_HEADER.length) return false;
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  return header.equals(SQLITE_HEADER);
}

export interface OpenSqliteOptions extends Database.Options {
  /**
   * The key to open (or create) the file with; null opens it plain. Left out, a file that is
   * not plain is opened with the key held for its folder, and anything else plain.
   */
  key?: DataKey | null;
}

const keyed = new WeakSet<Db>();

export function openSqlite(file: string, { key, ...options }: OpenSqliteOptions = {}): Db {
  const db = new Database(file, options);
  const chosen = key === undefined ? keyForExisting(file) : key;
  if (chosen) {
    try {
      applyKey(db, chosen);
    } catch (error) {
      db.close();
      throw error;
    }
  }
  return db;
}

function keyForExisting(file: string): DataKey | undefined {
  if (file === ':memory:' || hasPlainHeader(file)) return undefined;
  const size = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  return size > 0 ? heldKeyFor(file) : undefined;
}

/** Whether the connection reads an encrypted file (its copies must be made with SQL, not the backup API). */
export function isEncrypted(db: Db): boolean {
  return keyed.has(db);
}

/** SQLCipher 4's settings, then the raw key (no key derivation: the key is already random). */
function applyKey(db: Db, key: DataKey): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${Buffer.from(key).toString('hex')}'"`);
  keyed.add(db);
}

/**
 * Rewrites every page of a file opened plain so that it is encrypted with `key`, or of a
 * file opened with its key so that it is plain (key null). The file must not be in WAL mode.
 */
export function rekey(db: Db, key: DataKey | null): void {
  if (key) {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(`rekey = "x'${Buffer.from(key).toString('hex')}'"`);
    keyed.add(db);
  } else {
    db.pragma(`rekey = ''`);
    keyed.delete(db);
  }
}
