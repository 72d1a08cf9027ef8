import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFolder, listBackups, restoreBackup, restoreOverDamaged, writeBackup } from '../../../electron/library/backups.ts';
import { hasPlainHeader, heldKeyFor, openSqlite } from '../../../electron/library/cipher.ts';
import { createDraft } from '../../../electron/library/drafts.ts';
import { changePassphrase, decryptLibrary, encryptLibrary, finishInterruptedConversion } from '../../../electron/library/encryption.ts';
import { Library } from '../../../electron/library/library.ts';
import {
  isEncryptedLibrary,
  keyFromRecoveryKey,
  keysFileOf,
  lockLibrary,
  recoveryKeyOf,
  unlockAtStart,
  unlockLibrary,
} from '../../../electron/library/library-keys.ts';
import { Searcher } from '../../../electron/library/searcher.ts';
import { openCheckedLibrary } from '../../../electron/library/startup.ts';
import { tempDir } from '../../helpers/temp.ts';
import { searchArticles, searchQuery } from '../../helpers/queries.ts';

const PASSPHRASE = 'correct horse battery staple';
const SECRET = 'quislingmarmalade';

let opened: Library[] = [];
const files: string[] = [];
afterEach(() => {
  for (const library of opened) library.close();
  opened = [];
  for (const file of files.splice(0)) lockLibrary(file);
});

/** A closed plain library with `count` drafts naming the secret word, and one backup of it. */
async function plainLibrary(count = 3): Promise<string> {
  const file = join(tempDir(), 'library.sqlite');
  files.push(file);
  const library = Library.open(file);
  for (let i = 0; i < count; i++)
    createDraft(library, { title: `Source ${i}`, dek: `Met ${SECRET}${i} at the harbour.`, editorNote: `Call ${SECRET} back.` });
  await writeBackup(library.db, backupFolder(file), 'manual');
  library.close();
  return file;
}

/** Every byte of every file in the library's folder, its backups included. */
function folderBytes(file: string): Buffer {
  const folder = join(file, '..');
  const all: Buffer[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else all.push(readFileSync(join(dir, entry.name)));
    }
  };
  walk(folder);
  return Buffer.concat(all);
}

function open(file: string): Library {
  const library = Library.open(file);
  opened.push(library);
  return library;
}

