/**
 * `npm run soak`: many more crash cycles than `npm test` runs (CRASH_CYCLES, default 2,000).
 * Cycles run in rounds of 200, each on a fresh library: checking every write ever made after
 * each kill grows with the library, and 2,000 cycles on one file spent most of their time
 * re-reading old writes instead of killing new ones. A line per round shows progress.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCrashCycles, type CrashReport } from './harness.ts';

const ROUND = 200;
const cycles = Number(process.env.CRASH_CYCLES ?? 2000);
const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);
const dir = mkdtempSync(join(tmpdir(), 'dateline-soak-'));
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(0);
const total: CrashReport = { cycles: 0, acknowledged: 0, inFlightCommitted: 0, killedWhileOpening: 0 };
try {
  for (let round = 0; total.cycles < cycles; round += 1) {
    const report = await runCrashCycles(join(dir, `library-${round}.sqlite`), Math.min(ROUND, cycles - total.cycles), seed + round * 7919);
    for (const key of Object.keys(total) as (keyof CrashReport)[]) total[key] += report[key];
    console.log(`${total.cycles} of ${cycles} cycles survived (${seconds()} s)`);
  }
  console.log(
    `${total.cycles} SIGKILL cycles survived in ${seconds()} s (seed ${seed}): ${total.acknowledged} acknowledged writes all found, ${total.inFlightCommitted} writes in flight found whole, ${total.killedWhileOpening} kills while opening; nothing lost, nothing half-written.`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
