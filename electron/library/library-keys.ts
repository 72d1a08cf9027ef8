import { createCipheriv, createDecipheriv, createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { DatelineError } from '../common/errors.ts';
import { PRIVATE_FILE } from '../common/node/private-files.ts';
import { BACKUP_FOLDER_NAME } from './backups.ts';
import { DATA_KEY_BYTES, hasPlainHeader, heldKeyFor, holdKey, releaseKey, type DataKey } from './cipher.ts';

/**
 * An encrypted library's keys file, kept beside it (`library.sqlite.keys.json`). The library
 * is encrypted with a random data key; the file holds that key only wrapped: by the
 * passphrase (scrypt, then AES-256-GCM) and, on the desktop, by the OS keychain. Changing
 * the passphrase rewrites this small file, never the library. The recovery key is the data
 * key itself, written for a person: it opens the library and its backups even if this file
 * is lost, and it is never stored by Dateline.
 */

const KEYS_SUFFIX = '.keys.json';
const CHECK_LABEL = 'dateline library key check';
/** scrypt at 64 MiB: about a fifth of a second here, and costly to guess at scale. */
const SCRYPT = { N: 2 ** 16, r: 8, p: 1 } as const;
const SCRYPT_MAXMEM = 256 * 1024 * 1024;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const passphraseWrapSchema = z.object({
  by: z.literal('passphrase'),
  kdf: z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: base64 }),
  iv: base64,
  tag: base64,
  wrapped: base64,
});
const keychainWrapSchema = z.object({ by: z.literal('os-keychain'), wrapped: base64 });
const keysFileSchema = z.object({
  format: z.literal('dateline-library-keys'),
  version: z.literal(1),
  cipher: z.literal('sqlcipher-4'),
  check: base64,
  wraps: z.array(z.discriminatedUnion('by', [passphraseWrapSchema, keychainWrapSchema])),
});

export type KeysFile = z.infer<typeof keysFileSchema>;

export function keysFileOf(libraryFile: string): string {
  return libraryFile + KEYS_SUFFIX;
}

/** The folders a library's key opens files in: its own and its backups'. */
export function keyFolders(libraryFile: string): string[] {
  return [dirname(libraryFile), join(dirname(libraryFile), BACKUP_FOLDER_NAME)];
}

/**
 * Whether the library is encrypted: its keys file is there and the library is not a plain
 * database. A plain library beside a keys file is one whose conversion stopped before (or
 * finished after) the swap; it opens plain.
 */
export function isEncryptedLibrary(libraryFile: string): boolean {
  return existsSync(keysFileOf(libraryFile)) && looksEncrypted(libraryFile);
}

/** A library file with contents that is not a plain database: encrypted (its keys file may be lost), or damaged. */
export function looksEncrypted(libraryFile: string): boolean {
  return (statSync(libraryFile, { throwIfNoEntry: false })?.size ?? 0) > 0 && !hasPlainHeader(libraryFile);
}

export function readKeysFile(libraryFile: string): KeysFile {
  const file = keysFileOf(libraryFile);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DatelineError(
      'LIBRARY_LOCKED',
      `The library's keys file ${file} cannot be read (${(error as Error).message}); open it with the recovery key.`,
    );
  }
  const keys = keysFileSchema.safeParse(parsed);
  if (!keys.success) {
    throw new DatelineError('LIBRARY_LOCKED', `The library's keys file ${file} is not one Dateline wrote; open it with the recovery key.`);
  }
  return keys.data;
}

