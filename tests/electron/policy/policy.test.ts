import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveLibraryPath } from '../../../electron/library/location.ts';
import { describeApp } from '../../../electron/policy/app-info.ts';
import { isFeatureEnabled, loadPolicy, policyPath, updatesEnabled } from '../../../electron/policy/policy.ts';
import { tempDir } from '../../helpers/temp.ts';

function policyFile(content: string): string {
  const file = join(tempDir(), 'policy.json');
  writeFileSync(file, content);
  return file;
}

describe('the managed-deployment policy', () => {
  it('lives where each OS keeps machine-wide settings', () => {
    expect(policyPath('linux')).toBe('/etc/dateline/policy.json');
    expect(policyPath('darwin')).toBe('/Library/Application Support/Dateline/policy.json');
    expect(policyPath('win32', { ProgramData: 'D:\\ProgramData' })).toMatch(/^D:\\ProgramData[\\/]Dateline[\\/]policy\.json$/);
  });

  it('is empty when there is no file', () => {
    expect(loadPolicy(join(tempDir(), 'none.json'))).toEqual({ policy: {}, source: null, problem: null });
  });

  it('reads update settings, the library folder and disabled features', () => {
    const file = policyFile(
      JSON.stringify({
        updates: { enabled: true, url: 'https://updates.newsroom.example/dateline' },
        libraryFolder: '/srv/dateline',
        disabledFeatures: ['fetch-urls'],
      }),
    );
    const loaded = loadPolicy(file);
    expect(loaded.problem).toBeNull();
    expect(loaded.policy.updates?.url).toBe('https://updates.newsroom.example/dateline');
    expect(isFeatureEnabled(loaded.policy, 'fetch-urls')).toBe(false);
    expect(isFeatureEnabled(loaded.policy, 'remote-images')).toBe(true);
  });

  it.each([
    ['not JSON', '{updates:', /not valid JSON/],
    ['an unknown key', '{"updatez": {}}', /not valid/],
    ['a plain-http update URL', '{"updates": {"url": "http://updates.example"}}', /https:\/\//],
    ['an unknown feature', '{"disabledFeatures": ["telemetry"]}', /disabledFeatures/],
    ['a desk reached without TLS', '{"desk": {"url": "ws://desk.newsroom.example"}}', /desk\.url: The desk’s address starts with wss:/],
  ])('ignores a file with %s as a whole and says why', (_name, content, problem) => {
    const loaded = loadPolicy(policyFile(content));
    expect(loaded.policy).toEqual({});
    expect(loaded.problem).toMatch(problem);
  });

  it('wins over defaults but not over an explicit choice of library file', () => {
    expect(resolveLibraryPath(undefined, {}, '/srv/dateline')).toBe(join('/srv/dateline', 'library.sqlite'));
    expect(resolveLibraryPath(undefined, { DATELINE_LIBRARY: '/tmp/mine.sqlite' }, '/srv/dateline')).toBe('/tmp/mine.sqlite');
    expect(resolveLibraryPath('/tmp/flag.sqlite', {}, '/srv/dateline')).toBe('/tmp/flag.sqlite');
  });

  it('turns updates off only in a packaged app, and only where it says so', () => {
    expect(updatesEnabled({}, true)).toBe(true);
    expect(updatesEnabled({}, false)).toBe(false);
    expect(updatesEnabled({ updates: { enabled: false } }, true)).toBe(false);
  });

  it('is shown as managed settings in the app', () => {
    const info = describeApp({
      mode: 'desktop',
      version: '1.2.3',
      libraryPath: '/srv/dateline/library.sqlite',
      isPackaged: true,
      loaded: {
        policy: {
          updates: { enabled: false },
          libraryFolder: '/srv/dateline',
          disabledFeatures: ['fetch-urls'],
          intranetHosts: ['wiki.newsroom.internal'],
          security: { requireEncryption: true },
          desk: { url: 'wss://desk.newsroom.example' },
        },
        source: '/etc/dateline/policy.json',
        problem: null,
      },
    });
    expect(info.updates).toEqual({ available: true, enabled: false, url: null, managed: true });
    expect(info.policy).toEqual({
      source: '/etc/dateline/policy.json',
      problem: null,
      libraryFolderManaged: true,
      disabledFeatures: [{ id: 'fetch-urls', label: 'Fetching web pages from a URL' }],
      intranetHosts: ['wiki.newsroom.internal'],
      requireEncryption: true,
      deskUrl: 'wss://desk.newsroom.example',
    });
  });
});
