import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, importAndOpen, openArticle, selectText as select, test } from './fixtures.ts';

const STORY = [
  'Ferry crews walk out over pay',
  'The ferry crews walked out on Monday morning, stranding islanders on both sides of the sound.',
  'Union leaders said the operator had refused three offers of arbitration since the spring.',
  'The operator said talks would resume on Thursday with a mediator from the harbour board.',
].join('\n\n');

/** Opens the story in the reading view and finds `needle` in it (Ctrl+F); returns the find bar. */
async function findInStory(page: Page, url: string, needle: string) {
  await page.goto(url);
  await importAndOpen(page, STORY, 'Ferry crews walk out over pay');
  await page.getByTestId('reader-body').click();
  await page.keyboard.press('Control+f');
  const find = page.getByRole('search', { name: 'Find in article' });
  await find.getByRole('searchbox').fill(needle);
  return find;
}

const mark = (page: Page, text: string) => page.getByTestId('reader-body').locator('mark.highlight', { hasText: text });

test('a highlight is made, noted, recoloured, found in the Highlights view and in search, exported and removed', async ({ page, app }) => {
  await page.goto(app.url);
  await importAndOpen(page, STORY, 'Ferry crews walk out over pay');

  // A colour from the bar over the selection, and h for the default colour.
  await select(page, 'refused three offers of arbitration');
  await page.getByRole('toolbar', { name: 'Highlight the selection' }).getByRole('button', { name: 'Highlight green' }).click();
  await expect(mark(page, 'refused three offers of arbitration')).toHaveAttribute('data-color', 'green');
  await select(page, 'a mediator from the harbour board');
  await page.keyboard.press('h');
  await expect(mark(page, 'a mediator from the harbour board')).toHaveAttribute('data-color', 'yellow');
  await expect(page.getByRole('toolbar', { name: 'Highlight the selection' })).toBeHidden();

  // Clicking a highlight edits it: a note, another colour.
  await mark(page, 'refused three offers').click();
  const editor = page.getByRole('dialog', { name: 'Highlight' });
  await editor.getByRole('textbox', { name: 'Note' }).fill('Ask the union for the dates of each offer');
  await editor.getByRole('radio', { name: 'Pink' }).check();
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await expect(mark(page, 'refused three offers')).toHaveAttribute('data-color', 'pink');
  await expect(mark(page, 'refused three offers')).toHaveAttribute('title', 'Ask the union for the dates of each offer');

  // Kept in the library: still there after a reload.
  await page.reload();
  await openArticle(page, 'Ferry crews walk out over pay');
  await expect(mark(page, 'refused three offers of arbitration')).toHaveAttribute('data-color', 'pink');
  await expect(mark(page, 'a mediator from the harbour board')).toBeVisible();

  // The article's panel lists both in reading order, and exports them as Markdown.
  await page.getByRole('button', { name: 'Highlights (2)' }).click();
  const panel = page.getByRole('region', { name: 'Highlights' });
  await expect(panel.getByRole('listitem')).toHaveText([/refused three offers.*Ask the union/, /a mediator from the harbour board/]);
  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export as Markdown' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe('Ferry crews walk out over pay.highlights.md');
  expect(readFileSync((await file.path())!, 'utf8')).toContain(
    '> refused three offers of arbitration\n\nAsk the union for the dates of each offer\n',
  );

  // Search finds the note, and leads to the Highlights view.
  const search = page.getByRole('searchbox', { name: 'Search the library' });
  await search.fill('dates');
  await page.getByRole('button', { name: '1 highlight or note' }).click();
  const list = page.getByRole('list', { name: 'Highlights' });
  await expect(page.getByRole('searchbox', { name: 'Search highlights and notes' })).toHaveValue('dates');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem')).toContainText('Ask the union for the dates of each offer');
  await expect(list.getByRole('listitem').locator('mark')).toHaveText('dates');
  await page.getByRole('searchbox', { name: 'Search highlights and notes' }).fill('');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').first()).toContainText('Ferry crews walk out over pay');

  // Choosing one shows it in its article.
  await list.getByRole('button', { name: /a mediator from the harbour board/ }).click();
  await expect(mark(page, 'a mediator from the harbour board')).toHaveClass(/flash/);

  // Removing it takes it out of the story, the panel and the view.
  await mark(page, 'a mediator').click();
  await page.getByRole('dialog', { name: 'Highlight' }).getByRole('button', { name: 'Remove highlight' }).click();
  await expect(mark(page, 'a mediator')).toHaveCount(0);
  await expect(list.getByRole('listitem')).toHaveCount(1);
});

