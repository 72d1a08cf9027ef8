import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { htmlOf, syntheticArticles } from '../helpers/synthetic.ts';
import { expect, importAndOpen, localWebPolicy, openArticle, readerAction, selectText, startApp, stopApp, test } from './fixtures.ts';

/** The rough edges a new user meets in the first hour (issue 17), each as it broke. */

const STORY = [
  'Harbour board approves the new ferry pier',
  'The harbour board approved the new ferry pier on Tuesday after two years of objections.',
  'Construction starts in the spring and the old pier closes when the new one opens.',
].join('\n\n');
const TITLE = 'Harbour board approves the new ferry pier';

const focusedInside = (page: Page, selector: string) =>
  page.evaluate((within) => Boolean(document.activeElement?.closest(within)), selector);

test('the note dialog opens in its note: a space and letters typed there stay in the note and run no shortcut', async ({ page, app }) => {
  await page.goto(app.url);
  await importAndOpen(page, STORY, TITLE);
  await selectText(page, 'two years of objections');
  await page.getByRole('toolbar', { name: 'Highlight the selection' }).getByRole('button', { name: 'Note…' }).click();
  const editor = page.getByRole('dialog', { name: 'Highlight' });
  const note = editor.getByRole('textbox', { name: 'Note' });
  await expect(note).toBeFocused();
  // Space used to press the Close button; e then archived the article and f made it a favourite.
  await page.keyboard.type(' efh ask the board');
  await expect(editor).toBeVisible();
  await expect(note).toHaveValue(' efh ask the board');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  const actions = page.getByRole('toolbar', { name: 'Article actions' });
  await expect(actions.getByRole('button', { name: 'Archive' })).toHaveAttribute('aria-pressed', 'false');
  await expect(actions.getByRole('button', { name: '☆ Favorite' })).toBeVisible();
});

test('a dialog keeps focus inside while open, closes with Escape and gives focus back to what opened it', async ({ page, app }) => {
  await page.goto(app.url);
  const opener = page.getByRole('button', { name: 'Import from address…' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Import from a web address' });
  await expect(dialog.getByRole('textbox', { name: 'Web addresses (one per line)' })).toBeFocused();
  for (let step = 0; step < 6; step += 1) {
    await page.keyboard.press('Tab');
    expect(await focusedInside(page, 'dialog[open]')).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // Settings starts on the chosen theme, not on its Close button.
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' }).getByRole('radio', { checked: true }).first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Settings' })).toBeFocused();
});

test('a new draft starts with the cursor in its headline', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'New draft' }).click();
  await expect(page.getByLabel('Headline')).toBeFocused();
  await page.keyboard.type('Pier opens');
  await expect(page.getByLabel('Headline')).toHaveValue('Pier opens');
});

test('deleting a draft offers Undo, as deleting an article does, and asks nothing of the browser', async ({ page, app }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => (dialogs.push(dialog.message()), void dialog.dismiss()));
  await page.goto(app.url);
  await page.getByRole('button', { name: 'New draft' }).click();
  await expect(page.getByLabel('Headline')).toBeFocused();
  await page.keyboard.type('Pier opens late');
  await page.getByLabel('Article body').click();
  await page.keyboard.type('The pier opens a week late.');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Deleted “Pier opens late”.' });
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Headline')).toHaveValue('Pier opens late');
  await expect(page.getByLabel('Article body')).toHaveText('The pier opens a week late.');

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(notice).toBeVisible();
  await expect(notice).toBeHidden({ timeout: 15_000 });
  await page.reload();
  await page.getByRole('button', { name: 'Drafts' }).click();
  await expect(page.getByText('No drafts yet.')).toBeVisible();
  expect(dialogs).toEqual([]);
});

