import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import electronPackage from 'electron/package.json' with { type: 'json' };
import allowList from './electronegativity-allowlist.json' with { type: 'json' };

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SHIM = fileURLToPath(new URL('./electronegativity-offline.cjs', import.meta.url));

interface Finding {
  check: string;
  file: string;
  line: number;
}

/** Electronegativity over what ships: the built main, preload and renderer, HTML included. */
function scan(): Finding[] {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-electronegativity-'));
  try {
    const report = join(dir, 'report.sarif');
    const cli = require.resolve('@doyensec/electronegativity/dist/index.js');
    execFileSync(process.execPath, ['--require', SHIM, cli, '-i', 'out', '-e', electronPackage.version, '-r', '-o', report], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    const sarif = JSON.parse(readFileSync(report, 'utf8')) as {
      runs: {
        results: {
          ruleId: string;
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
        }[];
      }[];
    };
    return sarif.runs[0]!.results.map((result) => ({
      check: result.ruleId,
      file: result.locations[0]!.physicalLocation.artifactLocation.uri,
      line: result.locations[0]!.physicalLocation.region.startLine,
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('Electronegativity', () => {
  const findings = scan();
  const allowed = (finding: Finding) => allowList.some((entry) => entry.check === finding.check && entry.file === finding.file);

  it('finds nothing that the reviewed allow-list does not justify', () => {
    expect(findings.filter((finding) => !allowed(finding))).toEqual([]);
  });

  it('has a reason for every allow-list entry, and no entry that no longer matches anything', () => {
    for (const entry of allowList) {
      expect(entry.reason.length, `${entry.check} needs a reason`).toBeGreaterThan(40);
      expect(
        findings.some((finding) => finding.check === entry.check && finding.file === entry.file),
        `${entry.check} in ${entry.file} is stale`,
      ).toBe(true);
    }
  });

  it('examined the main process and the page', () => {
    // The allow-listed findings prove each part was parsed; a scan of nothing finds nothing.
    expect(new Set(findings.map((finding) => finding.file))).toEqual(new Set(['main/main.js', 'renderer/index.html']));
  });
});
