import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { Library } from '../../electron/library/library.ts';
import { describeApp } from '../../electron/policy/app-info.ts';

const cleanups: (() => void)[] = [];

afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A fresh folder on disk, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A real library file in a fresh folder, closed and removed after the test. */
export function tempLibrary(): Library {
  const library = Library.open(join(tempDir(), 'library.sqlite'));
  cleanups.unshift(() => library.close());
  return library;
}

export const FIXTURES = new URL('../fixtures/', import.meta.url);
/** The scraped story from shared/fixtures, kept in the repository so tests run anywhere. */
export const KURSK_FIXTURE = new URL('../fixtures/plain-text/north-korean-troops-kursk.txt', import.meta.url);

/** The app as a test's dispatcher describes it: browser mode, no policy. */
export const testAppInfo = describeApp({
  mode: 'browser',
  version: '0.0.0-test',
  libraryPath: '/tmp/library.sqlite',
  loaded: { policy: {}, source: null, problem: null },
  isPackaged: false,
});
