import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, importAndOpen, startApp, stopApp, test } from './fixtures.ts';

const PASSPHRASE = 'the copy desk passphrase';
const story = (title: string) =>
  `${title}\n\nThe source, a harbour pilot named Okonkwo-Lindqvist, spoke on Monday.\n\nTalks resume on Thursday.`;

/** Every file below the library's folder, backups included. */
function folderHolds(libraryPath: string, text: string): boolean {
  const walk = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : readFileSync(join(dir, entry.name)).includes(text),
    );
  return walk(join(libraryPath, '..'));
}

test('Settings ▸ Security encrypts the open library with a shown-once recovery key, and it keeps working and reopens with the passphrase', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await importAndOpen(page, story('Harbour pilot speaks out'), 'Harbour pilot speaks out');
  expect(folderHolds(app.libraryPath, 'Okonkwo-Lindqvist')).toBe(true);

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const security = dialog.getByRole('region', { name: 'Security' });
  await expect(security).toContainText('plain file');
  await security.getByRole('button', { name: 'Encrypt this library…' }).click();
  await expect(security).toContainText('nobody — Dateline included — can open this library');
  await security.getByLabel('New passphrase').fill(PASSPHRASE);
  await security.getByLabel('The same again').fill('a different one');
  await expect(security.getByRole('button', { name: 'Encrypt', exact: true })).toBeDisabled();
  await security.getByLabel('The same again').fill(PASSPHRASE);
  await security.getByLabel(/I understand/).check();
  await security.getByRole('button', { name: 'Encrypt', exact: true }).click();

  const recoveryKey = security.getByLabel('Recovery key', { exact: true });
  await expect(recoveryKey).toHaveText(/^(\w{4}-){12}\w{4}$/, { timeout: 30_000 });
  await expect(security).toContainText('encrypted (AES-256)');
  expect(folderHolds(app.libraryPath, 'Okonkwo-Lindqvist')).toBe(false);
  await security.getByRole('button', { name: 'I have stored it' }).click();
  await expect(recoveryKey).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The window carries on: the list, search and a new import, all in the encrypted file.
  await page.getByRole('searchbox').fill('Okonkwo');
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('button', { name: /Harbour pilot/ })).toBeVisible();
  await page.getByRole('searchbox').fill('');
  await importAndOpen(page, story('Ferry crews walk out'), 'Ferry crews walk out');
  expect(folderHolds(app.libraryPath, 'Ferry crews')).toBe(false);

  // Started again with no terminal and no DATELINE_PASSPHRASE: the page asks, and a wrong
  // passphrase may be typed again.
  await stopApp(app);
  const again = await startApp(app.libraryPath);
  try {
    await page.goto(again.url);
    await expect(page.getByRole('heading', { name: 'Your library is encrypted' })).toBeVisible();
    const secret = page.getByLabel('Passphrase or recovery key');
    await secret.fill('not the passphrase');
    await page.getByRole('button', { name: 'Open the library' }).click();
    await expect(page.getByRole('alert')).toContainText('does not unlock this library');
    await secret.fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Open the library' }).click();
    await expect(page.getByRole('list', { name: 'Article list' }).getByRole('button', { name: /Ferry crews/ })).toBeVisible();
  } finally {
    await stopApp(again);
  }
});

test('a policy that requires encryption says so at start, and an encrypted library offers no way back', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-e2e-'));
  const policy = join(dir, 'policy.json');
  writeFileSync(policy, JSON.stringify({ security: { requireEncryption: true } }));
  const app = await startApp(join(dir, 'library.sqlite'), { DATELINE_POLICY_FILE: policy });
  try {
    await page.goto(app.url);
    await expect(page.getByRole('alert')).toContainText('Your organization requires this library to be encrypted');
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const security = page.getByRole('dialog', { name: 'Settings' }).getByRole('region', { name: 'Security' });
    await expect(security).toContainText('Your organization requires encryption');
    await security.getByRole('button', { name: 'Encrypt this library…' }).click();
    await security.getByLabel('New passphrase').fill(PASSPHRASE);
    await security.getByLabel('The same again').fill(PASSPHRASE);
    await security.getByLabel(/I understand/).check();
    await security.getByRole('button', { name: 'Encrypt', exact: true }).click();
    await security.getByRole('button', { name: 'I have stored it' }).click({ timeout: 30_000 });
    await expect(security.getByRole('button', { name: 'Change passphrase…' })).toBeVisible();
    await expect(security.getByRole('button', { name: 'Decrypt…' })).toHaveCount(0);
  } finally {
    await stopApp(app);
    rmSync(dir, { recursive: true, force: true });
  }
});
