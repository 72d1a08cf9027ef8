/** `npm run soak`: many more crash cycles than `npm test` runs (CRASH_CYCLES, default 2,000). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCrashCycles } from './harness.ts';

const cycles = Number(process.env.CRASH_CYCLES ?? 2000);
const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);
const dir = mkdtempSync(join(tmpdir(), 'dateline-soak-'));
const started = performance.now();
try {
  const report = await runCrashCycles(join(dir, 'library.sqlite'), cycles, seed);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(`${report.cycles} SIGKILL cycles survived in ${seconds} s (seed ${seed}): ${report.acknowledged} acknowledged writes all found, ${report.inFlightCommitted} writes in flight found whole, ${report.killedWhileOpening} kills while opening; nothing lost, nothing half-written.`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
