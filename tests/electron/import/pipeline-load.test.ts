import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The npm packages a fresh Node process loads to import `module`. */
function packagesLoadedBy(module: string): string[] {
  const script = `
    const { registerHooks } = await import('node:module');
    const seen = new Set();
    registerHooks({
      load(url, context, next) {
        const match = /node_modules\\/((@[^/]+\\/)?[^/]+)/.exec(url);
        if (match) seen.add(match[1]);
        return next(url, context);
      },
    });
    await import(${JSON.stringify(module)});
    process.stdout.write(JSON.stringify([...seen]));`;
  const result = spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', '--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as string[];
}

describe('the thread that stores imports', () => {
  it('regression: loads none of the parsers, which run in the import worker (some 45 MB held for nothing)', () => {
    const loaded = packagesLoadedBy('./electron/import/pipeline.ts');
    for (const parser of [
      'linkedom',
      '@mozilla/readability',
      'dompurify',
      'jsdom',
      'mammoth',
      'marked',
      'csv-parse',
      'fflate',
      'entities',
    ]) {
      expect(loaded).not.toContain(parser);
    }
  });
});
