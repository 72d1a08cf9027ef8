import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layering rules of .dependency-cruiser.cjs, run on a tree of deliberate violations:
 * each rule must fire on the file named after it, and on nothing else. A rule whose paths
 * stopped matching (a folder renamed, a typo in a pattern) would pass the real tree
 * silently; here it fails.
 */

const require = createRequire(import.meta.url);
const FIXTURES = 'tests/guards/fixtures/layering';
const config = require('../../.dependency-cruiser.cjs') as { forbidden: { name: string }[] };

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

function cruise(...targets: string[]): Violation[] {
  // The package's own name for its command, so an upgrade that renames the file still runs.
  const manifest = 'node_modules/dependency-cruiser/package.json';
  const bin = join(
    'node_modules/dependency-cruiser',
    (JSON.parse(readFileSync(manifest, 'utf8')) as { bin: { depcruise: string } }).bin.depcruise,
  );
  let output: string;
  try {
    output = execFileSync(process.execPath, [bin, ...targets, '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    // Violations make it exit non-zero; the report is still on stdout.
    output = (error as { stdout: string }).stdout;
  }
  return (JSON.parse(output) as { summary: { violations: Violation[] } }).summary.violations;
}

describe('layering rules', () => {
  const violations = cruise(FIXTURES);

  it.each(config.forbidden.map((rule) => rule.name))('%s fires on its fixture', (name) => {
    const fired = violations.filter((violation) => violation.rule.name === name);
    expect(fired.length).toBeGreaterThan(0);
    for (const violation of fired) expect(basename(violation.from)).toMatch(new RegExp(`^${name}(-[ab])?\\.tsx?$`));
  });

  it('lets a Lexical node and its own view name each other', () => {
    expect(violations.filter((violation) => violation.from.includes('/editor/nodes/'))).toEqual([]);
  });

  it('finds no violation in the app itself', () => {
    expect(
      cruise('electron', 'renderer', 'extension').map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`),
    ).toEqual([]);
  });
});