test('an article deleted from the reading view can be undone, and is opened again', async ({ page, app }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => (dialogs.push(dialog.message()), void dialog.dismiss()));
  await page.goto(app.url);
  await importAndOpen(page, STORY, TITLE);
  await readerAction(page, 'Delete');
  await expect(page.locator('#reader-title')).toHaveCount(0);
  await page
    .getByRole('status')
    .filter({ hasText: `Deleted “${TITLE}”.` })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(page.locator('#reader-title')).toHaveText(TITLE);
  await page.reload();
  await openArticle(page, TITLE);
  expect(dialogs).toEqual([]);
});

test('the list’s status filter and the draft’s own status have different names', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'New draft' }).click();
  await expect(page.getByRole('combobox', { name: 'Story status', exact: true })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Filter drafts by status' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Status', exact: true })).toHaveCount(0);
  await expect(page.getByText('Status', { exact: true })).toHaveCount(0);
});

test('highlighting a passage already highlighted opens that highlight instead of making a second', async ({ page, app }) => {
  await page.goto(app.url);
  await importAndOpen(page, STORY, TITLE);
  const marks = page.getByTestId('reader-body').locator('mark.highlight');
  await selectText(page, 'two years of objections');
  await page.keyboard.press('h');
  await expect(marks).toHaveCount(1);
  for (const passage of ['two years of objections', 'years of']) {
    await selectText(page, passage);
    await page.keyboard.press('h');
    const editor = page.getByRole('dialog', { name: 'Highlight' });
    await expect(editor.getByRole('textbox', { name: 'Note' })).toBeFocused();
    await expect(editor.locator('.highlight-quote')).toHaveText('two years of objections');
    await page.keyboard.press('Escape');
    // The reader's keys wait while a dialog is open: the next "h" comes once this one is gone.
    await expect(editor).toBeHidden();
  }
  await expect(marks).toHaveCount(1);
  await page.getByRole('button', { name: 'Highlights (1)' }).click();
  await expect(page.getByRole('region', { name: 'Highlights' }).getByRole('listitem')).toHaveCount(1);
});

test('the Highlights view starts with its own empty search, not the library’s query', async ({ page, app }) => {
  await page.goto(app.url);
  await importAndOpen(page, STORY, TITLE);
  await selectText(page, 'two years of objections');
  await page.keyboard.press('h');
  await page.getByRole('searchbox', { name: 'Search the library' }).fill('spring');
  await expect(page.getByRole('list', { name: 'Search results' })).toContainText(TITLE);
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Highlights' }).click();
  await expect(page.getByRole('searchbox', { name: 'Search highlights and notes' })).toHaveValue('');
  await expect(page.getByRole('region', { name: 'Highlights' })).toContainText('two years of objections');
  // Back in the library, its own query is still there.
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'All articles' }).click();
  await expect(page.getByRole('searchbox', { name: 'Search the library' })).toHaveValue('spring');
});

