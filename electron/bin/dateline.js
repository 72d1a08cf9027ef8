#!/usr/bin/env node
// Starts the TypeScript CLI under Node's built-in type stripping. Node 22.18+ strips types
// by default; older Node 22 releases need the flag, so the CLI is re-run with it there.
import { spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import module from 'node:module';

const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));

/**
 * Where Node keeps the compiled code of the CLI's modules between runs. Stripping the types
 * of some 150 modules and compiling them is most of a command's start; with the cache a
 * `dateline list` starts in half the time. A folder of the user's own, not the shared temp
 * folder, since whoever can write there can change the code that runs.
 */
function compileCacheFolder() {
  const home = homedir();
  if (process.platform === 'win32') return join(process.env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'Dateline', 'compile-cache');
  if (process.platform === 'darwin') return join(home, 'Library', 'Caches', 'Dateline', 'compile-cache');
  return join(process.env.XDG_CACHE_HOME || join(home, '.cache'), 'dateline', 'compile-cache');
}

if (process.features.typescript) {
  // A cache that cannot be written (a read-only home) only means a slower start.
  if (!process.env.NODE_COMPILE_CACHE) module.enableCompileCache?.(compileCacheFolder());
  const { runCli } = await import(cli);
  process.exitCode = await runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
} else {
  const self = fileURLToPath(import.meta.url);
  const result = spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', self, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exitCode = result.status ?? 1;
}
