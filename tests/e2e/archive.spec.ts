import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Library } from '../../electron/library/library.ts';
import { fillLibrary, htmlOf, syntheticArticles } from '../helpers/synthetic.ts';
import { expect, localWebPolicy, openArticle, startApp, stopApp, test } from './fixtures.ts';

/** A library of 100,000 short articles, written straight to disk before the app starts. */
function bigLibrary(): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-e2e-big-'));
  const path = join(dir, 'library.sqlite');
  const library = Library.open(path);
  fillLibrary(library, syntheticArticles(100_000, { words: [20, 60] }));
  library.close();
  return { dir, path };
}

test('the list of 100,000 articles scrolls to its end and works from the keyboard', async ({ page }) => {
  test.setTimeout(120_000);
  const { dir, path } = bigLibrary();
  const app = await startApp(path);
  try {
    await page.goto(app.url);
    const list = page.getByRole('list', { name: 'Article list' });
    await expect(list.getByRole('button').first()).toBeVisible();
    // Only a screenful of rows exists in the page, whatever the library's size.
    expect(await list.locator('li').count()).toBeLessThan(60);
    await expect(list.locator('li').first()).toHaveAttribute('aria-setsize', '100000');

    // Scrolling to the bottom shows the last rows, fetched as they come into view.
    await page.getByTestId('article-scroller').evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await expect(list.locator('li[aria-posinset="100000"] .row-title')).not.toBeEmpty();

    // Keyboard: Home, j j k, Enter opens the row under the cursor.
    await list.getByRole('button').first().focus();
    await page.keyboard.press('Home');
    await expect(list.locator('li[aria-posinset="1"] button')).toBeFocused();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    const second = list.locator('li[aria-posinset="2"] button');
    await expect(second).toBeFocused();
    const title = (await second.locator('.row-title').textContent())!;
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

    // Delete offers Undo, and Undo keeps the article.
    await second.focus();
    await page.keyboard.press('Delete');
    const undo = list.getByRole('button', { name: 'Undo' });
    await expect(list).toContainText(`Deleted “${title}”.`);
    await undo.click();
    await expect(list.locator('li[aria-posinset="2"] .row-title')).toHaveText(title);

    // End jumps to the last article; "/" goes to the search box.
    await list.locator('li[aria-posinset="2"] button').focus();
    await page.keyboard.press('End');
    await expect(list.locator('li[aria-posinset="100000"] button')).toBeFocused();
    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox', { name: 'Search the library' })).toBeFocused();

    // Typing a word found everywhere: each keystroke's search supersedes the last, and the
    // count stops at a cap instead of counting the whole library.
    await page.keyboard.type('the', { delay: 40 });
    await expect(page.getByText('10,000+ articles', { exact: true })).toBeVisible();
    // Too broad to rank every match: the list says how it was ordered.
    await expect(page.getByText('· best matches among the 2,000 most recently saved')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Search results' }).getByRole('button')).toHaveCount(50);
  } finally {
    await stopApp(app);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a deleted row is gone once its undo time has passed', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByTestId('import-input').setInputFiles([
    { name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('Ferry timetable changes\n\nWinter sailings start in November.') },
    { name: 'b.txt', mimeType: 'text/plain', buffer: Buffer.from('Harbour reopens\n\nBoats returned on Monday.') },
  ]);
  await page.getByRole('button', { name: 'Close' }).click();
  const list = page.getByRole('list', { name: 'Article list' });
  await list.getByRole('button', { name: /Harbour reopens/ }).focus();
  await page.keyboard.press('Delete');
  await expect(list.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect(list.getByRole('button', { name: 'Undo' })).toBeHidden({ timeout: 15_000 });
  await expect(list.getByRole('button')).toHaveCount(1);
  await page.reload();
  await expect(page.getByRole('list', { name: 'Article list' }).getByRole('button')).toHaveText([/Ferry timetable changes/]);
});

test('several articles selected from the keyboard and the mouse are marked, tagged and deleted together, each undoable', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await page.getByTestId('import-input').setInputFiles(
    ['Ferry timetable changes', 'Harbour reopens', 'Rail line shuts', 'Museum opens'].map((title, i) => ({
      name: `${i}.txt`,
      mimeType: 'text/plain',
      buffer: Buffer.from(`${title}\n\nA story about ${title.toLowerCase()}.`),
    })),
  );
  await page.getByRole('button', { name: 'Close' }).click();
  const list = page.getByRole('list', { name: 'Article list' });
  const row = (title: string) => list.getByRole('button', { name: new RegExp(title) });
  await expect(list.getByRole('button')).toHaveCount(4);

  // x selects the row under the cursor, Shift+j extends, Ctrl+click adds one more.
  await list.getByRole('button').first().focus();
  await page.keyboard.press('x');
  await page.keyboard.press('Shift+J');
  const titles = await list.locator('.row-title').allTextContents();
  await row(titles[3]!).click({ modifiers: ['Control'] });
  const bar = page.getByRole('toolbar', { name: 'Selected articles' });
  await expect(bar).toContainText('3 selected');
  const chosen = [titles[0]!, titles[1]!, titles[3]!];

  await bar.getByRole('button', { name: 'Mark read' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Marked read: 3 articles.' });
  await expect(notice).toBeVisible();
  for (const title of chosen) await expect(row(title)).not.toHaveClass(/unread/);
  await expect(row(titles[2]!)).toHaveClass(/unread/);
  await notice.getByRole('button', { name: 'Undo' }).click();
  for (const title of chosen) await expect(row(title)).toHaveClass(/unread/);

  // Select again, tag all three, and undo the tag.
  for (const title of chosen) await list.getByRole('checkbox', { name: `Select “${title}”` }).check();
  await bar.getByRole('button', { name: 'Add tag…' }).click();
  await bar.getByRole('textbox', { name: 'Tag to add to the selected articles' }).fill('weekend');
  await bar.getByRole('button', { name: 'Add', exact: true }).click();
  const sidebar = page.getByRole('navigation', { name: 'Library' });
  await expect(sidebar.getByRole('button', { name: /weekend\s*3/ })).toBeVisible();
  await page.getByRole('status').filter({ hasText: 'Tagged 3 articles “weekend”.' }).getByRole('button', { name: 'Undo' }).click();
  await expect(sidebar.getByRole('button', { name: /weekend/ })).toHaveCount(0);

  // Delete two from the keyboard, undo, then delete them for good.
  await list.getByRole('checkbox', { name: `Select “${titles[0]}”` }).check();
  await list.getByRole('checkbox', { name: `Select “${titles[1]}”` }).check();
  await row(titles[1]!).focus();
  await page.keyboard.press('Delete');
  await expect(list).toContainText(`Deleted “${titles[0]}”.`);
  await page.getByRole('status').filter({ hasText: 'Deleted 2 articles.' }).getByRole('button', { name: 'Undo' }).click();
  await expect(row(titles[0]!)).toBeVisible();
  await expect(row(titles[1]!)).toBeVisible();
  await list.getByRole('checkbox', { name: `Select “${titles[0]}”` }).check();
  await list.getByRole('checkbox', { name: `Select “${titles[1]}”` }).check();
  await bar.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted 2 articles.' })).toBeHidden({ timeout: 15_000 });
  await page.reload();
  await expect(page.getByRole('list', { name: 'Article list' }).locator('.row-title')).toHaveText([titles[2]!, titles[3]!]);
});

test('saved links from a Pocket export wait as "Not downloaded yet" until "Download saved links" fetches them', async ({ page }) => {
  const [story] = [...syntheticArticles(1, { seed: 3, words: [300, 301] })];
  const site = createServer((request, response) => {
    if (request.url === '/story')
      response.writeHead(200, { 'content-type': 'text/html' }).end(htmlOf({ ...story!, title: 'Harbour reopens after the storm' }));
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  const dir = mkdtempSync(join(tmpdir(), 'dateline-e2e-links-'));
  const app = await startApp(join(dir, 'library.sqlite'), localWebPolicy());
  try {
    await page.goto(app.url);
    const csv = `title,url,time_added,tags,status\nHarbour story,${base}/story,1727942400,local,unread\nGone story,${base}/gone,1727942401,,unread\n`;
    await page.getByTestId('import-input').setInputFiles({ name: 'part_000000.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect(page.getByRole('complementary', { name: 'Import' })).toContainText('2 imported');
    await page.getByRole('button', { name: 'Close' }).click();

    const list = page.getByRole('list', { name: 'Article list' });
    await expect(list.getByRole('button', { name: /Harbour story/ })).toContainText('Not downloaded yet');
    await expect(page.getByRole('status').filter({ hasText: '2 saved links not downloaded yet' })).toBeVisible();
    await page.getByRole('button', { name: 'Download saved links' }).click();

    await expect(page.getByText('1 could not be downloaded')).toBeVisible({ timeout: 20_000 });
    const downloaded = list.getByRole('button', { name: /Harbour story/ });
    await expect(downloaded).not.toContainText('Not downloaded yet');
    await downloaded.click();
    await expect(page.getByTestId('reader-body')).toContainText(story!.text.slice(0, 40));
    await list.getByRole('button', { name: /Gone story/ }).click();
    await expect(page.getByRole('note')).toContainText('could not be downloaded: The site answered 404');
  } finally {
    await stopApp(app);
    site.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a page imported from its address reads offline like a saved page', async ({ page }) => {
  const [story] = [...syntheticArticles(1, { seed: 5, words: [300, 301] })];
  const site = createServer((request, response) => {
    if (request.url === '/news')
      response.writeHead(200, { 'content-type': 'text/html' }).end(htmlOf({ ...story!, title: 'Ferry timetable changes for winter' }));
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const dir = mkdtempSync(join(tmpdir(), 'dateline-e2e-address-'));
  const app = await startApp(join(dir, 'library.sqlite'), localWebPolicy());
  try {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Import from address…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import from a web address' });
    await dialog.getByLabel('Web addresses (one per line)').fill('javascript:alert(1)');
    await expect(dialog.getByRole('button', { name: 'Import page' })).toBeDisabled();
    await dialog.getByLabel('Web addresses (one per line)').fill(`http://127.0.0.1:${(site.address() as AddressInfo).port}/news`);
    await dialog.getByRole('button', { name: 'Import page' }).click();
    await expect(page.getByRole('complementary', { name: 'Import' })).toContainText('1 imported');
    await page.getByRole('button', { name: 'Close' }).click();
    await page
      .getByRole('list', { name: 'Article list' })
      .getByRole('button', { name: /Ferry timetable changes for winter/ })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ferry timetable changes for winter');
    await expect(page.getByTestId('reader-body')).not.toContainText('Most read');
  } finally {
    site.close();
    await stopApp(app);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a change to an article on screen reads that row again, not the list; one that moves rows reads the list', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByTestId('import-input').setInputFiles(
    ['Ferry timetable changes', 'Harbour reopens', 'Rail line shuts'].map((title, i) => ({
      name: `${i}.txt`,
      mimeType: 'text/plain',
      buffer: Buffer.from(`${title}\n\nA story about ${title.toLowerCase()}.`),
    })),
  );
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await openArticle(page, 'Harbour reopens');
  const lists: { ids?: number[] }[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/invoke/articles.list')) lists.push(JSON.parse(request.postData() ?? '{}') as { ids?: number[] });
  });
  const favorite = page.getByRole('toolbar', { name: 'Article actions' }).getByRole('button', { name: /Favorite/ });

  // A favourite changes the row in place: only that row is read again.
  await page.keyboard.press('f');
  await expect(favorite).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => lists.length).toBeGreaterThan(0);
  expect(lists.every((query) => query.ids?.length === 1)).toBe(true);

  // In the list of favourites, taking the favourite away takes the row out: the list is read again.
  await page.getByRole('button', { name: 'Favorites', exact: true }).click();
  await openArticle(page, 'Harbour reopens');
  lists.length = 0;
  await page.keyboard.press('f');
  await expect(favorite).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('list', { name: 'Article list' })).toBeHidden();
  expect(lists.some((query) => query.ids === undefined)).toBe(true);
});
