import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { backupFolder, writeBackup } from '../../electron/library/backups.ts';
import { Library } from '../../electron/library/library.ts';
import { corruptMiddlePage } from '../helpers/damage.ts';
import { fillLibrary, syntheticArticles } from '../helpers/synthetic.ts';
import { expect, importAndOpen, startApp, stopApp, test } from './fixtures.ts';

const story = (title: string) => `${title}\n\nThe ferry crews walked out on Monday morning.\n\nTalks resume on Thursday.`;

async function openBackups(page: Page) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  return { dialog, list: dialog.getByRole('list', { name: 'Backups' }) };
}

test('a backup made in Settings is restored after confirmation; the library as it was is kept and can be restored back', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await importAndOpen(page, story('Harbour reopens after the storm'), 'Harbour reopens after the storm');

  let { dialog, list } = await openBackups(page);
  // The daily backup was made when the app started, before the import.
  await expect(list.getByRole('listitem').filter({ hasText: 'Daily' })).toContainText('0 articles');
  await dialog.getByRole('button', { name: 'Back up now' }).click();
  await expect(dialog.getByRole('status')).toContainText('Backed up 1 article');
  await expect(list.getByRole('listitem').filter({ hasText: 'Made by you' })).toContainText('1 article');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await importAndOpen(page, story('Ferry crews walk out over pay'), 'Ferry crews walk out over pay');
  ({ dialog, list } = await openBackups(page));
  const mine = list.getByRole('listitem').filter({ hasText: 'Made by you' });
  await mine.getByRole('button', { name: /^Restore the backup of/ }).click();
  // Nothing happens before the confirmation, and Cancel leaves everything as it was.
  await expect(mine.getByRole('group', { name: 'Confirm restore' })).toContainText('kept as a backup first');
  await mine.getByRole('button', { name: 'Cancel' }).click();
  await mine.getByRole('button', { name: /^Restore the backup of/ }).click();
  await mine.getByRole('button', { name: 'Restore', exact: true }).click();

  // The window starts afresh on the restored library.
  const articles = page.getByRole('list', { name: 'Article list' });
  await expect(articles.getByRole('button', { name: /Harbour reopens/ })).toBeVisible();
  await expect(articles.getByRole('button', { name: /Ferry crews/ })).toHaveCount(0);
  await expect(page.getByRole('dialog', { name: 'Settings' })).toHaveCount(0);

  ({ dialog, list } = await openBackups(page));
  const aside = list.getByRole('listitem').filter({ hasText: 'Before a restore' });
  await expect(aside).toContainText('2 articles');
  await aside.getByRole('button', { name: /^Restore the backup of/ }).click();
  await aside.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(articles.getByRole('button', { name: /Ferry crews/ })).toBeVisible();
  await expect(articles.getByRole('button', { name: /Harbour reopens/ })).toBeVisible();
});

test('the number of backups kept is a setting, and the oldest go when a new one is made', async ({ page, app }) => {
  await page.goto(app.url);
  const { dialog, list } = await openBackups(page);
  await expect(list.getByRole('listitem')).toHaveCount(1);
  const keep = dialog.getByRole('spinbutton', { name: /Keep the last/ });
  await keep.fill('2');
  for (let i = 0; i < 3; i++) {
    await dialog.getByRole('button', { name: 'Back up now' }).click();
    await expect(dialog.getByRole('status')).toContainText('Backed up');
    await expect(dialog.getByRole('button', { name: 'Back up now' })).toBeEnabled();
  }
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').filter({ hasText: 'Daily' })).toHaveCount(0);
  expect(readdirSync(backupFolder(app.libraryPath)).filter((name) => name.endsWith('.sqlite'))).toHaveLength(2);
  await page.reload();
  const again = await openBackups(page);
  await expect(again.dialog.getByRole('spinbutton', { name: /Keep the last/ })).toHaveValue('2');
});

test('a damaged library is not opened or changed; the page offers the newest good backup and restores it', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-e2e-damaged-'));
  const file = join(dir, 'library.sqlite');
  const library = Library.open(file);
  fillLibrary(library, syntheticArticles(120, { seed: 3 }));
  const good = await writeBackup(library.db, backupFolder(file), 'daily', new Date(Date.now() - 3_600_000));
  library.close();
  corruptMiddlePage(file);
  const damaged = readFileSync(file);

  const app = await startApp(file);
  try {
    await page.goto(app.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your library is damaged');
    await expect(page.getByRole('main')).toContainText('has not changed it');
    await page.getByText('What the check found').click();
    await expect(page.getByRole('main').getByRole('listitem').first()).not.toBeEmpty();
    const offer = page.getByRole('region', { name: 'Restore the newest good backup' });
    await expect(offer).toContainText('120 articles');
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'best-practice']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    expect(readFileSync(file).equals(damaged)).toBe(true);

    await offer.getByRole('button', { name: /^Restore the backup of/ }).click();
    const articles = page.getByRole('list', { name: 'Article list' });
    await expect(articles.getByRole('listitem').first()).toHaveAttribute('aria-setsize', '120');
    const aside = readdirSync(dir).find((name) => /^library\.sqlite\.damaged-[^-]+.*Z$/.test(name));
    expect(aside).toBeDefined();
    expect(readFileSync(join(dir, aside!)).equals(damaged)).toBe(true);
    expect(existsSync(join(backupFolder(file), good.name))).toBe(true);
  } finally {
    await stopApp(app);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('regression: damage found after a fast start reaches a page whose event stream connected late', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'dateline-e2e-damaged-late-'));
  const file = join(dir, 'library.sqlite');
  // Big enough that the check after the fast start is still running when the page first asks.
  const library = Library.open(file);
  fillLibrary(library, syntheticArticles(15_000, { seed: 4 }));
  library.close();
  corruptMiddlePage(file);
  // A loaded machine: the page's event stream connects seconds after the page is up, once the
  // check has found the damage and told every window that was listening.
  await page.route('**/api/events', async (route) => {
    await new Promise((connected) => setTimeout(connected, 8000));
    await route.continue();
  });
  const app = await startApp(file);
  try {
    await page.goto(app.url);
    await expect(page.getByRole('button', { name: 'New draft' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your library is damaged', { timeout: 30_000 });
  } finally {
    await stopApp(app);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a library cut to zero bytes is not opened as a new one; the backup is offered, or a new library beside the old file', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-e2e-emptied-'));
  const file = join(dir, 'library.sqlite');
  const library = Library.open(file);
  fillLibrary(library, syntheticArticles(30, { seed: 5 }));
  await writeBackup(library.db, backupFolder(file), 'daily', new Date(Date.now() - 3_600_000));
  library.close();
  truncateSync(file, 0);

  const app = await startApp(file);
  try {
    await page.goto(app.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your library is damaged');
    await expect(page.getByRole('region', { name: 'Restore the newest good backup' })).toContainText('30 articles');
    expect(readFileSync(file).length).toBe(0);
    await page.getByRole('button', { name: 'Start a new library' }).click();
    await expect(page.getByRole('button', { name: 'New draft' })).toBeVisible();
    expect(readdirSync(dir).some((name) => name.startsWith('library.sqlite.damaged-'))).toBe(true);
    expect(readdirSync(backupFolder(file)).filter((name) => name.endsWith('.sqlite'))).toHaveLength(2);
  } finally {
    await stopApp(app);
    rmSync(dir, { recursive: true, force: true });
  }
});
