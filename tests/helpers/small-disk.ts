import { execFileSync } from 'node:child_process';
import { statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { tempDir } from './temp.ts';

const mounted: string[] = [];

afterEach(() => {
  while (mounted.length) execFileSync('umount', [mounted.pop()!]);
});

/**
 * A real, small file system (tmpfs) in a fresh folder, for what happens when the disk fills
 * up. Mounting needs root, as on CI; elsewhere it returns why it could not, to skip with.
 */
export function smallDisk(bytes: number): { dir: string } | { unavailable: string } {
  const dir = tempDir();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    return { unavailable: `a small tmpfs could not be mounted here (${(error as Error).message.split('\n')[0]}); it needs root` };
  }
  mounted.push(dir);
  return { dir };
}

/** Fills the file system holding `dir` until only about `leave` bytes are free. */
export function fillDisk(dir: string, leave: number): string {
  const { bavail, bsize } = statfsSync(dir);
  const filler = join(dir, 'filler');
  writeFileSync(filler, Buffer.alloc(Math.max(0, Number(bavail) * Number(bsize) - leave)));
  return filler;
}
