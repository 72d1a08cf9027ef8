import yaml from 'js-yaml';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url);
const text = readFileSync(new URL('.github/workflows/release.yml', ROOT), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a YAML file read field by field; each test checks what it reads
const workflow = yaml.load(text) as Record<string, any>;
const readme = readFileSync(new URL('README.md', ROOT), 'utf8');

describe('the release workflow', () => {
  it('tests, then builds on macOS, Windows and Linux runners, then publishes', () => {
    expect(Object.keys(workflow.jobs)).toEqual(['test', 'build', 'publish']);
    expect(workflow.jobs.build.needs).toBe('test');
    expect(workflow.jobs.publish.needs).toBe('build');
    const runners = (workflow.jobs.build.strategy.matrix.include as { os: string }[]).map((entry) => entry.os);
    expect(runners).toEqual(['macos-latest', 'windows-latest', 'ubuntu-latest']);
    expect(workflow.on.push.tags).toEqual(['v*']);
  });

  it('builds with electron-builder and never publishes from the build step', () => {
    const steps = workflow.jobs.build.steps as { run?: string }[];
    expect(steps.some((step) => step.run?.includes('npx electron-builder ${{ matrix.target }} --publish never'))).toBe(true);
    expect(steps.some((step) => step.run?.includes('codesign --verify'))).toBe(true);
  });

  it('signs every update manifest before anything is published', () => {
    const steps = workflow.jobs.publish.steps as { name?: string; run?: string; env?: Record<string, string> }[];
    const signing = steps.findIndex((step) => step.run?.includes('npm run sign-update -- release/latest*.yml'));
    expect(signing).toBeGreaterThan(-1);
    expect(steps[signing]!.env?.UPDATE_SIGNING_KEY).toBe('${{ secrets.UPDATE_SIGNING_KEY }}');
    const publishing = steps.findIndex((step) => step.run?.includes('gh release create'));
    expect(signing).toBeLessThan(publishing);
  });

  it('names only secrets and variables that the README explains', () => {
    const names = new Set([...text.matchAll(/\b(?:secrets|vars)\.([A-Z0-9_]+)/g)].map((match) => match[1]!));
    expect(names.size).toBeGreaterThan(10);
    for (const name of names) expect(readme, `${name} is not in the README`).toContain(name);
  });
});
