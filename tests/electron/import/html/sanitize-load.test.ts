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

  it('regression: pages sanitized do not stay in memory until the window is renewed (every element with an id held its page)', () => {
    // 150 pages of 200 paragraphs, each a task of its own as in the import worker; the heap
    // that stays after collecting grew by 274 MB with each page kept, and by 2 MB now.
    const script = `const { setFlagsFromString } = await import('node:v8');
      setFlagsFromString('--expose-gc');
      const gc = (await import('node:vm')).runInNewContext('gc');
      const { sanitizeForLibrary } = await import('./electron/import/html/sanitize.ts');
      const page = (i) => '<div id="page-' + i + '"><h1 id="title">Story ' + i + '</h1>' +
        Array.from({ length: 200 }, (_, p) => '<p id="p' + p + '">Paragraph ' + p + ' of story ' + i + ', with <a href="https://news.example/' + p + '">a link</a>.</p>').join('') + '</div>';
      sanitizeForLibrary(page(0));
      gc();
      const before = process.memoryUsage().heapUsed;
      for (let i = 1; i <= 150; i += 1) {
        sanitizeForLibrary(page(i));
        await new Promise((resolve) => setImmediate(resolve));
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      gc();
      process.stdout.write(String(Math.round((process.memoryUsage().heapUsed - before) / 1048576)));`;
    const result = spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', '--input-type=module', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(Number(result.stdout)).toBeLessThan(20);
  });
});
