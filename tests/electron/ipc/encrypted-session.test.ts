import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Library } from '../../../electron/library/library.ts';
import { encryptLibrary } from '../../../electron/library/encryption.ts';
import { lockLibrary, unlockLibrary } from '../../../electron/library/library-keys.ts';
import { tempDir } from '../../helpers/temp.ts';

const WRITER = fileURLToPath(new URL('../../crash/session-writer.ts', import.meta.url));
const PASSPHRASE = 'the desk passphrase';
const MARKER = 'zanzibarquokka';

/** Every file below `folder`, by name. */
function filesBelow(folder: string): { name: string; bytes: Buffer }[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? filesBelow(path) : [{ name: path, bytes: readFileSync(path) }];
  });
}

/** Runs the session writer until it has autosaved a while, then kills it mid-write. */
async function writeThenKill(file: string, encrypted: boolean): Promise<string> {
  const child = spawn(process.execPath, ['--experimental-strip-types', '--no-warnings', WRITER, file, MARKER], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATELINE_PASSPHRASE: encrypted ? PASSPHRASE : '' },
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.once('exit', () => reject(new Error(`The writer stopped by itself: ${errors}`)));
  });
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  return errors;
}

describe('an encrypted library written through the app', { timeout: 120_000 }, () => {
  it('keeps every word of articles, drafts, highlights, notes and autosaves out of its files after a kill', async () => {
    const folder = tempDir();
    const file = join(folder, 'library.sqlite');
    Library.open(file).close();
    await encryptLibrary(file, PASSPHRASE);
    lockLibrary(file);
    await writeThenKill(file, true);
    const files = filesBelow(folder);
    // The database, its WAL and shared memory (the kill left them), the keys file and the backup.
    expect(files.map((entry) => entry.name.slice(folder.length + 1)).sort()).toEqual(
      expect.arrayContaining(['library.sqlite', 'library.sqlite-wal', 'library.sqlite.keys.json', expect.stringMatching(/^Backups\//)]),
    );
    for (const { name, bytes } of files) expect(bytes.includes(MARKER), name).toBe(false);
    // And it was all written: the library reopens with the passphrase and holds it.
    unlockLibrary(file, { passphrase: PASSPHRASE });
    const library = Library.open(file);
    try {
      const rows = library.db.prepare('SELECT count(*) AS n FROM articles WHERE title LIKE ?').get(`%${MARKER}%`) as { n: number };
      expect(rows.n).toBe(2);
      expect(library.db.prepare('SELECT note FROM highlights').pluck().get()).toBe(`Ask the ${MARKER} source again`);
    } finally {
      library.close();
      lockLibrary(file);
    }
  });

  it('would show those words in a plain library (the check above can fail)', async () => {
    const folder = tempDir();
    const file = join(folder, 'library.sqlite');
    Library.open(file).close();
    await writeThenKill(file, false);
    expect(filesBelow(folder).some(({ bytes }) => bytes.includes(MARKER))).toBe(true);
  });
});
