import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';

/**
 * A library names sources; other people with an account on the same machine must not read
 * it. Files Dateline keeps (the library with its -wal and -shm, backups, logs, window state)
 * are 0600, and folders it owns 0700. On Windows the user's profile already protects them
 * and modes mean little, so nothing is changed there.
 */
export const PRIVATE_FILE = 0o600;
export const PRIVATE_FOLDER = 0o700;

const posix = process.platform !== 'win32';

/** Makes `dir` (and any missing parents) and, being Dateline's own, keeps it 0700. */
export function ensurePrivateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER });
  if (posix && (statSync(dir).mode & 0o777) !== PRIVATE_FOLDER) chmodSync(dir, PRIVATE_FOLDER);
}

/** A folder that may be the person's own (`--library ~/Documents/x.sqlite`): made private if new, else left as it is. */
export function ensureFolder(dir: string): void {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER });
}

/** Makes each existing file 0600 (one made before this rule, or by a tool that ignores it). */
export function makePrivate(...files: string[]): void {
  if (!posix) return;
  for (const file of files) {
    const mode = statSync(file, { throwIfNoEntry: false })?.mode;
    if (mode !== undefined && (mode & 0o777) !== PRIVATE_FILE) chmodSync(file, PRIVATE_FILE);
  }
}

/**
 * Creates an empty file 0600 if none is there, so that what is then written into it (by
 * SQLite, which gives a database's -wal and -shm the mode of the database) starts private.
 */
export function createPrivateFile(file: string): void {
  if (existsSync(file)) return;
  closeSync(openSync(file, 'a', PRIVATE_FILE));
}