test('a saved link open in the reader shows its page, or why it failed, as soon as the download ends', async ({ page }) => {
  const [story] = [...syntheticArticles(1, { seed: 7, words: [200, 201] })];
  const site = createServer((request, response) => {
    if (request.url === '/story') response.writeHead(200, { 'content-type': 'text/html' }).end(htmlOf({ ...story!, title: 'Pier story' }));
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  const dir = mkdtempSync(join(tmpdir(), 'dateline-e2e-open-link-'));
  const app = await startApp(join(dir, 'library.sqlite'), localWebPolicy());
  try {
    await page.goto(app.url);
    const csv = `title,url,time_added,tags,status\nGone story,${base}/gone,1727942401,,unread\n`;
    await page.getByTestId('import-input').setInputFiles({ name: 'part_000000.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Close' }).click();
    await openArticle(page, 'Gone story');
    const note = page.getByRole('note');
    await note.getByRole('button', { name: 'Download saved links' }).click();
    await expect(note).toContainText('could not be downloaded: The site answered 404', { timeout: 20_000 });

    const another = `title,url,time_added,tags,status\nPier link,${base}/story,1727942402,,unread\n`;
    await page.getByTestId('import-input').setInputFiles({ name: 'part_000001.csv', mimeType: 'text/csv', buffer: Buffer.from(another) });
    await page.getByRole('button', { name: 'Close' }).click();
    await openArticle(page, 'Pier link');
    await note.getByRole('button', { name: 'Download saved links' }).click();
    await expect(page.getByTestId('reader-body')).toContainText(story!.text.slice(0, 40), { timeout: 20_000 });
    await expect(note).toHaveCount(0);
  } finally {
    await stopApp(app);
    site.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the import summary names each file with what came of its entries, and reads a text file with a few bad bytes', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  const bookmarks = [
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
    '<DL><p>',
    '<DT><A HREF="https://paper.example/pier" ADD_DATE="1727942400">Pier opens</A>',
    '<DT><A HREF="https://paper.example/pier" ADD_DATE="1727942401">Pier opens (again)</A>',
    '</DL><p>',
  ].join('\n');
  const damaged = Buffer.concat([
    Buffer.from('Ferry fares rise\n\nFares rise in May'),
    Buffer.from([0x00]),
    Buffer.from(', the operator said.'),
  ]);
  await page.getByTestId('import-input').setInputFiles([
    { name: 'bookmarks.html', mimeType: 'text/html', buffer: Buffer.from(bookmarks) },
    { name: 'fares.txt', mimeType: 'text/plain', buffer: damaged },
  ]);
  const files = page.getByRole('complementary', { name: 'Import' }).getByRole('list', { name: 'Files' });
  await expect(files.getByRole('listitem')).toHaveText([
    'bookmarks.html: 1 imported, 1 skipped as a duplicate',
    'fares.txt: imported “Ferry fares rise”; One byte that is not text was shown as “�”.',
  ]);
});

test('a reload opens where the person left off: the same view and the same article or draft', async ({ page, app }) => {
  await page.goto(app.url);
  await importAndOpen(page, STORY, TITLE);
  const sidebar = page.getByRole('navigation', { name: 'Library' });
  await sidebar.getByRole('button', { name: 'Unread' }).click();
  await openArticle(page, TITLE);
  await page.reload();
  await expect(sidebar.getByRole('button', { name: 'Unread' })).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('#reader-title')).toHaveText(TITLE);

  await page.getByRole('button', { name: 'New draft' }).click();
  await expect(page.getByLabel('Headline')).toBeFocused();
  await page.keyboard.type('Pier opens late');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.reload();
  await expect(sidebar.getByRole('button', { name: 'Drafts' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByLabel('Headline')).toHaveValue('Pier opens late');

  // Gone since: the window starts with nothing open, not with an error.
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.evaluate(() =>
    localStorage.setItem('dateline:where-left-off', JSON.stringify({ selection: { view: 'drafts', tag: null }, openId: 999 })),
  );
  await page.reload();
  await expect(page.getByText('Choose an article to read, or start a new draft.')).toBeVisible();
});

test('? shows the shortcuts of the current view, and the command palette runs any action by name', async ({ page, app }) => {
  await page.goto(app.url);
  await importAndOpen(page, STORY, TITLE);
  await page.getByTestId('reader-body').click();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('region', { name: 'Reading' })).toContainText('fAdd to favorites');
  await expect(help.getByRole('region', { name: 'List' })).toContainText('Next article');
  await expect(help.getByRole('region', { name: 'Writing' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await page.keyboard.press('Control+Shift+P');
  const palette = page.getByRole('dialog', { name: 'Commands' });
  await page.keyboard.type('archive');
  await expect(palette.getByRole('option').first()).toHaveText(/^Archive/);
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('toolbar', { name: 'Article actions' }).getByRole('button', { name: 'Unarchive' })).toBeVisible();

  // In a field, ? is a character like any other.
  await page.getByRole('searchbox', { name: 'Search the library' }).fill('');
  await page.getByRole('searchbox', { name: 'Search the library' }).press('?');
  await expect(page.getByRole('searchbox', { name: 'Search the library' })).toHaveValue('?');
  await expect(help).toHaveCount(0);

  // The editor's commands are there while a draft is open.
  await page.keyboard.press('Control+Shift+P');
  await page.keyboard.type('new draft');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Headline')).toBeFocused();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Settings' }).focus();
  await page.keyboard.press('?');
  await expect(help.getByRole('region', { name: 'Writing' })).toContainText('Bold');
});

test('list rows show a two-line headline, an excerpt, details and the article’s own picture; compact keeps one line', async ({
  page,
  app,
  fixturesDir,
}) => {
  await page.goto(app.url);
  await page.getByTestId('import-input').setInputFiles(join(fixturesDir, 'html/kursk-page.html'));
  await page.getByRole('button', { name: 'Close' }).click();
  const row = page.getByRole('list', { name: 'Article list' }).locator('.article-row').first();
  const title = row.locator('.row-title');
  const lines = (locator: typeof title) =>
    locator.evaluate((element) => Math.round(element.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight)));
  // Two lines of headline at 1280 px, each wide enough for far more than 30 characters.
  await expect(title).toHaveText(/^Global Security Threatened/);
  expect(await lines(title)).toBe(2);
  expect(await title.evaluate((element) => element.clientWidth)).toBeGreaterThanOrEqual(260);
  await expect(row.locator('.row-excerpt')).toBeVisible();
  await expect(row.locator('.row-meta')).toContainText('min read');
  await expect(row.locator('.row-thumbnail')).toHaveAttribute('style', /background-image: url\("blob:/);

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: 'Compact: one line per article' }).check();
  await page.keyboard.press('Escape');
  expect(await lines(title)).toBe(1);
  await expect(row.locator('.row-excerpt')).toHaveCount(0);
  await expect(row.locator('.row-thumbnail')).toHaveCount(0);
  expect(await row.evaluate((element) => element.getBoundingClientRect().height)).toBeLessThanOrEqual(44);
});

test('at 800 px the sidebar folds into a button and the reader’s toolbar keeps one row with a More menu', async ({ page, app }) => {
  await page.setViewportSize({ width: 800, height: 700 });
  await page.goto(app.url);
  await importAndOpen(page, STORY, TITLE);
  const sidebar = page.getByRole('navigation', { name: 'Library' });
  await expect(sidebar).toBeHidden();
  await page.getByRole('button', { name: 'Library menu' }).click();
  await expect(sidebar).toBeVisible();
  await sidebar.getByRole('button', { name: 'Unread' }).click();
  await expect(sidebar).toBeHidden();

  const toolbar = page.getByRole('toolbar', { name: 'Article actions' });
  const height = await toolbar.evaluate((element) => element.getBoundingClientRect().height);
  expect(height).toBeLessThan(60);
  expect(await toolbar.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(true);
  await toolbar.getByRole('button', { name: 'More' }).click();
  await page.getByRole('menu', { name: 'More actions' }).getByRole('menuitem', { name: 'Find in article' }).click();
  await expect(page.getByRole('search', { name: 'Find in article' })).toBeVisible();

  // The headline wraps between words, never one word a line.
  const lines = await page
    .locator('#reader-title')
    .evaluate((element) => Math.round(element.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight)));
  expect(lines).toBeLessThanOrEqual(3);

  // Wider: what has room is back in the toolbar, and each action shows in one place only.
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 1600, height: 900 });
  await expect(sidebar).toBeVisible();
  await expect(toolbar.getByRole('button', { name: 'Find in article' })).toBeVisible();
  expect(await toolbar.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(true);
  await toolbar.getByRole('button', { name: 'More' }).click();
  const menu = page.getByRole('menu', { name: 'More actions' });
  await expect(menu.getByRole('menuitem', { name: 'Print…' })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Find in article' })).toBeHidden();
});

test('the find bar sits under the reader’s toolbar, not over it, also when the story is scrolled', async ({ page, app }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(app.url);
  const long = [TITLE, ...Array.from({ length: 40 }, (_, n) => `Paragraph ${n} about the harbour board and the new ferry pier.`)].join(
    '\n\n',
  );
  await importAndOpen(page, long, TITLE);
  await page.getByTestId('reader-body').click();
  await page.keyboard.press('Control+f');
  const find = page.getByRole('search', { name: 'Find in article' });
  await expect(find).toBeVisible();
  const toolbar = page.getByRole('toolbar', { name: 'Article actions' });
  for (const scroll of [0, 800]) {
    await page.locator('.content-pane').evaluate((pane, top) => pane.scrollTo({ top }), scroll);
    const bar = (await toolbar.boundingBox())!;
    const box = (await find.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
  }
});

test('the line width “Aa” names is the width it gives: 68 characters hold about 68 characters', async ({ page, app }) => {
  await page.setViewportSize({ width: 1920, height: 1000 });
  await page.goto(app.url);
  const paragraph = 'The harbour board approved the new ferry pier on Tuesday after two years of objections from residents '.repeat(6);
  await importAndOpen(page, `${TITLE}\n\n${paragraph}`, TITLE);
  await page.getByRole('button', { name: 'Text settings' }).click();
  await expect(page.getByRole('group', { name: 'Text settings' })).toContainText('68 characters');
  const firstLine = await page
    .getByTestId('reader-body')
    .locator('p')
    .first()
    .evaluate((p) => {
      const text = p.firstChild as Text;
      const range = document.createRange();
      const topOf = (index: number) => {
        range.setStart(text, index);
        range.setEnd(text, index + 1);
        return range.getBoundingClientRect().top;
      };
      const top = topOf(0);
      let count = 0;
      while (count < text.length && Math.abs(topOf(count) - top) < 2) count += 1;
      return count;
    });
  // Lines break between words, so a line holds a few characters less or more.
  expect(firstLine).toBeGreaterThanOrEqual(62);
  expect(firstLine).toBeLessThanOrEqual(73);
});

test('Ctrl+A selects every article of the list, past its loaded pages, and a bulk deletion offers one Undo', async ({ page, app }) => {
  await page.goto(app.url);
  const count = 230; // more than one page of the list (200 rows)
  await page.getByTestId('import-input').setInputFiles(
    Array.from({ length: count }, (_, i) => ({
      name: `${i}.txt`,
      mimeType: 'text/plain',
      buffer: Buffer.from(`Council notice number ${i}\n\nThe council posted notice ${i} on the board.`),
    })),
  );
  await page.getByRole('button', { name: 'Close' }).click();
  const list = page.getByRole('list', { name: 'Article list' });
  const bar = page.getByRole('toolbar', { name: 'Selected articles' });

  await list.getByRole('button').first().focus();
  await page.keyboard.press('ControlOrMeta+A');
  await expect(bar).toContainText(`${count} selected`);
  await bar.getByRole('button', { name: 'Archive', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `Archived ${count} articles.` })).toBeVisible();
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Unread' }).click();
  await expect(page.getByText('Nothing here yet.')).toBeVisible();
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'All articles' }).click();

  // One chosen by hand, then "Select all 230" in the bar; deleting them all gives one Undo.
  await list.getByRole('checkbox').first().check();
  await expect(bar).toContainText('1 selected');
  await bar.getByRole('button', { name: `Select all ${count}` }).click();
  await expect(bar).toContainText(`${count} selected`);
  await bar.getByRole('button', { name: 'Delete' }).click();
  const notice = page.getByRole('status').filter({ hasText: `Deleted ${count} articles.` });
  await expect(notice).toBeVisible();
  await expect(list).toContainText('Deleted “Council notice number');
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(1);
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(list.getByRole('button', { name: /Council notice number/ }).first()).toBeVisible();
  await expect(list).not.toContainText('Deleted');
});