describe('an encrypted library', () => {
  it('leaves no word of it readable in any file of its folder, backups included', async () => {
    const file = await plainLibrary();
    expect(folderBytes(file).includes(SECRET)).toBe(true);
    const { backups } = await encryptLibrary(file, PASSPHRASE);
    lockLibrary(file);
    expect(backups).toBe(1);
    expect(hasPlainHeader(file)).toBe(false);
    expect(isEncryptedLibrary(file)).toBe(true);
    expect(folderBytes(file).includes(SECRET)).toBe(false);
    expect(readdirSync(join(file, '..')).sort()).toEqual(['Backups', 'library.sqlite', 'library.sqlite.keys.json']);
  });

  it('is refused without its key, with the reason, and the file is left untouched', async () => {
    const file = await plainLibrary();
    await encryptLibrary(file, PASSPHRASE);
    lockLibrary(file);
    const before = readFileSync(file);
    await expect(openCheckedLibrary(file)).rejects.toMatchObject({ code: 'LIBRARY_LOCKED' });
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('opens with its passphrase or its recovery key, and searches in the worker', async () => {
    const file = await plainLibrary();
    const { recoveryKey } = await encryptLibrary(file, PASSPHRASE);
    lockLibrary(file);
    expect(() => unlockLibrary(file, { passphrase: 'not the passphrase' })).toThrow(expect.objectContaining({ code: 'WRONG_PASSPHRASE' }));
    unlockLibrary(file, { passphrase: PASSPHRASE });
    const library = await openCheckedLibrary(file);
    opened.push(library);
    expect(searchArticles(library, { query: `${SECRET}1` }).total).toBe(1);
    const searcher = new Searcher(library);
    try {
      expect((await searcher.search(searchQuery({ query: `${SECRET}2` }))).total).toBe(1);
    } finally {
      await searcher.close();
    }
    library.close();
    lockLibrary(file);
    // The recovery key is the data key: it opens the library even with its keys file gone.
    rmSync(keysFileOf(file));
    unlockLibrary(file, { recoveryKey: recoveryKey.toLowerCase().replaceAll('-', ' ') });
    const recovered = openSqlite(file, { readonly: true });
    expect((recovered.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n).toBe(3);
    recovered.close();
  });

  it('changes its passphrase by rewriting only the keys file', async () => {
    const file = await plainLibrary();
    await encryptLibrary(file, PASSPHRASE);
    const before = readFileSync(file);
    changePassphrase(file, { passphrase: PASSPHRASE }, 'a new and longer passphrase');
    lockLibrary(file);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(() => unlockLibrary(file, { passphrase: PASSPHRASE })).toThrow(expect.objectContaining({ code: 'WRONG_PASSPHRASE' }));
    expect(() => unlockLibrary(file, { passphrase: 'a new and longer passphrase' })).not.toThrow();
  });

  it('writes its backups encrypted and restores them, while open and over a damaged file', async () => {
    const file = await plainLibrary();
    await encryptLibrary(file, PASSPHRASE);
    const library = open(file);
    const folder = backupFolder(file);
    const backup = await writeBackup(library.db, folder, 'manual');
    expect(hasPlainHeader(join(folder, backup.name))).toBe(false);
    expect(backup.articles).toBe(3);
    createDraft(library, { title: 'Later', editorNote: 'written after the backup' });
    await restoreBackup(library, folder, backup.name, 10);
    expect(library.statement<{ n: number }>('SELECT count(*) AS n FROM articles').get()!.n).toBe(3);
    library.close();
    writeFileSync(file, Buffer.alloc(8192, 7));
    const { restored } = await restoreOverDamaged(file, folder, backup.name);
    expect(restored.name).toBe(backup.name);
    const again = open(file);
    expect(again.statement<{ n: number }>('SELECT count(*) AS n FROM articles').get()!.n).toBe(3);
    expect((await listBackups(folder)).every((info) => info.problem === null)).toBe(true);
  });

  it('turns plain again with its backups, and then needs no key', async () => {
    const file = await plainLibrary();
    await encryptLibrary(file, PASSPHRASE);
    lockLibrary(file);
    await decryptLibrary(file, { passphrase: PASSPHRASE });
    expect(heldKeyFor(file)).toBeUndefined();
    expect(existsSync(keysFileOf(file))).toBe(false);
    expect(hasPlainHeader(file)).toBe(true);
    expect((await listBackups(backupFolder(file))).map((info) => info.articles)).toEqual([3]);
    expect(open(file).statement<{ n: number }>('SELECT count(*) AS n FROM articles').get()!.n).toBe(3);
  });

  it('is not converted while another connection has it open, and nothing changes', async () => {
    const file = await plainLibrary();
    const library = open(file);
    await expect(encryptLibrary(file, PASSPHRASE)).rejects.toMatchObject({ code: 'BUSY' });
    expect(hasPlainHeader(file)).toBe(true);
    expect(existsSync(keysFileOf(file))).toBe(false);
    expect(library.statement<{ n: number }>('SELECT count(*) AS n FROM articles').get()!.n).toBe(3);
  });

  it('stays plain and whole when the conversion is stopped before the swap', async () => {
    const file = await plainLibrary();
    const controller = new AbortController();
    const encrypting = encryptLibrary(file, PASSPHRASE, {
      signal: controller.signal,
      onProgress: (step) => step === 'converting' && controller.abort(),
    });
    await expect(encrypting).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(hasPlainHeader(file)).toBe(true);
    expect(readdirSync(join(file, '..')).sort()).toEqual(['Backups', 'library.sqlite']);
    expect(open(file).statement<{ n: number }>('SELECT count(*) AS n FROM articles').get()!.n).toBe(3);
  });

  it('clears what a conversion cut short left behind, overwriting a replaced plain file', async () => {
    const file = await plainLibrary();
    writeFileSync(`${file}.encrypting`, 'half a copy');
    writeFileSync(`${file}.replaced`, `the old plain library ${SECRET}`);
    finishInterruptedConversion(file);
    expect(readdirSync(join(file, '..')).sort()).toEqual(['Backups', 'library.sqlite']);
  });

  it('refuses a short passphrase and a mistyped recovery key with a sentence', async () => {
    const file = await plainLibrary();
    await expect(encryptLibrary(file, 'short')).rejects.toThrow('at least 8 characters');
    await encryptLibrary(file, PASSPHRASE);
    lockLibrary(file);
    expect(() => unlockLibrary(file, { recoveryKey: 'ABCD-EFGH' })).toThrow('52 letters and digits');
    const other = recoveryKeyOf(Buffer.alloc(32, 1));
    expect(() => unlockLibrary(file, { recoveryKey: other })).toThrow('not this library');
  });

  it('writes a recovery key that reads back as the same key', () => {
    const key = Buffer.from('00ff10ef2233445566778899aabbccddeeff00112233445566778899aabbccdd', 'hex');
    const written = recoveryKeyOf(key);
    expect(written).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){12}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(Buffer.from(keyFromRecoveryKey(written)!).equals(key)).toBe(true);
    expect(Buffer.from(keyFromRecoveryKey(written.replaceAll('1', 'l').replaceAll('0', 'o'))!).equals(key)).toBe(true);
  });

  it('regression: DATELINE_PASSPHRASE is gone from the environment once read, so no process started later inherits it', async () => {
    const file = await plainLibrary();
    await encryptLibrary(file, PASSPHRASE);
    lockLibrary(file);
    process.env.DATELINE_PASSPHRASE = PASSPHRASE;
    try {
      await unlockAtStart(file);
      expect(heldKeyFor(file)).toBeDefined();
      expect(process.env.DATELINE_PASSPHRASE).toBeUndefined();
    } finally {
      delete process.env.DATELINE_PASSPHRASE;
    }
  });
});
