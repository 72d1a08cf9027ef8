import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from '../../../electron/shell/electron-binary.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURE = join(ROOT, 'tests/fixtures/plain-text/north-korean-troops-kursk.txt');
const binary = findElectronBinary();

test.skip(
  binary === null,
  'Electron binary not installed (it is fetched on first use, and this machine has no network); browser mode covers the same renderer and contract.',
);

async function launch(library: string) {
  const app = await electron.launch({
    executablePath: binary!,
    args: [ROOT, ...(process.env.CI ? ['--no-sandbox'] : [])],
    env: { ...process.env, DATELINE_LIBRARY: library },
  });
  return { app, window: await app.firstWindow() };
}

test('the desktop app imports and reads the fixture, and keeps a draft across a restart', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-electron-'));
  const library = join(dir, 'library.sqlite');
  try {
    let { app, window } = await launch(library);
    expect(await window.evaluate(() => typeof (window as { require?: unknown }).require)).toBe('undefined');
    await window.getByTestId('import-input').setInputFiles(FIXTURE);
    await expect(window.getByText('1 imported')).toBeVisible();
    await window.getByRole('button', { name: 'Close' }).click();
    await window.getByRole('list', { name: 'Article list' }).getByRole('button').first().click();
    await expect(window.getByTestId('reader-body')).not.toContainText('More From Author');

    await window.getByRole('button', { name: 'New draft' }).click();
    await window.getByLabel('Headline').fill('Written on the desktop');
    await window.getByRole('textbox', { name: 'Article body' }).click();
    await window.keyboard.type('Saved before quitting.');
    await expect(window.getByTestId('save-status')).toHaveText('Saved');
    await app.close();

    ({ app, window } = await launch(library));
    await window.getByRole('button', { name: 'Drafts' }).click();
    await window.getByRole('button', { name: /Written on the desktop/ }).click();
    await expect(window.getByRole('textbox', { name: 'Article body' })).toHaveText('Saved before quitting.');
    await app.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
