import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

/**
 * `npm test`: the type-check, the static checks (`npm run lint`, one by one), the unit and
 * integration suite (vitest) and the end-to-end suite (Playwright in Chromium), run one after another whatever the earlier ones gave,
 * then one closing line that sums them all.
 */

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const RESULTS = 'test-results';

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson(path: string): unknown {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

function typecheck(): Tally {
  console.log('\n== Type-check ==');
  const status = run('npm', ['run', '--silent', 'typecheck']);
  return { passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1, skipped: 0 };
}

/**
 * Each static check of `npm run lint` (the linter, the formatter, the layers, knip) on its
 * own line of the tally, all run even when one fails. The list is the script's own.
 */
function lint(): Tally {
  console.log('\n== Lint (ESLint, Prettier, layering, unused code) ==');
  const script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { lint: string } }).scripts.lint;
  const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
  for (const command of script.split(' && ')) {
    console.log(`-- ${command}`);
    const [tool, ...args] = command.split(' ');
    if (run('npx', [tool!, ...args]) === 0) tally.passed += 1;
    else tally.failed += 1;
  }
  return tally;
}

function unit(): Tally {
  console.log('\n== Unit and integration tests (vitest) ==');
  const output = `${RESULTS}/unit.json`;
  const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${output}`]);
  const report = readJson(output) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  } | null;
  if (!report) return { passed: 0, failed: 1, skipped: 0 };
  // A suite that failed to load has no failed tests but a non-zero exit: count it.
  const failed = report.numFailedTests || (status === 0 ? 0 : 1);
  return { passed: report.numPassedTests, failed, skipped: report.numPendingTests + report.numTodoTests };
}

function endToEnd(): Tally {
  console.log('\n== End-to-end tests (Playwright, Chromium) ==');
  const output = `${RESULTS}/e2e.json`;
  // The unit suite has just built the app.
  const status = run('npx', ['playwright', 'test'], { DATELINE_SKIP_BUILD: '1' });
  const report = readJson(output) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    errors?: unknown[];
  } | null;
  if (!report) return { passed: 0, failed: 1, skipped: 0 };
  for (const reason of skipReasons(report)) console.log(`skipped: ${reason}`);
  const { expected, unexpected, flaky, skipped } = report.stats;
  const failed = unexpected + flaky || (status === 0 ? 0 : 1);
  return { passed: expected, failed, skipped };
}

interface PlaywrightSuite {
  title: string;
  specs?: { title: string; tests: { status: string; annotations?: { type: string; description?: string }[] }[] }[];
  suites?: PlaywrightSuite[];
}

/** Every skipped end-to-end test with the reason it gave, so a skip is never silent. */
function skipReasons(report: unknown): string[] {
  const walk = (suite: PlaywrightSuite): string[] => [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests
        .filter((t) => t.status === 'skipped')
        .map((t) => `${spec.title}: ${t.annotations?.find((a) => a.type === 'skip')?.description ?? 'no reason given'}`),
    ),
    ...(suite.suites ?? []).flatMap(walk),
  ];
  return ((report as { suites?: PlaywrightSuite[] }).suites ?? []).flatMap(walk);
}

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

const suites: [string, Tally][] = [
  ['type-check', typecheck()],
  ['lint', lint()],
  ['unit and integration', unit()],
  ['end-to-end', endToEnd()],
];

console.log('\n== Summary ==');
for (const [name, tally] of suites) {
  console.log(`${name}: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
}
const total = suites.reduce(
  (sum, [, tally]) => ({ passed: sum.passed + tally.passed, failed: sum.failed + tally.failed, skipped: sum.skipped + tally.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exitCode = total.failed === 0 ? 0 : 1;
