import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('../../electron/server.ts', import.meta.url));

export interface RunningApp {
  /** The address printed at start, secret included. */
  url: string;
  origin: string;
  libraryPath: string;
  process: ChildProcess;
  /** Where the browser extension reaches this app (a free port unless the test names one). */
  capturePort: number | null;
}

/** Starts the real browser-mode server (`npm run web` without the build) on a fresh library. */
export async function startApp(libraryPath: string, env: NodeJS.ProcessEnv = {}): Promise<RunningApp> {
  const child = spawn(process.execPath, ['--experimental-strip-types', '--no-warnings', SERVER, '--library', libraryPath], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // No machine-wide policy leaks into a test unless the test brings its own.
    // Each app takes a free capture port, so tests running side by side never meet.
    env: { ...process.env, DATELINE_POLICY_FILE: '/nonexistent/dateline-policy.json', DATELINE_CAPTURE_PORT: '0', ...env },
  });

  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start:\n${output}`)), 15_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Dateline is running at (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`The server exited with ${code}:\n${output}`)));
  });
  const capturePort = /saves pages at 127\.0\.0\.1:(\d+)/.exec(output)?.[1];
  return { url, origin: new URL(url).origin, libraryPath, process: child, capturePort: capturePort ? Number(capturePort) : null };
}

/**
 * A policy naming 127.0.0.1 as an intranet host, for tests whose stand-in for the web is a
 * local server: downloads from loopback are otherwise refused.
 */
export function localWebPolicy(): NodeJS.ProcessEnv {
  const file = join(mkdtempSync(join(tmpdir(), 'dateline-e2e-policy-')), 'policy.json');
  writeFileSync(file, JSON.stringify({ intranetHosts: ['127.0.0.1'] }));
  return { DATELINE_POLICY_FILE: file };
}

export async function stopApp(app: RunningApp): Promise<void> {
  if (app.process.exitCode !== null || app.process.signalCode !== null) return;
  const exited = new Promise((resolve) => app.process.once('exit', resolve));
  app.process.kill('SIGTERM');
  await exited;
}

// Playwright reads a fixture's dependencies from its first parameter: `{}` means none.
/* eslint-disable no-empty-pattern */
export const test = base.extend<{ app: RunningApp; fixturesDir: string }>({
  app: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-e2e-'));
    const app = await startApp(join(dir, 'library.sqlite'));
    await use(app);
    await stopApp(app);
    rmSync(dir, { recursive: true, force: true });
  },
  fixturesDir: async ({}, use) => {
    await use(fileURLToPath(new URL('../fixtures/', import.meta.url)));
  },
});

export { expect };

/** Serious and critical findings of axe-core on the page as it stands. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => `${node.target.join(' ')} ${node.failureSummary ?? ''}`).join(', ')})`,
    );
}

/** Imports a plain-text story through the import button and opens it by its title. */
export async function importAndOpen(page: Page, text: string, title: string): Promise<void> {
  await page.getByTestId('import-input').setInputFiles({ name: 'story.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await openArticle(page, title);
}

export async function openArticle(page: Page, title: string): Promise<void> {
  await page
    .getByRole('list', { name: 'Article list' })
    .getByRole('button', { name: new RegExp(title) })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
}

/**
 * Runs one of the reading view's actions the way a person would at the window's width: its
 * button when the toolbar has room for it, else the same item of the toolbar's "More" menu.
 */
export async function readerAction(page: Page, name: string): Promise<void> {
  const toolbar = page.getByRole('toolbar', { name: 'Article actions' });
  const button = toolbar.getByRole('button', { name, exact: true });
  if (await button.isVisible()) return button.click();
  await toolbar.getByRole('button', { name: 'More' }).click();
  await page.getByRole('menu', { name: 'More actions' }).getByRole('menuitem', { name, exact: true }).click();
}

/** Selects `text` in the story the way a drag of the mouse would. */
export async function selectText(page: Page, text: string): Promise<void> {
  await page.getByTestId('reader-body').evaluate((body, wanted) => {
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the story`);
  }, text);
}

/**
 * Everything a page does that the app itself never does: requests to other hosts or to paths
 * of the app's own server it never asks for, and dialogs (dismissed, and recorded).
 */
export function watchForLeaks(page: Page, origin: string): { stray: string[]; dialogs: string[] } {
  const seen = { stray: [] as string[], dialogs: [] as string[] };
  page.on('request', (request) => {
    const url = new URL(request.url());
    const own =
      url.origin === origin &&
      (url.pathname === '/' || url.pathname.startsWith('/assets/') || /^\/api\/(invoke|events)\b/.test(url.pathname));
    if (!own && url.protocol !== 'blob:' && url.protocol !== 'data:') seen.stray.push(request.url());
  });
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return seen;
}

/** What a payload that ran would have left behind. */
export const pwned = (page: Page) => page.evaluate(() => (window as { pwned?: unknown }).pwned);

/**
 * Opens the first article of the list in the reading view and steps through the rest with j,
 * so that every article, and every row of the (virtualized) list, is shown once.
 */
export async function readEveryArticle(page: Page, count: number): Promise<void> {
  await page.getByRole('list', { name: 'Article list' }).getByRole('button').first().click();
  // The reading view's own headline: a hostile body may hold headings of its own.
  const heading = page.locator('#reader-title');
  await page.getByTestId('reader-body').click({ position: { x: 2, y: 2 } });
  for (let opened = 1; opened < count; opened += 1) {
    const before = await heading.textContent();
    await page.keyboard.press('j');
    await expect(heading).not.toHaveText(before ?? '');
  }
}

/** Nothing a hostile page could do happened: no script ran, no dialog, no request, no navigation. */
export async function expectNothingRan(page: Page, seen: { stray: string[]; dialogs: string[] }, origin: string): Promise<void> {
  expect(await pwned(page)).toBeUndefined();
  expect(seen.dialogs).toEqual([]);
  expect(seen.stray).toEqual([]);
  expect(new URL(page.url()).origin).toBe(origin);
}
