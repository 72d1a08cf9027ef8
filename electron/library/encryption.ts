import { closeSync, existsSync, fsyncSync, linkSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatelineError } from '../common/errors.ts';
import { makePrivate } from '../common/node/private-files.ts';
import { backupFolder, parseBackupName } from './backups.ts';
import { checkInWorker } from './check.ts';
import { hasPlainHeader, openSqlite, rekey, type DataKey, type Db } from './cipher.ts';
import { articleCountOf } from './database.ts';
import {
  dataKeyFor,
  isEncryptedLibrary,
  keysFileOf,
  keysFor,
  looksEncrypted,
  lockLibrary,
  newDataKey,
  passphraseProblem,
  readKeysFile,
  recoveryKeyOf,
  removeKeysFile,
  unlockLibrary,
  withPassphrase,
  syncFolder,
  writeKeysFile,
  type Unlock,
} from './library-keys.ts';

/**
 * Turning encryption on and off for a library that nobody has open. Each conversion works
 * on a copy: the copy is made, converted, checked, and only then swapped in by one rename,
 * so a crash at any step leaves the old library or the new one, whole. The plain file left
 * behind is overwritten before it is removed. Backups are converted the same way, one by one;
 * a backup left unconverted by a crash is still read (by its header) and converted next time.
 */

export type ConversionStep = 'copying' | 'converting' | 'checking' | 'swapping' | 'backups';

export interface ConversionOptions {
  onProgress?: (step: ConversionStep, detail?: { done: number; total: number }) => void;
  /** Aborting stops the conversion up to the swap; the library is then left as it was. */
  signal?: AbortSignal;
}

const WORK_SUFFIXES = ['.encrypting', '.decrypting'] as const;
const OLD_SUFFIX = '.replaced';

/** Encrypts the library with a new key unlocked by `passphrase`; returns the recovery key, shown once. */
export async function encryptLibrary(
  file: string,
  passphrase: string,
  options: ConversionOptions = {},
): Promise<{ recoveryKey: string; backups: number }> {
  const problem = passphraseProblem(passphrase);
  if (problem) throw new DatelineError('INVALID_INPUT', problem);
  if (!existsSync(file)) throw new DatelineError('NOT_FOUND', `There is no library at ${file} to encrypt.`);
  if (isEncryptedLibrary(file))
    throw new DatelineError('CONFLICT', 'This library is encrypted already; `dateline rekey` changes its passphrase.');
  if (looksEncrypted(file)) {
    throw new DatelineError(
      'CONFLICT',
      'This file is not a plain library (it is encrypted with its keys file lost, or damaged); nothing was changed.',
    );
  }
  finishInterruptedConversion(file);
  const key = newDataKey();
  await convertLibrary(file, { from: null, to: key, suffix: '.encrypting' }, options, () => writeKeysFile(file, keysFor(key, passphrase)));
  const backups = await convertBackups(file, key, 'encrypt', options);
  unlockLibrary(file, { key });
  return { recoveryKey: recoveryKeyOf(key), backups };
}

/** Makes an encrypted library (and its backups) plain again; then removes its keys file. */
export async function decryptLibrary(file: string, unlock: Unlock, options: ConversionOptions = {}): Promise<{ backups: number }> {
  // A plain library with a keys file beside it is a decryption stopped after the swap, its
  // backups still encrypted; an encrypted one may have lost its keys file (the recovery key opens it).
  const encrypted = looksEncrypted(file);
  if (!encrypted && !existsSync(keysFileOf(file))) throw new DatelineError('CONFLICT', 'This library is not encrypted.');
  const key = unlockLibrary(file, unlock);
  finishInterruptedConversion(file);
  if (encrypted) await convertLibrary(file, { from: key, to: null, suffix: '.decrypting' }, options, () => undefined);
  const backups = await convertBackups(file, key, 'decrypt', options);
  removeKeysFile(file);
  lockLibrary(file);
  return { backups };
}

/** Replaces the passphrase: only the keys file is rewritten; the library and its key stay as they are. */
export function changePassphrase(file: string, unlock: Unlock, passphrase: string): void {
  const key = dataKeyFor(file, unlock);
  const keys = existsSync(keysFileOf(file)) ? readKeysFile(file) : keysFor(key, passphrase);
  writeKeysFile(file, withPassphrase(keys, key, passphrase));
}

/** Encrypts the backups a crash left plain beside an encrypted library; how many it did. */
export function encryptPlainBackups(file: string, key: DataKey, options: ConversionOptions = {}): Promise<number> {
  return convertBackups(file, key, 'encrypt', options);
}

/** Removes what a conversion cut short left beside the library: its copy, and a replaced file (overwritten first). */
export function finishInterruptedConversion(file: string): void {
  for (const each of [file, ...backupFiles(file)]) {
    for (const suffix of WORK_SUFFIXES) removeWithSideFiles(each + suffix);
    if (existsSync(each + OLD_SUFFIX)) shred(each + OLD_SUFFIX);
  }
}

interface Conversion {
  from: DataKey | null;
  to: DataKey | null;
  suffix: (typeof WORK_SUFFIXES)[number];
}

