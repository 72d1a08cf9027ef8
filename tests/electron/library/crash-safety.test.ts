import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hasPlainHeader } from '../../../electron/library/cipher.ts';
import { describe, expect, it } from 'vitest';
import { runCrashCycles } from '../../crash/harness.ts';
import { tempDir } from '../../helpers/temp.ts';

/** `npm run soak` runs the same harness for many more cycles. */
const CYCLES = 200;
/** Fewer on an encrypted library: the cipher is the same code path below the same writes. */
const ENCRYPTED_CYCLES = 60;

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

  it(`survives ${ENCRYPTED_CYCLES} SIGKILLs on an encrypted library, and no write is readable in its files`, async () => {
    const file = join(tempDir(), 'library.sqlite');
    const report = await runCrashCycles(file, ENCRYPTED_CYCLES, 11, { key: randomBytes(32) });
    expect(report.cycles).toBe(ENCRYPTED_CYCLES);
    expect(report.acknowledged).toBeGreaterThan(ENCRYPTED_CYCLES);
    expect(hasPlainHeader(file)).toBe(false);
    for (const name of readdirSync(dirname(file))) {
      const bytes = readFileSync(join(dirname(file), name));
      expect(bytes.includes('import'), name).toBe(false);
      expect(bytes.includes('Draft'), name).toBe(false);
    }
  }, 600_000);
});
