import Database from 'better-sqlite3-multiple-ciphers';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/library/migrations.ts';
import { tempDir } from '../helpers/temp.ts';

const SERVER = fileURLToPath(new URL('../../electron/server.ts', import.meta.url));

function runServer(library: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--experimental-strip-types', '--no-warnings', SERVER, '--library', library], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // A free capture port: tests side by side (or a Dateline running here) never meet.
    env: { ...process.env, DATELINE_CAPTURE_PORT: '0' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('npm run web', () => {
  it('serves at once while the library is checked, and stops with the reason when the library is from a newer Dateline', async () => {
    const file = join(tempDir(), 'library.sqlite');
    const future = new Database(file);
    future.exec('CREATE TABLE something_new (x)');
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    future.close();
    const before = readFileSync(file);

    const { code, stdout, stderr } = await runServer(file);
    expect(stdout).toMatch(/Checking the library[\s\S]*Dateline is running at http:\/\/127\.0\.0\.1:\d+\//);
    expect(stderr).toMatch(/Cannot open the library .*newer version of Dateline/);
    expect(code).toBe(1);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