test('a reload keeps the list’s sort and the drafts’ filter, and shows the open article’s row', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByTestId('import-input').setInputFiles(
    Array.from({ length: 60 }, (_, i) => ({
      name: `${i}.txt`,
      mimeType: 'text/plain',
      buffer: Buffer.from(`Notice ${String(i).padStart(2, '0')} from the council\n\nThe council posted notice ${i}.`),
    })),
  );
  await page.getByRole('button', { name: 'Close' }).click();
  const list = page.getByRole('list', { name: 'Article list' });
  await page.getByRole('combobox', { name: 'Sort articles' }).selectOption('title');
  await expect(list.locator('.row-title').first()).toHaveText('Notice 00 from the council');
  await list.getByRole('button').first().focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(page.locator('#reader-title')).toHaveText('Notice 59 from the council');

  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Sort articles' })).toHaveValue('title');
  await expect(page.locator('#reader-title')).toHaveText('Notice 59 from the council');
  await expect(list.locator('[aria-current="true"]')).toBeInViewport();

  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Drafts' }).click();
  await page.getByRole('combobox', { name: 'Filter drafts by status' }).selectOption('ready');
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Filter drafts by status' })).toHaveValue('ready');
  await expect(page.getByText('No drafts with this status.')).toBeVisible();
});