async function convertLibrary(file: string, conversion: Conversion, options: ConversionOptions, beforeSwap: () => void): Promise<void> {
  const copy = file + conversion.suffix;
  const source = openExclusively(file, conversion.from);
  try {
    const articles = articleCountOf(source);
    options.onProgress?.('copying');
    removeWithSideFiles(copy);
    // VACUUM INTO writes a compact copy under the source's key (or none).
    source.prepare('VACUUM INTO ?').run(copy);
    makePrivate(copy);
    stopIfAborted(options.signal, copy);
    await convertCopy(copy, conversion, articles, options);
    beforeSwap();
    options.onProgress?.('swapping');
    // Windows cannot rename a file SQLite holds open; elsewhere the lock is kept to the end,
    // so no other process writes into the file being replaced.
    if (process.platform === 'win32') source.close();
    swapIn(copy, file, conversion.to === null);
  } catch (error) {
    removeWithSideFiles(copy);
    throw error;
  } finally {
    if (source.open) source.close();
  }
}

/** The copy re-keyed (or made plain), checked, and compared with the library it copies. */
async function convertCopy(copy: string, { from, to }: Conversion, articles: number | null, options: ConversionOptions): Promise<void> {
  options.onProgress?.('converting');
  const db = openSqlite(copy, { key: from });
  try {
    rekey(db, to);
  } finally {
    db.close();
  }
  stopIfAborted(options.signal, copy);
  options.onProgress?.('checking');
  const problems = await checkInWorker({ file: copy, ...(to ? { key: to } : {}) });
  if (problems.length)
    throw new DatelineError('STORAGE_FAILED', `The converted copy failed its check (${problems[0]}); the library was left as it was.`);
  if (articles !== null) {
    const check = openSqlite(copy, { readonly: true, key: to });
    try {
      if (articleCountOf(check) !== articles)
        throw new DatelineError('STORAGE_FAILED', 'The converted copy does not hold every article; the library was left as it was.');
    } finally {
      check.close();
    }
  }
  stopIfAborted(options.signal, copy);
}

/**
 * The source, with no other connection and none allowed until it is closed: leaving WAL
 * mode needs every other connection gone (so an open window is told, not raced), and the
 * exclusive lock then keeps writers out while it is copied.
 */
function openExclusively(file: string, key: DataKey | null): Db {
  const db = openSqlite(file, { key, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 2000');
    const mode = db.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw new Error(`journal mode stayed ${String(mode)}`);
    db.pragma('locking_mode = EXCLUSIVE');
    db.prepare('BEGIN IMMEDIATE').run();
    db.prepare('COMMIT').run();
    return db;
  } catch (error) {
    db.close();
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || /journal mode/.test((error as Error).message)) {
      throw new DatelineError(
        'BUSY',
        'The library is open in Dateline or another command. Close it there and try again; nothing was changed.',
      );
    }
    throw error;
  }
}

async function convertBackups(file: string, key: DataKey, direction: 'encrypt' | 'decrypt', options: ConversionOptions): Promise<number> {
  const pending = backupFiles(file).filter((backup) => hasPlainHeader(backup) === (direction === 'encrypt'));
  let done = 0;
  for (const backup of pending) {
    options.onProgress?.('backups', { done, total: pending.length });
    const conversion: Conversion =
      direction === 'encrypt' ? { from: null, to: key, suffix: '.encrypting' } : { from: key, to: null, suffix: '.decrypting' };
    const copy = backup + conversion.suffix;
    try {
      removeWithSideFiles(copy);
      const source = openSqlite(backup, { readonly: true, fileMustExist: true, key: conversion.from });
      try {
        source.prepare('VACUUM INTO ?').run(copy);
      } finally {
        source.close();
      }
      await convertCopy(copy, conversion, null, {});
      swapIn(copy, backup, direction === 'decrypt');
    } catch (error) {
      removeWithSideFiles(copy);
      throw error;
    }
    done++;
  }
  if (pending.length) options.onProgress?.('backups', { done, total: pending.length });
  return done;
}

function backupFiles(file: string): string[] {
  const folder = backupFolder(file);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => parseBackupName(name) !== null)
    .map((name) => join(folder, name));
}

/**
 * Puts `copy` in the place of `file` with one rename. The file replaced is first linked
 * under another name, so that its bytes can be overwritten (a plain file) before they go.
 */
function swapIn(copy: string, file: string, replacedIsEncrypted: boolean): void {
  const old = file + OLD_SUFFIX;
  rmSync(old, { force: true });
  linkSync(file, old);
  renameSync(copy, file);
  syncFolder(dirname(file));
  for (const side of ['-wal', '-shm', '-journal']) rmSync(file + side, { force: true });
  if (replacedIsEncrypted) rmSync(old, { force: true });
  else shred(old);
}

/** Overwrites a file with zeros, syncs, and removes it: a plain library does not linger in its blocks. */
function shred(file: string): void {
  const size = statSync(file).size;
  const zeros = Buffer.alloc(Math.min(size, 1 << 20));
  const fd = openSync(file, 'r+');
  try {
    for (let at = 0; at < size; at += zeros.length) writeSync(fd, zeros, 0, Math.min(zeros.length, size - at), at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  rmSync(file);
}

function removeWithSideFiles(file: string): void {
  for (const side of ['', '-wal', '-shm', '-journal']) rmSync(file + side, { force: true });
}

function stopIfAborted(signal: AbortSignal | undefined, copy: string): void {
  if (!signal?.aborted) return;
  removeWithSideFiles(copy);
  throw new DatelineError('CANCELLED', 'Stopped before the swap; the library was left as it was.');
}
