/// <reference types="chrome" />
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/chromium.ts';
import { expect, openArticle, startApp, stopApp, test, type RunningApp } from './fixtures.ts';

/**
 * "Save to Dateline" end to end: Chromium with the built extension unpacked, the real app
 * in browser mode, and a local news site whose members' paragraph only appears once its
 * script has run. The app is given no policy that lets it reach this site, so a picture in
 * the library can only have come from the browser.
 */

const EXTENSION = fileURLToPath(new URL('../../out/extension/', import.meta.url));
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEUlEQVR4nGP4z8DAwMDAAAAT/gH/7oOUUQAAAABJRU5ErkJggg==', 'base64');

const paragraphs = (topic: string) =>
  Array.from(
    { length: 8 },
    (_, i) => `<p>Paragraph ${i + 1} on ${topic}: the harbour board met late into the night to settle what the crews had asked for.</p>`,
  ).join('');

function story(title: string, topic: string, members: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>
    <nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
    <article><h1>${title}</h1>
    <figure><img src="/img/${topic}.png" alt="The quay at dawn"><figcaption>The quay at dawn.</figcaption></figure>
    ${paragraphs(topic)}<div id="members"><p>Log in to read the rest.</p></div>
    <p><a href="/next-${topic}">Next story on ${topic}</a></p></article>
    <script>
      // What a login wall does: the rest of the story arrives after the page has loaded.
      setTimeout(() => { document.getElementById('members').innerHTML = '<p>${members}</p>'; }, 50);
    </script></body></html>`;
}

interface Site {
  url: (path: string) => string;
  close: () => Promise<void>;
}

async function newsSite(): Promise<Site> {
  const pages: Record<string, string> = {
    '/ferries': story('Ferry timetable settled', 'ferries', 'For subscribers: a second night crossing from May.'),
    '/pay': story('Crews accept the pay offer', 'pay', 'For subscribers: the vote was 212 to 31.'),
    '/strike': story('Strike called off at dawn', 'strike', 'For subscribers: talks resume on Monday.'),
  };
  const server: Server = createServer((request, response) => {
    const page = pages[request.url ?? ''];
    if (page) return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    if (request.url?.startsWith('/img/')) {
      return void response.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'max-age=3600' }).end(PNG);
    }
    response.writeHead(404).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

async function launchWithExtension(profile: string): Promise<{ context: BrowserContext; worker: Worker; id: string }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`],
    viewport: { width: 1280, height: 820 },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, worker, id: new URL(worker.url()).host };
}

const tabIdOf = (worker: Worker, url: string) =>
  worker.evaluate(async (wanted) => (await chrome.tabs.query({})).find((tab) => tab.url === wanted)?.id ?? -1, url);

const badge = (worker: Worker) => worker.evaluate(() => chrome.action.getBadgeText({}));

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  return page.getByRole('dialog', { name: 'Settings' });
}

async function openStory(context: BrowserContext, url: string, members: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByText(members)).toBeVisible();
  return page;
}