test('a search with its filters is kept in the sidebar, runs again from there, and can be removed', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByTestId('import-input').setInputFiles(
    ['Harbour pier opens', 'Harbour fees rise', 'Rail line shuts'].map((title, i) => ({
      name: `${i}.txt`,
      mimeType: 'text/plain',
      buffer: Buffer.from(`${title}\n\nA story about the ${title.toLowerCase()} and the harbour board.`),
    })),
  );
  await page.getByRole('button', { name: 'Close' }).click();
  const search = page.getByRole('searchbox', { name: 'Search the library' });
  await search.fill('harbour -fees');
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('button')).toHaveCount(2);
  await page.getByRole('button', { name: 'Save search' }).click();
  const name = page.getByRole('textbox', { name: 'Name of the saved search' });
  await expect(name).toHaveValue('harbour -fees');
  await name.fill('Harbour, no fees');
  await name.press('Enter');
  await expect(page.getByText('Saved in the sidebar')).toBeVisible();

  const saved = page.getByRole('list', { name: 'Saved searches' });
  await search.fill('');
  await expect(results).toBeHidden();
  await page.reload();
  await saved.getByRole('button', { name: 'Harbour, no fees', exact: true }).click();
  await expect(search).toHaveValue('harbour -fees');
  await expect(results.getByRole('button')).toHaveCount(2);
  await expect(saved.getByRole('button', { name: 'Harbour, no fees', exact: true })).toHaveAttribute('aria-current', 'page');

  await saved.getByRole('button', { name: 'Remove the saved search “Harbour, no fees”' }).click();
  await expect(saved).toBeHidden();
  await expect(page.getByRole('button', { name: 'Save search' })).toBeVisible();
});

