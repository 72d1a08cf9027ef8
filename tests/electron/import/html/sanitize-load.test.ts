import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Which of jsdom's files a fresh Node process has loaded after running `script`. */
function jsdomLoadedAfter(script: string): boolean {
  const result = spawnSync(
    process.execPath,
    [
      '--experimental-strip-types',
      '--no-warnings',
      '--input-type=module',
      '-e',
      `${script}
       const { createRequire } = await import('node:module');
       const cache = createRequire(import.meta.url).cache;
       process.stdout.write(String(Object.keys(cache).some((path) => path.includes('/node_modules/jsdom/'))));`,
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  expect(result.stderr).toBe('');
  return result.stdout === 'true';
}

describe('the sanitizer’s DOM', () => {
  it('regression: the import worker starts without loading jsdom (half a second and 90 MB before its first job)', () => {
    expect(jsdomLoadedAfter("await import('./electron/import/worker/worker.ts');")).toBe(false);
  });

  it('is loaded by the first page sanitized, and sanitizes it', () => {
    const script = `const { sanitizeForLibrary } = await import('./electron/import/html/sanitize.ts');
      if (sanitizeForLibrary('<p onclick="x()">Hi<script>x()</script></p>') !== '<p>Hi</p>') throw new Error('not sanitized');`;
    expect(jsdomLoadedAfter(script)).toBe(true);
  });
});