test('highlights from a Wallabag export are placed in the story, and one that no longer fits is listed, not lost', async ({
  page,
  app,
  fixturesDir,
}) => {
  const entries = JSON.parse(readFileSync(join(fixturesDir, 'archives/wallabag-export.json'), 'utf8'));
  entries[0].is_archived = 0;
  entries[0].annotations.push({ text: 'From an older version of the story', quote: 'The minister resigned on Friday.' });
  await page.goto(app.url);
  await page
    .getByTestId('import-input')
    .setInputFiles({ name: 'wallabag.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(entries)) });
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await openArticle(page, 'Ferries resume');

  await expect(mark(page, 'Talks with the operator lasted two days.')).toHaveAttribute('title', 'Check with the operator');
  await page.getByRole('button', { name: 'Highlights (2)' }).click();
  const panel = page.getByRole('region', { name: 'Highlights' });
  await expect(panel.getByRole('heading', { name: 'Could not be placed in the text as it is now' })).toBeVisible();
  await expect(panel.getByRole('listitem').last()).toContainText('The minister resigned on Friday.From an older version of the story');
});

test('regression: the matches of find in the article stay on their words when a highlight is painted over them', async ({ page, app }) => {
  const find = await findInStory(page, app.url, 'the operator');
  await expect(find.getByRole('status')).toHaveText('1 of 2');
  const painted = (name: string) =>
    page.evaluate((key) => [...(CSS.highlights.get(key) ?? [])].map((range) => (range as Range).toString().toLowerCase()), name);
  expect(await painted('find-match')).toEqual(['the operator', 'the operator']);

  // Marks wrap the words the matches were on; the find bar stays open.
  await select(page, 'said the operator had refused');
  await page.getByRole('toolbar', { name: 'Highlight the selection' }).getByRole('button', { name: 'Highlight green' }).click();
  await expect(mark(page, 'said the operator had refused')).toBeVisible();
  await expect(find.getByRole('status')).toHaveText('1 of 2');
  await expect.poll(() => painted('find-match')).toEqual(['the operator', 'the operator']);
  expect(await painted('find-current')).toEqual(['the operator']);
});

test('find in the article counts the matches and steps through them; j and k open the next and previous article', async ({ page, app }) => {
  const find = await findInStory(page, app.url, 'the operator');
  await expect(find.getByRole('status')).toHaveText('1 of 2');
  await find.getByRole('searchbox').press('Enter');
  await expect(find.getByRole('status')).toHaveText('2 of 2');
  await find.getByRole('searchbox').press('Shift+Enter');
  await expect(find.getByRole('status')).toHaveText('1 of 2');
  expect(await page.evaluate(() => CSS.highlights.get('find-match')?.size)).toBe(2);
  await find.getByRole('searchbox').fill('mediator harbour');
  await expect(find.getByRole('status')).toHaveText('No matches');
  await find.getByRole('searchbox').press('Escape');
  await expect(find).toBeHidden();
  expect(await page.evaluate(() => CSS.highlights.has('find-match'))).toBe(false);

  await importAndOpen(page, 'Second story on the list\n\nA newer story.', 'Second story on the list');
  // Newest first: the first story is next in the list.
  await page.getByTestId('reader-body').click();
  await page.keyboard.press('j');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ferry crews walk out over pay');
  await page.keyboard.press('k');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Second story on the list');
});

test('a tag and a search export as EPUB books for an e-reader', async ({ page, app }) => {
  await page.goto(app.url);
  await importAndOpen(page, STORY, 'Ferry crews walk out over pay');
  await page.getByRole('textbox', { name: 'Add a tag' }).fill('ferries');
  await page.getByRole('textbox', { name: 'Add a tag' }).press('Enter');
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /ferries/ })
    .click();

  let downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as EPUB' }).click();
  let book = await downloading;
  expect(book.suggestedFilename()).toBe('Tag ferries.epub');
  const bytes = readFileSync((await book.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  expect(bytes.subarray(30, 58).toString()).toBe('mimetypeapplication/epub+zip');

  await page.getByRole('searchbox', { name: 'Search the library' }).fill('mediator');
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('listitem')).toHaveCount(1);
  downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as EPUB' }).click();
  book = await downloading;
  expect(book.suggestedFilename()).toBe('Search mediator.epub');
  const chapter = unzipSync(readFileSync((await book.path())!))['OEBPS/chapter-1.xhtml'];
  expect(strFromU8(chapter!)).toContain('<h1>Ferry crews walk out over pay</h1>');
});

test('a note being written on a highlight removed in another window stays open with the reason, not lost', async ({
  page,
  app,
  context,
}) => {
  await page.goto(app.url);
  await importAndOpen(page, STORY, 'Ferry crews walk out over pay');
  await select(page, 'refused three offers of arbitration');
  await page.keyboard.press('h');
  await mark(page, 'refused three offers').click();
  const editor = page.getByRole('dialog', { name: 'Highlight' });
  await editor.getByRole('textbox', { name: 'Note' }).fill('A long note the reporter must not lose');

  const other = await context.newPage();
  await other.goto(app.url);
  await openArticle(other, 'Ferry crews walk out over pay');
  await mark(other, 'refused three offers').click();
  await other.getByRole('dialog', { name: 'Highlight' }).getByRole('button', { name: 'Remove highlight' }).click();
  await expect(mark(other, 'refused three offers')).toHaveCount(0);

  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByRole('alert')).toHaveText(/^Not saved: There is no highlight with id \d+\.$/);
  await expect(editor.getByRole('textbox', { name: 'Note' })).toHaveValue('A long note the reporter must not lose');
});
