import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, readerAction, startApp, stopApp, test } from './fixtures.ts';

test('the theme chosen in Settings is applied at once and kept after a reload', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Dark').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(dialog).toContainText(app.libraryPath);
  await expect(dialog).not.toContainText('Managed by your organization');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('settings a newsroom policy manages are shown as managed', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-policy-'));
  const policy = join(dir, 'policy.json');
  writeFileSync(
    policy,
    JSON.stringify({
      updates: { enabled: false },
      libraryFolder: dir,
      disabledFeatures: ['fetch-urls'],
      intranetHosts: ['wiki.newsroom.internal'],
    }),
  );
  const app = await startApp(join(dir, 'explicit.sqlite'), { DATELINE_POLICY_FILE: policy });
  try {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await expect(dialog.getByRole('region', { name: 'Library' })).toContainText('Managed by your organization');
    await expect(dialog.getByRole('region', { name: 'Updates' })).toContainText('Managed by your organization');
    await expect(dialog.getByRole('region', { name: 'Turned off' })).toContainText('Fetching web pages from a URL');
    await expect(dialog.getByRole('region', { name: 'Intranet hosts' })).toContainText('wiki.newsroom.internal');
    await expect(dialog.getByRole('region', { name: 'Intranet hosts' })).toContainText('Managed by your organization');
  } finally {
    await stopApp(app);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an article exports as Markdown through the browser download', async ({ page, app, fixturesDir }) => {
  await page.goto(app.url);
  await page.getByTestId('import-input').setInputFiles(join(fixturesDir, 'plain-text/north-korean-troops-kursk.txt'));
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('list', { name: 'Article list' }).getByRole('button').first().click();
  await readerAction(page, 'Export…');
  const downloading = page.waitForEvent('download');
  await page
    .getByRole('dialog', { name: 'Export article' })
    .getByRole('button', { name: /^Markdown/ })
    .click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Global Security Threatened as North Korean Soldiers Aid Russia Near Ukraine Border.md');
  const markdown = readFileSync((await download.path())!, 'utf8');
  expect(markdown).toMatch(/^---\ntitle: "Global Security Threatened/);
  expect(markdown).toContain('approximately 8,000 North Korean troops');
  expect(markdown).toContain('## Related\n\n- Civilian Impact Mounts');
});