test('the panes are resized by dragging or from the keyboard, fold away, and keep their sizes', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.url);
  await importAndOpen(page, STORY, TITLE);
  const width = (selector: string) => page.locator(selector).evaluate((element) => Math.round(element.getBoundingClientRect().width));
  const listEdge = page.getByRole('separator', { name: 'Article list width' });
  const sidebarEdge = page.getByRole('separator', { name: 'Sidebar width' });
  expect(await width('.library-pane')).toBe(420);

  // Dragged 100 px narrower.
  const box = (await listEdge.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 50, box.y + 200);
  await page.mouse.move(box.x + box.width / 2 - 100, box.y + 200);
  await page.mouse.up();
  expect(await width('.library-pane')).toBe(320);
  await expect(page.locator('#reader-title')).toHaveText(TITLE);

  // From the keyboard: an arrow moves the edge 16 px; Enter folds the pane away.
  await sidebarEdge.focus();
  await page.keyboard.press('ArrowRight');
  expect(await width('.sidebar')).toBe(226);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeHidden();
  expect(await width('.library-pane')).toBe(320);

  await page.reload();
  await expect(page.locator('#reader-title')).toHaveText(TITLE);
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeHidden();
  expect(await width('.library-pane')).toBe(320);
  await page.getByRole('button', { name: 'Library menu' }).click();
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();
  expect(await width('.sidebar')).toBe(226);

  // A double-click folds the list; the article takes the room, and the edge brings it back.
  const before = await width('.content-pane');
  await listEdge.dblclick();
  await expect(page.getByRole('list', { name: 'Article list' })).toBeHidden();
  expect(await width('.content-pane')).toBe(before + 320);
  await page.reload();
  await expect(page.getByRole('list', { name: 'Article list' })).toBeHidden();
  await listEdge.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Article list' })).toBeVisible();
  expect(await width('.library-pane')).toBe(320);
});

