import yaml from 'js-yaml';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const workflow = yaml.load(readFileSync(new URL('../../.github/workflows/ci.yml', import.meta.url), 'utf8')) as {
  on: Record<string, unknown>;
  jobs: Record<string, { steps: { run?: string }[] }>;
};

describe('the CI workflow', () => {
  it('runs .ci/run on every push and pull request', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
    const runs = Object.values(workflow.jobs).flatMap((job) => job.steps.map((step) => step.run));
    expect(runs).toContain('bash .ci/run');
  });
});
