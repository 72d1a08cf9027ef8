#!/usr/bin/env node
// Starts the TypeScript CLI under Node's built-in type stripping. Node 22.18+ strips types
// by default; older Node 22 releases need the flag, so the CLI is re-run with it there.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));

if (process.features.typescript) {
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
