import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasPlainHeader } from '../../electron/library/cipher.ts';
import { KURSK_FIXTURE, tempDir } from '../helpers/temp.ts';

const BIN = fileURLToPath(new URL('../../electron/bin/dateline.js', import.meta.url));
const KURSK = fileURLToPath(KURSK_FIXTURE);
const PASSPHRASE = 'a passphrase for the desk';

/** The real `dateline` command in its own process, with no terminal: secrets come from its environment. */
function dateline(library: string, env: Record<string, string>, ...args: string[]) {
  const { DATELINE_PASSPHRASE: _unused, DATELINE_NEW_PASSPHRASE: _unusedToo, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [BIN, '--library', library, ...args], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function everyFileOf(folder: string): Buffer {
  return Buffer.concat(
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? [everyFileOf(join(folder, entry.name))] : [readFileSync(join(folder, entry.name))],
    ),
  );
}

describe('dateline encrypt, decrypt and rekey', { timeout: 180_000 }, () => {
  it('encrypt a library, open it only with its passphrase or recovery key, change it, and decrypt it', () => {
    const folder = tempDir();
    const library = join(folder, 'library.sqlite');
    expect(dateline(library, {}, 'import', KURSK).status).toBe(0);
    expect(dateline(library, {}, 'backup').status).toBe(0);
    expect(everyFileOf(folder).includes('Kursk')).toBe(true);

    const encrypted = dateline(library, { DATELINE_NEW_PASSPHRASE: PASSPHRASE }, 'encrypt', '--json');
    expect(encrypted.status, encrypted.stderr).toBe(0);
    const { recoveryKey, backups } = JSON.parse(encrypted.stdout);
    expect(backups).toBe(1);
    expect(recoveryKey).toMatch(/^(\w{4}-){12}\w{4}$/);
    expect(hasPlainHeader(library)).toBe(false);
    expect(everyFileOf(folder).includes('Kursk')).toBe(false);

    const locked = dateline(library, {}, 'list');
    expect(locked.status).toBe(1);
    expect(locked.stderr).toContain('is encrypted');
    expect(locked.stderr).toContain('DATELINE_PASSPHRASE');
    const wrong = dateline(library, { DATELINE_PASSPHRASE: 'not the passphrase' }, 'list');
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('does not unlock this library');

    const unlocked = { DATELINE_PASSPHRASE: PASSPHRASE };
    expect(JSON.parse(dateline(library, unlocked, 'list', '--json').stdout).total).toBe(1);
    expect(JSON.parse(dateline(library, unlocked, 'search', 'kursk', '--json').stdout).total).toBe(1);
    expect(JSON.parse(dateline(library, unlocked, 'check', '--json').stdout)).toMatchObject({ ok: true });
    expect(dateline(library, unlocked, 'backup').status).toBe(0);
    const listed = JSON.parse(dateline(library, unlocked, 'backups', '--json').stdout);
    expect(listed.backups.map((backup: { articles: number }) => backup.articles)).toEqual([1, 1]);
    expect(everyFileOf(folder).includes('Kursk')).toBe(false);

    const rekeyed = dateline(library, { ...unlocked, DATELINE_NEW_PASSPHRASE: 'the new passphrase' }, 'rekey');
    expect(rekeyed.status, rekeyed.stderr).toBe(0);
    expect(dateline(library, unlocked, 'list').status).toBe(1);
    expect(dateline(library, { DATELINE_PASSPHRASE: 'the new passphrase' }, 'list').status).toBe(0);

    // The recovery key is taken where the passphrase is.
    const decrypted = dateline(library, { DATELINE_PASSPHRASE: recoveryKey }, 'decrypt');
    expect(decrypted.status, decrypted.stderr).toBe(0);
    expect(hasPlainHeader(library)).toBe(true);
    expect(existsSync(`${library}.keys.json`)).toBe(false);
    expect(JSON.parse(dateline(library, {}, 'list', '--json').stdout).total).toBe(1);
    expect(JSON.parse(dateline(library, {}, 'backups', '--json').stdout).backups).toHaveLength(2);
  });

  it('regression: a library whose keys file was lost opens with its recovery key, and says how', () => {
    const library = join(tempDir(), 'library.sqlite');
    expect(dateline(library, {}, 'import', KURSK).status).toBe(0);
    const { recoveryKey } = JSON.parse(dateline(library, { DATELINE_NEW_PASSPHRASE: PASSPHRASE }, 'encrypt', '--json').stdout);
    rmSync(`${library}.keys.json`);
    const lost = dateline(library, {}, 'list');
    expect(lost.status).toBe(1);
    expect(lost.stderr).toContain('recovery key in DATELINE_PASSPHRASE');
    expect(JSON.parse(dateline(library, { DATELINE_PASSPHRASE: recoveryKey }, 'list', '--json').stdout).total).toBe(1);
    // A new passphrase writes a new keys file; decrypting needs no keys file either.
    const rekeyed = dateline(library, { DATELINE_PASSPHRASE: recoveryKey, DATELINE_NEW_PASSPHRASE: 'a brand new passphrase' }, 'rekey');
    expect(rekeyed.status, rekeyed.stderr).toBe(0);
    expect(JSON.parse(dateline(library, { DATELINE_PASSPHRASE: 'a brand new passphrase' }, 'list', '--json').stdout).total).toBe(1);
    rmSync(`${library}.keys.json`);
    const decrypted = dateline(library, { DATELINE_PASSPHRASE: recoveryKey }, 'decrypt');
    expect(decrypted.status, decrypted.stderr).toBe(0);
    expect(hasPlainHeader(library)).toBe(true);
  });

  it('asks for a new passphrase rather than encrypting with none when there is no terminal', () => {
    const library = join(tempDir(), 'library.sqlite');
    expect(dateline(library, {}, 'import', KURSK).status).toBe(0);
    const refused = dateline(library, {}, 'encrypt');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('DATELINE_NEW_PASSPHRASE');
    expect(hasPlainHeader(library)).toBe(true);
    const short = dateline(library, { DATELINE_NEW_PASSPHRASE: 'short' }, 'encrypt');
    expect(short.status).toBe(1);
    expect(short.stderr).toContain('at least 8 characters');
  });
});