test('“Aa” sets the theme too, keeps each label on one line, and changing the line width leaves the toolbar as it was', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await importAndOpen(page, STORY, TITLE);
  const toolbar = page.getByRole('toolbar', { name: 'Article actions' });
  const layout = () =>
    toolbar.evaluate((bar) =>
      [...bar.querySelectorAll('button')]
        .filter((button) => button.offsetParent !== null)
        .map((button) => {
          const box = button.getBoundingClientRect();
          return `${button.textContent}@${Math.round(box.left)},${Math.round(box.top)}`;
        }),
    );
  for (const width of [1280, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByRole('button', { name: 'Text settings' }).click();
    const panel = page.getByRole('group', { name: 'Text settings' });
    const before = await layout();
    for (let step = 0; step < 6; step += 1) await panel.getByRole('button', { name: 'Larger line width' }).click();
    await expect(panel).toContainText('92 characters');
    expect(await layout()).toEqual(before);
    for (let step = 0; step < 6; step += 1) await panel.getByRole('button', { name: 'Smaller line width' }).click();
    await expect(panel).toContainText('68 characters');

    // One line each: no label is taller than its line.
    const wrapped = await panel.evaluate((group) =>
      [...group.querySelectorAll('label, legend, .stepper-label, output')]
        .filter((element) => element.getClientRects().length > 0)
        .filter((element) => element.getBoundingClientRect().height > parseFloat(getComputedStyle(element).lineHeight || '20') * 1.5)
        .map((element) => element.textContent),
    );
    expect(wrapped).toEqual([]);
    await page.getByRole('button', { name: 'Text settings' }).click();
  }

  await page.getByRole('button', { name: 'Text settings' }).click();
  await page.getByRole('group', { name: 'Text settings' }).getByRole('radio', { name: 'Sepia' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
});

test('a draft opened shows its own word count from the start, never “0 words” first', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'New draft' }).click();
  await page.getByLabel('Headline').fill('Pier vote goes to the council');
  await page.getByRole('textbox', { name: 'Article body' }).click();
  await page.keyboard.type('The council will review the decision on Monday.');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.reload();
  await expect(page.getByTestId('word-count')).toHaveText('8 words');
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'All articles' }).click();
  await page.getByRole('button', { name: 'New draft' }).click();
  await expect(page.getByTestId('word-count')).toHaveText('0 words');

  // Every count the status bar shows while the first draft opens again.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { counts: string[] }).counts = seen;
    new MutationObserver(() => {
      const count = document.querySelector('[data-testid="word-count"]')?.textContent;
      if (count && seen.at(-1) !== count) seen.push(count);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page
    .getByRole('list', { name: 'Article list' })
    .getByRole('button', { name: /Pier vote/ })
    .click();
  await expect(page.getByTestId('word-count')).toHaveText('8 words');
  expect(await page.evaluate(() => (window as unknown as { counts: string[] }).counts)).toEqual(['8 words']);
});
