import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCrashCycles } from '../../crash/harness.ts';
import { tempDir } from '../../helpers/temp.ts';

/** `npm run soak` runs the same harness for many more cycles. */
const CYCLES = 200;

describe('crash safety', () => {
  it(`survives ${CYCLES} SIGKILLs at random moments: intact, every acknowledged write there, nothing half-written`, async () => {
    const report = await runCrashCycles(join(tempDir(), 'library.sqlite'), CYCLES, 7);
    expect(report.cycles).toBe(CYCLES);
    // The kills must land among writes, not only before them, for the cycles to prove anything.
    expect(report.acknowledged).toBeGreaterThan(CYCLES);
    expect(report.killedWhileOpening).toBeGreaterThan(0);
    console.log(
      `crash safety: ${report.cycles} cycles, ${report.acknowledged} acknowledged writes found, ${report.inFlightCommitted} in-flight writes found whole`,
    );
  }, 600_000);
});