/** Writes the keys file whole or not at all: a new file, synced, renamed over the old one. */
export function writeKeysFile(libraryFile: string, keys: KeysFile): void {
  const file = keysFileOf(libraryFile);
  const partial = `${file}.partial`;
  const fd = openSync(partial, 'w', PRIVATE_FILE);
  try {
    writeSync(fd, `${JSON.stringify(keys, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, file);
  syncFolder(dirname(file));
}

/** Makes a rename in `folder` durable (POSIX; Windows has no directory handles to sync). */
export function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function removeKeysFile(libraryFile: string): void {
  rmSync(keysFileOf(libraryFile), { force: true });
}

export function newDataKey(): DataKey {
  return randomBytes(DATA_KEY_BYTES);
}

function checkOf(key: DataKey): string {
  return createHmac('sha256', key).update(CHECK_LABEL).digest('base64');
}

function isKeyOf(keys: KeysFile, key: DataKey): boolean {
  const expected = Buffer.from(keys.check, 'base64');
  const actual = Buffer.from(checkOf(key), 'base64');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export function passphraseProblem(passphrase: string): string | null {
  if ([...passphrase].length < 8) return 'A passphrase needs at least 8 characters.';
  if (passphrase.length > 1024) return 'A passphrase has at most 1,024 characters.';
  return null;
}

function wrapWithPassphrase(key: DataKey, passphrase: string): z.infer<typeof passphraseWrapSchema> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const wrappingKey = scryptSync(passphrase.normalize('NFC'), salt, 32, { ...SCRYPT, maxmem: SCRYPT_MAXMEM });
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
  const wrapped = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    by: 'passphrase',
    kdf: { name: 'scrypt', ...SCRYPT, salt: salt.toString('base64') },
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrapped: wrapped.toString('base64'),
  };
}

function unwrapWithPassphrase(wrap: z.infer<typeof passphraseWrapSchema>, passphrase: string): DataKey | null {
  const { N, r, p, salt } = wrap.kdf;
  const wrappingKey = scryptSync(passphrase.normalize('NFC'), Buffer.from(salt, 'base64'), 32, { N, r, p, maxmem: SCRYPT_MAXMEM });
  const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(wrap.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(wrap.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(wrap.wrapped, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

/** A new keys file for `key`, unlocked by `passphrase`. */
export function keysFor(key: DataKey, passphrase: string): KeysFile {
  const problem = passphraseProblem(passphrase);
  if (problem) throw new DatelineError('INVALID_INPUT', problem);
  return {
    format: 'dateline-library-keys',
    version: 1,
    cipher: 'sqlcipher-4',
    check: checkOf(key),
    wraps: [wrapWithPassphrase(key, passphrase)],
  };
}

/** The same keys with the passphrase wrap replaced (the keychain's wrap, if any, kept). */
export function withPassphrase(keys: KeysFile, key: DataKey, passphrase: string): KeysFile {
  const problem = passphraseProblem(passphrase);
  if (problem) throw new DatelineError('INVALID_INPUT', problem);
  return { ...keys, wraps: [...keys.wraps.filter((wrap) => wrap.by !== 'passphrase'), wrapWithPassphrase(key, passphrase)] };
}

/**
 * Adds the OS keychain's wrap of the key to the library's keys file, so the desktop app opens
 * it without asking. Best effort: a keychain or disk that refuses leaves the passphrase as the
 * way in, and says why through `log`; it never fails what the person asked for (an encryption
 * whose recovery key must still be shown).
 */
export function keepInKeychain(
  libraryFile: string,
  key: DataKey,
  wrap: (key: DataKey) => Uint8Array,
  log?: (message: string, error?: unknown) => void,
): boolean {
  if (!existsSync(keysFileOf(libraryFile))) return false;
  try {
    writeKeysFile(libraryFile, withKeychainWrap(readKeysFile(libraryFile), wrap(key)));
    return true;
  } catch (error) {
    log?.('the key could not be kept in the keychain', error);
    return false;
  }
}

/** The keys with the OS keychain's wrap of the key set (the desktop app wraps it with safeStorage). */
function withKeychainWrap(keys: KeysFile, wrapped: Uint8Array): KeysFile {
  return {
    ...keys,
    wraps: [
      ...keys.wraps.filter((wrap) => wrap.by !== 'os-keychain'),
      { by: 'os-keychain', wrapped: Buffer.from(wrapped).toString('base64') },
    ],
  };
}

/** The keys with no OS keychain wrap: the app then asks for the passphrase at every start. */
export function withoutKeychainWrap(keys: KeysFile): KeysFile {
  return { ...keys, wraps: keys.wraps.filter((wrap) => wrap.by !== 'os-keychain') };
}

export function keychainWrapOf(keys: KeysFile): Uint8Array | null {
  const wrap = keys.wraps.find((candidate) => candidate.by === 'os-keychain');
  return wrap ? Buffer.from(wrap.wrapped, 'base64') : null;
}

// Crockford's base32: no I, L, O or U, so a key read aloud or copied by hand survives.
const RECOVERY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The data key written for a person: 52 characters in groups of four. */
export function recoveryKeyOf(key: DataKey): string {
  let bits = '';
  for (const byte of key) bits += byte.toString(2).padStart(8, '0');
  bits = bits.padEnd(Math.ceil(bits.length / 5) * 5, '0');
  let text = '';
  for (let at = 0; at < bits.length; at += 5) text += RECOVERY_ALPHABET[parseInt(bits.slice(at, at + 5), 2)];
  return text.match(/.{1,4}/g)!.join('-');
}

/** The data key from a recovery key as a person typed it (any case, spaces or dashes); null if it is not one. */
export function keyFromRecoveryKey(typed: string): DataKey | null {
  const text = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (text.length !== 52 || [...text].some((char) => !RECOVERY_ALPHABET.includes(char))) return null;
  let bits = '';
  for (const char of text) bits += RECOVERY_ALPHABET.indexOf(char).toString(2).padStart(5, '0');
  const key = Buffer.alloc(DATA_KEY_BYTES);
  for (let index = 0; index < DATA_KEY_BYTES; index++) key[index] = parseInt(bits.slice(index * 8, index * 8 + 8), 2);
  return key;
}

/** What unlocks a library: its passphrase, its recovery key, or the key the keychain unwrapped. */
export type Unlock = { passphrase: string } | { recoveryKey: string } | { key: DataKey };

/**
 * The library's data key from what the person gave, checked against the keys file before
 * any database is touched: a wrong passphrase is told as such, never read as damage.
 */
export function dataKeyFor(libraryFile: string, unlock: Unlock): DataKey {
  const recovery = 'recoveryKey' in unlock ? keyFromRecoveryKey(unlock.recoveryKey) : null;
  if ('recoveryKey' in unlock && !recovery) {
    throw new DatelineError('WRONG_PASSPHRASE', 'That is not a recovery key: it has 52 letters and digits in groups of four.');
  }
  // With the keys file lost, the recovery key (or a key held already) is taken as it is: it
  // is the data key, and opening the library checks it.
  if (!existsSync(keysFileOf(libraryFile))) {
    if (recovery) return recovery;
    if ('key' in unlock) return unlock.key;
  }
  const keys = readKeysFile(libraryFile);
  const key = recovery ?? ('key' in unlock ? unlock.key : unwrapPassphrase(keys, (unlock as { passphrase: string }).passphrase));
  if (!key || !isKeyOf(keys, key)) {
    throw new DatelineError(
      'WRONG_PASSPHRASE',
      'recoveryKey' in unlock
        ? 'That recovery key is not this library’s.'
        : 'passphrase' in unlock
          ? 'That passphrase does not unlock this library. Try again, or use the recovery key.'
          : 'The key kept in this computer’s keychain does not unlock this library; give its passphrase or recovery key.',
    );
  }
  return key;
}

function unwrapPassphrase(keys: KeysFile, passphrase: string): DataKey | null {
  const wrap = keys.wraps.find((candidate) => candidate.by === 'passphrase');
  return wrap?.by === 'passphrase' ? unwrapWithPassphrase(wrap, passphrase) : null;
}

/** Checks what the person gave and holds the key for the library and its backups in this process. */
export function unlockLibrary(libraryFile: string, unlock: Unlock): DataKey {
  const key = dataKeyFor(libraryFile, unlock);
  holdKey(key, keyFolders(libraryFile));
  return key;
}

/**
 * What a person typed when asked to unlock: their passphrase, or else their recovery key
 * (the prompt takes either, so nobody needs to know which one they are holding).
 */
export function unlockWithTyped(libraryFile: string, typed: string): DataKey {
  try {
    return unlockLibrary(libraryFile, { passphrase: typed });
  } catch (error) {
    if (!keyFromRecoveryKey(typed)) throw error;
    return unlockLibrary(libraryFile, { recoveryKey: typed });
  }
}

export interface UnlockAtStart {
  env?: NodeJS.ProcessEnv;
  /** Asks the person (hidden input); null when nobody can be asked. */
  ask?: (prompt: string) => Promise<string | null>;
  /** Tells the person why they are asked again. */
  tell?: (message: string) => void;
  /** Unlock by the keys file even if the library itself is plain (to finish a decryption). */
  keysFileAlone?: boolean;
}

const ATTEMPTS = 3;

/**
 * For browser mode and the CLI: an encrypted library is unlocked before it is opened, by
 * DATELINE_PASSPHRASE (for scripts) or by asking at the terminal, three tries. A plain
 * library, or one whose key is held already, needs nothing.
 */
export async function unlockAtStart(
  libraryFile: string,
  { env = process.env, ask, tell, keysFileAlone }: UnlockAtStart = {},
): Promise<void> {
  const given = env.DATELINE_PASSPHRASE;
  // Read once, then gone from the environment every process started from here inherits
  // (a browser opened by `npm run web -- --open`, Electron's renderers).
  if (env === process.env) delete process.env.DATELINE_PASSPHRASE;
  if (heldKeyFor(libraryFile)) return;
  if (
    given &&
    keyFromRecoveryKey(given) &&
    existsSync(libraryFile) &&
    !hasPlainHeader(libraryFile) &&
    !existsSync(keysFileOf(libraryFile))
  ) {
    // The keys file is lost; the recovery key is the key, and opening the library checks it.
    unlockLibrary(libraryFile, { recoveryKey: given });
    return;
  }
  const locked = isEncryptedLibrary(libraryFile) || (keysFileAlone === true && existsSync(keysFileOf(libraryFile)));
  if (!locked) return;
  if (given) {
    unlockWithTyped(libraryFile, given);
    return;
  }
  for (let attempt = 1; ; attempt++) {
    const typed = (await ask?.(`Passphrase or recovery key for ${libraryFile}: `)) ?? null;
    if (typed === null) {
      throw new DatelineError(
        'LIBRARY_LOCKED',
        `The library ${libraryFile} is encrypted. Run this at a terminal to be asked for its passphrase, or set DATELINE_PASSPHRASE.`,
      );
    }
    try {
      unlockWithTyped(libraryFile, typed);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'WRONG_PASSPHRASE' || attempt === ATTEMPTS) throw error;
      tell?.((error as Error).message);
    }
  }
}

export function lockLibrary(libraryFile: string): void {
  releaseKey(keyFolders(libraryFile));
}
