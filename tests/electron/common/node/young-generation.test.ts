import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const MB = 1024 * 1024;

/**
 * The young generation's size in a fresh Node process before and after an import-like
 * workload: a stream of objects of which the last few thousand stay alive a while, as the
 * articles parsed ahead do.
 */
function youngGenerationAround(setUp: string): { before: number; after: number } {
  const script = `${setUp}
    const { getHeapSpaceStatistics } = await import('node:v8');
    const newSpace = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size;
    const before = newSpace();
    let after = before;
    const waiting = new Array(20_000);
    for (let i = 0; i < 1_000_000; i += 1) {
      waiting[i % waiting.length] = { title: 'Story ' + i, body: 'x'.repeat(200) + i };
      if (i % 10_000 === 0) after = Math.max(after, newSpace());
    }
    process.stdout.write(JSON.stringify({ before, after }));`;
  const result = spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', '--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as { before: number; after: number };
}

describe('the young generation', () => {
  it('grows under an import-like load when left alone (what the setting is for)', () => {
    expect(youngGenerationAround('').after).toBeGreaterThan(16 * MB);
  });

  it('regression: stays within 16 MB once kept small (an import peaked at 712 MB with it grown)', () => {
    const setUp = `const { keepYoungGenerationSmall } = await import('./electron/common/node/young-generation.ts');
      keepYoungGenerationSmall();`;
    expect(youngGenerationAround(setUp).after).toBeLessThanOrEqual(16 * MB);
  });
});