test.describe('Save to Dateline', () => {
  let dir: string;
  let app: RunningApp;
  let context: BrowserContext;
  let worker: Worker;
  let extensionId: string;
  let site: Site;

  test.beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dateline-extension-'));
    app = await startApp(join(dir, 'library.sqlite'));
    site = await newsSite();
    ({ context, worker, id: extensionId } = await launchWithExtension(join(dir, 'profile')));
  });

  test.afterEach(async () => {
    await context?.close();
    await stopApp(app);
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('pairs through the app window, saves by the button and the context menu, and delivers what waited while the app was down', async () => {
    test.setTimeout(120_000);
    const window = await context.newPage();
    await window.goto(app.url);
    await expect(window.getByRole('button', { name: 'Settings' })).toBeVisible();

    // Pairing: the app shows a code; the extension's popup takes it once.
    const settings = await openSettings(window);
    await settings.getByRole('button', { name: 'Pair a browser' }).click();
    const code = (await settings.getByLabel('Pairing code').textContent())!.trim();
    expect(code).toMatch(/^\d{4}-\d{4}$/);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByLabel('Pairing code').fill('0000-0000' === code ? '1111-1111' : '0000-0000');
    await popup.getByText('Dateline’s address').click();
    await popup.getByLabel('Address').fill(`http://127.0.0.1:${app.capturePort}`);
    await popup.getByRole('button', { name: 'Pair' }).click();
    await expect(popup.getByRole('status')).toHaveText(/not the code Dateline shows/);
    await popup.getByLabel('Pairing code').fill(code);
    await popup.getByRole('button', { name: 'Pair' }).click();
    await expect(popup.getByRole('status')).toHaveText(/Paired with Dateline/);
    await expect(settings.getByRole('list', { name: 'Paired browsers' })).toContainText('Chromium');
    await expect(settings.getByLabel('Pairing code')).toHaveCount(0);
    await settings.getByRole('button', { name: 'Close' }).first().click();

    // The toolbar button: its popup, with tags typed and a passage selected in the page.
    const ferries = await openStory(context, site.url('/ferries'), 'a second night crossing');
    await ferries.evaluate(() => {
      const text = document.querySelector('#members p')!.firstChild!;
      const range = document.createRange();
      range.setStart(text, 'For subscribers: '.length);
      range.setEnd(text, text.textContent!.length - 1);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const button = await context.newPage();
    await button.goto(`chrome-extension://${extensionId}/popup.html?tab=${await tabIdOf(worker, site.url('/ferries'))}`);
    await expect(button.locator('#page-title')).toHaveText('Ferry timetable settled');
    await button.getByLabel('Tags').fill('harbour, to read');
    await button.getByRole('button', { name: 'Save page' }).click();
    await expect(button.getByRole('status')).toHaveText(/Saved to Dateline, with the selection as a highlight/);

    // The context menu's "Save selection as a highlight", on another story.
    await openStory(context, site.url('/pay'), 'the vote was 212 to 31');
    const menu = await worker.evaluate(
      ({ tabId }) =>
        (
          globalThis as unknown as { datelineExtension: { onContextMenu: (info: object, tab: object) => Promise<{ message: string }> } }
        ).datelineExtension.onContextMenu(
          { menuItemId: 'save-selection', selectionText: 'the vote was 212 to 31', editable: false, pageUrl: '' },
          { id: tabId },
        ),
      { tabId: await tabIdOf(worker, site.url('/pay')) },
    );
    expect(menu.message).toMatch(/Saved to Dateline/);

    // In the library: the members' paragraph, the picture the browser had, the highlight, the tags.
    await window.bringToFront();
    await openArticle(window, 'Ferry timetable settled');
    const body = window.getByTestId('reader-body');
    await expect(body).toContainText('For subscribers: a second night crossing from May.');
    await expect(body.getByRole('img', { name: 'The quay at dawn' })).toBeVisible();
    expect(await body.getByRole('img', { name: 'The quay at dawn' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2);
    await expect(body.locator('mark.highlight', { hasText: 'a second night crossing from May' })).toBeVisible();
    await expect(window.getByText('to read', { exact: true }).first()).toBeVisible();
    await openArticle(window, 'Crews accept the pay offer');
    await expect(window.getByTestId('reader-body').locator('mark.highlight', { hasText: 'the vote was 212 to 31' })).toBeVisible();

    // The app goes away: a save waits in the extension, counted on its button.
    const port = app.capturePort!;
    await stopApp(app);
    await openStory(context, site.url('/strike'), 'talks resume on Monday');
    const strikeTab = await tabIdOf(worker, site.url('/strike'));
    const waiting = await worker.evaluate(
      (tabId) =>
        (
          globalThis as unknown as { datelineExtension: { savePage: (tab: number, tags: string[]) => Promise<{ message: string }> } }
        ).datelineExtension.savePage(tabId, []),
      strikeTab,
    );
    expect(waiting.message).toMatch(/not running/);
    await expect.poll(() => badge(worker)).toBe('1');

    // Back on the same library and port: the waiting save is delivered once, and the badge clears.
    app = await startApp(app.libraryPath, { DATELINE_CAPTURE_PORT: String(port) });
    const deliver = () =>
      worker.evaluate(async () => {
        const delivery = await (
          globalThis as unknown as { datelineExtension: { deliver: () => Promise<{ delivered: Map<string, unknown>; waiting: number }> } }
        ).datelineExtension.deliver();
        return { delivered: delivery.delivered.size, waiting: delivery.waiting };
      });
    expect(await deliver()).toEqual({ delivered: 1, waiting: 0 });
    expect(await deliver()).toEqual({ delivered: 0, waiting: 0 });
    await expect.poll(() => badge(worker)).toBe('');

    const reopened = await context.newPage();
    await reopened.goto(app.url);
    const list = reopened.getByRole('list', { name: 'Article list' });
    await expect(list.getByRole('button', { name: /Strike called off at dawn/ })).toHaveCount(1);
    await expect(list.getByRole('button', { name: /Ferry timetable settled/ })).toHaveCount(1);
    await expect(list.getByRole('listitem')).toHaveCount(3);
  });
});
