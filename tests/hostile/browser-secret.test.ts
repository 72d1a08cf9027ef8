import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers/temp.ts';

/**
 * Browser mode's way in must not leak to another local user: not through the opener's
 * arguments (readable in /proc/PID/cmdline), the terminal, or the browser's history and
 * session files. Addresses carry one-time codes, exchanged at once for an HttpOnly,
 * SameSite=Strict cookie; the session's secret itself is never in an address.
 */

const SERVER = fileURLToPath(new URL('../../electron/server.ts', import.meta.url));
const running: ChildProcess[] = [];

afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
});

async function startServer(extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const dir = tempDir();
  const child = spawn(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings', SERVER, '--library', join(dir, 'library.sqlite'), ...extraArgs],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DATELINE_POLICY_FILE: '/nonexistent/policy.json', DATELINE_CAPTURE_PORT: '0', ...env },
    },
  );
  running.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const address = await vi.waitFor(
    () => {
      const match = /running at (\S+)/.exec(output);
      if (!match) throw new Error(`not started yet:\n${output}`);
      return new URL(match[1]!);
    },
    { timeout: 15_000, interval: 50 },
  );
  return { address, output: () => output, dir };
}

async function exchange(address: URL | string, cookie?: string) {
  const response = await fetch(address, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  return { status: response.status, location: response.headers.get('location'), setCookie: response.headers.get('set-cookie') };
}

async function call(origin: string, cookie: string | null) {
  const response = await fetch(`${origin}/api/invoke/articles.list`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: '{}',
  });
  return response.status;
}

describe('the address browser mode gives out', () => {
  it('carries a one-time code, exchanged for an HttpOnly, SameSite=Strict cookie, and useless afterwards', async () => {
    const { address, output } = await startServer();
    expect(address.pathname).toBe('/open');
    expect(address.hash).toBe('');

    const first = await exchange(address);
    expect(first).toMatchObject({ status: 303, location: '/' });
    expect(first.setCookie).toMatch(/^dateline-\d+=[0-9a-f]{64}; HttpOnly; SameSite=Strict; Path=\/$/);
    const cookie = first.setCookie!.split(';')[0]!;
    const secret = cookie.split('=')[1]!;
    expect(output()).not.toContain(secret);
    expect(await call(address.origin, cookie)).toBe(200);
    expect(await call(address.origin, null)).toBe(403);

    // Taken from the history or the terminal later, the address opens nothing, and a new one is printed.
    const again = await exchange(address);
    expect(again.status).toBe(403);
    expect(again.setCookie).toBeNull();
    await vi.waitFor(() => expect(output()).toMatch(/this new one opens Dateline once: http:\/\/127\.0\.0\.1:\d+\/open\?code=/));
    // The browser that holds the cookie may open it again (a reload), and stays signed in.
    expect(await exchange(address, cookie)).toMatchObject({ status: 303, location: '/' });
  });

  it('handed to the browser by --open is a code of its own, not the secret', async () => {
    const bin = tempDir();
    const recorded = join(bin, 'argv.txt');
    const opener = join(bin, 'xdg-open');
    writeFileSync(opener, `#!/bin/sh\nprintf '%s' "$*" > '${recorded}'\n`);
    chmodSync(opener, 0o755);
    const { address } = await startServer(['--open'], { PATH: `${bin}:${process.env.PATH}` });
    await vi.waitFor(() => expect(existsSync(recorded) && readFileSync(recorded, 'utf8').length > 0).toBe(true), { timeout: 10_000 });
    const handed = new URL(readFileSync(recorded, 'utf8'));
    expect(handed.pathname).toBe('/open');
    expect(handed.searchParams.get('code')).not.toBe(address.searchParams.get('code'));

    // Whoever reads it from the process list gets one use at most; the browser's goes first.
    const { setCookie } = await exchange(handed);
    const secret = setCookie!.split(';')[0]!.split('=')[1]!;
    expect(handed.href).not.toContain(secret);
    expect((await exchange(handed)).status).toBe(403);
  });
});
