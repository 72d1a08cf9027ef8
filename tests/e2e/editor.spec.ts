import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getArticle } from '../../electron/library/articles.ts';
import { createDraft } from '../../electron/library/drafts.ts';
import { Library } from '../../electron/library/library.ts';
import { expect, readerAction, type RunningApp, startApp, stopApp, test } from './fixtures.ts';
import { listArticles } from '../helpers/queries.ts';

const body = (page: Page) => page.getByRole('textbox', { name: 'Article body' });

async function newDraft(page: Page, app: RunningApp, headline = 'Council passes the harbour budget') {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'New draft' }).click();
  await page.getByLabel('Headline').fill(headline);
  await body(page).click();
}

/** Imports the Kursk story and opens it in the reading view. */
async function readKurskStory(page: Page, app: RunningApp, fixturesDir: string) {
  await page.goto(app.url);
  await page.getByTestId('import-input').setInputFiles(join(fixturesDir, 'plain-text/north-korean-troops-kursk.txt'));
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('list', { name: 'Article list' }).getByRole('button').first().click();
  await expect(page.getByTestId('reader-body').locator('p')).toHaveCount(6);
}

/** What the library holds for the newest draft, read straight from the file. */
function storedDraft(app: RunningApp) {
  const library = Library.open(app.libraryPath);
  try {
    const newest = listArticles(library, { view: 'drafts', limit: 1 }).items[0]!;
    return getArticle(library, newest.id);
  } finally {
    library.close();
  }
}

async function saved(page: Page) {
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
}

async function paste(page: Page, data: Record<string, string>) {
  await page.evaluate((entries) => {
    const transfer = new DataTransfer();
    for (const [type, value] of Object.entries(entries)) transfer.setData(type, value);
    document
      .querySelector('.editor-content')!
      .dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, data);
}

test('each formatting tool and Markdown shortcut makes the structure it names', async ({ page, app }) => {
  await newDraft(page, app);
  const type = (text: string) => page.keyboard.type(text);
  const enter = () => page.keyboard.press('Enter');

  await type('## Section two');
  await enter();
  await type('### Details');
  await enter();
  await type('#### Fine print');
  await enter();
  await type('Plain, **bold**, _italic_ and ~~gone~~ and `code`.');
  await enter();
  await type('> Quoted words');
  await enter();
  await enter();
  await type('- bullet one');
  await enter();
  await type('bullet two');
  await enter();
  await enter();
  await type('1. first');
  await enter();
  await type('second');
  await enter();
  await enter();
  await page.getByRole('button', { name: 'Underline' }).click();
  await type('underlined');
  await page.getByRole('button', { name: 'Underline' }).click();
  await type(' and a ');
  await expect(body(page)).toContainText('underlined and a');
  await page.keyboard.down('Shift');
  for (let i = 0; i < 'and a '.length; i += 1) await page.keyboard.press('ArrowLeft');
  await page.keyboard.up('Shift');
  await page.keyboard.press('Control+k');
  await page.getByLabel('Link address').fill('council.example/agenda');
  await page.getByRole('button', { name: 'Add link' }).click();
  await expect(body(page).locator('a')).toHaveText('and a ');
  await expect(body(page)).toBeFocused();
  await page.keyboard.press('End');
  await enter();
  await page.getByRole('button', { name: 'Horizontal rule' }).click();
  await page.getByRole('button', { name: 'Table' }).click();
  await page.getByRole('button', { name: 'Pull quote' }).click();
  await page.getByRole('textbox', { name: 'Pull quote' }).fill('Another winter would sink us');
  await page.getByRole('textbox', { name: 'Attribution' }).fill('The harbour master');
  await body(page).click();
  await saved(page);

  const html = storedDraft(app).html;
  expect(html).toContain('<h2>Section two</h2><h3>Details</h3><h4>Fine print</h4>');
  expect(html).toContain('<p>Plain, <strong>bold</strong>, <em>italic</em> and <s>gone</s> and <code>code</code>.</p>');
  expect(html).toContain('<blockquote>Quoted words</blockquote>');
  expect(html).toContain('<ul><li>bullet one</li><li>bullet two</li></ul>');
  expect(html).toContain('<ol><li>first</li><li>second</li></ol>');
  expect(html).toContain('<u>underlined</u>');
  expect(html).toContain('<a href="https://council.example/agenda">and a </a>');
  expect(html).toContain('<hr>');
  expect(html).toMatch(/<table><tbody><tr><th>/);
  expect(html).toContain(
    '<aside class="pullquote"><blockquote><p>Another winter would sink us</p></blockquote><p class="attribution">The harbour master</p></aside>',
  );
});

test('a link must be http, https or mailto', async ({ page, app }) => {
  await newDraft(page, app);
  await page.keyboard.type('Click here');
  await page.keyboard.press('Shift+Home');
  await page.getByRole('button', { name: 'Link' }).click();
  await page.getByLabel('Link address').fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Add link' }).click();
  await expect(page.getByRole('dialog', { name: 'Link' })).toContainText('Use a web address');
  await page.getByLabel('Link address').fill('desk@paper.example');
  await page.getByRole('button', { name: 'Add link' }).click();
  await saved(page);
  expect(storedDraft(app).html).toBe('<p><a href="mailto:desk@paper.example">Click here</a></p>');
});

test('a pasted or typed link to anything but the web or mail is its words, not a link', async ({ page, app }) => {
  await newDraft(page, app);
  await paste(page, {
    'text/html':
      '<p>See <a href="javascript:alert(1)">the agenda</a>, <a href=" JAVASCRIPT:alert(2)">the minutes</a>, ' +
      '<a href="/files/notes">the notes</a> and <a href="https://paper.example/vote">the vote</a>.</p>',
    'text/plain': 'See the agenda',
  });
  await page.keyboard.press('Enter');
  await page.keyboard.type('Read [the budget](javascript:alert(3)) today.');
  await saved(page);
  expect(storedDraft(app).html).toBe(
    '<p>See the agenda, the minutes, the notes and <a href="https://paper.example/vote">the vote</a>.</p>' +
      '<p>Read [the budget](javascript:alert(3)) today.</p>',
  );
});

for (const [source, file] of [
  ['Word', 'word.html'],
  ['Google Docs', 'google-docs.html'],
] as const) {
  test(`a paste from ${source} arrives as clean structure`, async ({ page, app, fixturesDir }) => {
    await newDraft(page, app);
    await paste(page, { 'text/html': readFileSync(join(fixturesDir, 'paste', file), 'utf8'), 'text/plain': 'Harbour budget' });
    await saved(page);
    const html = storedDraft(app).html;
    expect(html).toContain('<h2>Harbour budget</h2>');
    expect(html).toContain('<p>The council voted <strong>eight to one</strong> on <em>Tuesday</em>.</p>');
    expect(html).toContain('<ul><li>New pier</li><li>Wider quay</li></ul>');
    expect(html).toContain('<a href="https://council.example/minutes">Read the minutes</a>');
    if (source === 'Word') {
      expect(html).toContain('<ol><li>First reading</li><li>Vote</li></ol>');
      expect(html).toContain('<blockquote><em>We cannot wait another winter.</em></blockquote>');
    } else {
      await expect(page.getByRole('status').filter({ hasText: 'One image from the web was left out' })).toBeVisible();
    }
    await expect(body(page).locator('[style]')).toHaveCount(0);
    expect(html).not.toMatch(/style=|font|color|Calibri|Arial|mso-|docs-internal|<span/i);
  });
}

test('Shift+Ctrl+V pastes plain text only', async ({ page, app }) => {
  await newDraft(page, app);
  // The shortcut's keydown, then the paste it causes (a real Ctrl+Shift+V would paste this
  // machine's empty clipboard, so both events are sent as the browser sends them).
  await page.evaluate(() =>
    document
      .querySelector('.editor-content')!
      .dispatchEvent(
        new KeyboardEvent('keydown', { key: 'V', code: 'KeyV', ctrlKey: true, shiftKey: true, bubbles: true, cancelable: true }),
      ),
  );
  await paste(page, { 'text/html': '<h2 style="color:red">Loud</h2>', 'text/plain': 'Just words' });
  await saved(page);
  expect(storedDraft(app).html).toBe('<p>Just words</p>');
});

test('counts words, characters, paragraphs, selection and TK placeholders on tricky text', async ({ page, app }) => {
  await newDraft(page, app, 'Troops arrive');
  await page.keyboard.type('The Asia-Pacific region has 8,000 troops — well-known TK.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('東京で大雨');
  await expect(page.getByTestId('word-count')).toHaveText(/^1[01] words$/);
  await expect(page.getByTestId('paragraph-count')).toHaveText('2 paragraphs');
  await expect(page.getByTestId('character-count')).toHaveText('62 characters');
  await expect(page.getByTestId('tk-count')).toHaveText('1 TK placeholder left');
  await expect(page.getByTestId('headline-length')).toHaveText('headline 13 characters');
  await page.keyboard.press('Shift+Home');
  await expect(page.getByTestId('selection-count')).toHaveText(/^selected \d+ words, 5 characters$/);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Replaced TK by the final figure.');
  await expect(page.getByTestId('tk-count')).toHaveCount(1);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('The final figure.');
  await expect(page.getByTestId('tk-count')).toHaveCount(0);
  await expect(page.getByTestId('word-count')).toHaveText('3 words');
});

test('metadata and status round-trip, and drafts filter by status', async ({ page, app }) => {
  await newDraft(page, app, 'Mayor’s budget plan');
  await page.keyboard.type('Text.');
  await page.getByText('Story details').click();
  await expect(page.getByLabel('Slug')).toHaveValue('mayors-budget-plan');
  await page.getByLabel('Dateline').fill('PORT TOWN —');
  await page.getByLabel('Slug').fill('budget-mayor');
  await page.getByLabel('Word target').fill('600');
  await page.getByLabel('Editor’s note').fill('Check the vote count with the clerk');
  await page.getByLabel('Story status', { exact: true }).selectOption('ready');
  await page.getByLabel('Headline').fill('Mayor’s budget plan passes');
  await saved(page);
  await expect(page.getByTestId('word-target')).toContainText('of 600');

  await page.reload();
  await page.getByRole('button', { name: 'Drafts' }).click();
  const row = page.getByRole('list', { name: 'Article list' }).getByRole('button', { name: /Mayor’s budget plan passes/ });
  await expect(row).toContainText('Ready');
  await page.getByLabel('Filter drafts by status').selectOption('editing');
  await expect(page.getByText('No drafts with this status.')).toBeVisible();
  await page.getByLabel('Filter drafts by status').selectOption('ready');
  await row.click();
  await page.getByText('Story details').click();
  await expect(page.getByLabel('Dateline')).toHaveValue('PORT TOWN —');
  await expect(page.getByLabel('Slug')).toHaveValue('budget-mayor');
  await expect(page.getByLabel('Word target')).toHaveValue('600');
  await expect(page.getByLabel('Editor’s note')).toHaveValue('Check the vote count with the clerk');
  await expect(page.getByLabel('Story status', { exact: true })).toHaveValue('ready');
});

test('a version can be compared word by word and restored without losing the newer text', async ({ page, app }) => {
  await newDraft(page, app);
  await page.keyboard.type('The council voted eight to one.');
  await saved(page);
  await page.getByRole('button', { name: 'History' }).click();
  await page.getByLabel('Version label').fill('Before the edit');
  await page.getByRole('button', { name: 'Save version' }).click();
  await expect(page.getByRole('button', { name: /Before the edit/ })).toBeVisible();

  await body(page).click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('The council voted nine to nothing.');
  await saved(page);
  await page.getByRole('button', { name: /Before the edit/ }).click();
  const diff = page.getByTestId('revision-diff');
  await expect(diff.locator('del')).toHaveText(['eight', 'one']);
  await expect(diff.locator('ins')).toHaveText(['nine', 'nothing']);

  await page.getByRole('button', { name: 'Restore this version' }).click();
  await expect(body(page)).toHaveText('The council voted eight to one.');
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('button', { name: /Restored the version of/ })).toBeVisible();
  await page.getByRole('button', { name: /Before a restore/ }).click();
  await expect(page.getByTestId('revision-diff').locator('del')).toHaveText(['nine', 'nothing']);
});

test('an image inserted from a file is stored in the library with its caption and credit', async ({ page, app }) => {
  await newDraft(page, app);
  await page.keyboard.type('Picture below.');
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEUlEQVR4nGP4z8DAwMDAAAAT/gH/7oOUUQAAAABJRU5ErkJggg==', 'base64');
  await page.getByTestId('image-input').setInputFiles({ name: 'quay.png', mimeType: 'image/png', buffer: png });
  const figure = body(page).locator('figure');
  await expect(figure.locator('img')).toHaveAttribute('src', /^blob:/);
  await figure.getByLabel('Caption').fill('The quay at dawn.');
  await figure.getByLabel('Credit').fill('Ana Lima');
  await body(page).click();
  await saved(page);
  const stored = storedDraft(app);
  expect(stored.html).toMatch(
    /<figure><img src="dateline-media:\/\/library\/\d+" alt=""><figcaption>The quay at dawn\. <span class="credit">Ana Lima<\/span><\/figcaption><\/figure>/,
  );
  expect(stored.wordCount).toBe(2);
  await expect(page.getByTestId('caption-count')).toHaveText('captions 6 words');
});

test('a reader starts a follow-up draft quoting the passage they selected', async ({ page, app, fixturesDir }) => {
  await readKurskStory(page, app, fixturesDir);
  await page.evaluate(() => {
    const paragraph = document.querySelectorAll('[data-testid="reader-body"] p')[2]!;
    window.getSelection()!.selectAllChildren(paragraph);
  });
  await readerAction(page, 'Start a draft');
  const editor = body(page);
  await expect(editor.locator('p').first()).toHaveText(/^Following up on “Global Security Threatened/);
  await expect(editor.locator('blockquote')).toHaveText(/^Ukrainian President Volodymyr Zelenskyy acknowledged/);
});

test('regression: keys typed while a follow-up draft is made do not work the reading view’s letter keys', async ({
  page,
  app,
  fixturesDir,
}) => {
  await readKurskStory(page, app, fixturesDir);
  const reading = Library.open(app.libraryPath);
  const sourceId = listArticles(reading, { view: 'all' }).items[0]!.id;
  reading.close();
  // A loaded machine: the draft takes a while to be made, and the journalist starts typing.
  await page.route('**/api/invoke/articles.draftFrom', async (route) => {
    await new Promise((made) => setTimeout(made, 1500));
    await route.continue();
  });
  await readerAction(page, 'Start a draft');
  await page.keyboard.type('ferry');
  await expect(body(page).locator('p').first()).toHaveText(/^Following up on “Global Security Threatened/);
  const library = Library.open(app.libraryPath);
  try {
    // The reading view's "f" (favorite) and "e" (archive) were not pressed on the story.
    expect(getArticle(library, sourceId)).toMatchObject({ favorite: false, archived: false });
  } finally {
    library.close();
  }
});

test('a Markdown file opens as a new draft', async ({ page, app, fixturesDir }) => {
  await page.goto(app.url);
  await page.getByTestId('draft-input').setInputFiles(join(fixturesDir, 'drafts/council-notes.md'));
  await expect(page.getByLabel('Headline')).toHaveValue('Council weighs harbour budget');
  await expect(body(page).locator('h2')).toHaveText('What is in it');
  await expect(body(page).locator('li')).toHaveText(['A new ferry pier', 'A wider quay', 'First reading', 'Vote']);
});

test('everything acknowledged as saved survives the server being killed mid-typing', async ({ page, app }) => {
  await newDraft(page, app, 'Written before the crash');
  await page.keyboard.type('First paragraph, saved.');
  await saved(page);
  await page.keyboard.press('Enter');
  await page.keyboard.type('Second paragraph, also saved.');
  await saved(page);
  // Typing goes on while the server dies: whatever was not acknowledged may be lost, nothing else.
  await page.keyboard.type(' Unsaved words');
  app.process.kill('SIGKILL');
  await new Promise((resolve) => app.process.once('exit', resolve));

  const restarted = await startApp(app.libraryPath);
  try {
    await page.goto(restarted.url);
    await page.getByRole('button', { name: 'Drafts' }).click();
    await page
      .getByRole('list', { name: 'Article list' })
      .getByRole('button', { name: /Written before the crash/ })
      .click();
    await expect(body(page).locator('p')).toHaveText([/^First paragraph, saved\.$/, /^Second paragraph, also saved\./]);
  } finally {
    await stopApp(restarted);
  }
});

test('regression: Ctrl+K pressed right after selecting links the whole selection', async ({ page, app }) => {
  await newDraft(page, app);
  await page.keyboard.type('Read the full report today');
  await page.keyboard.down('Shift');
  for (let i = 0; i < 'report today'.length; i += 1) await page.keyboard.press('ArrowLeft');
  await page.keyboard.up('Shift');
  await page.keyboard.press('Control+k');
  await page.getByLabel('Link address').fill('https://council.example/report');
  await page.getByRole('button', { name: 'Add link' }).click();
  await expect(body(page).locator('a')).toHaveText('report today');
  await page.keyboard.type('.');
  await saved(page);
  expect(storedDraft(app).html).toBe('<p>Read the full <a href="https://council.example/report">report today</a>.</p>');
});

test('regression: a headline typed right after “New draft” goes to the new draft, not the one open before', async ({ page, app }) => {
  await newDraft(page, app, 'Harbour budget, first take');
  await page.keyboard.type('The first story.');
  await saved(page);
  // A loaded machine: the new draft takes a while to be made, and the journalist types on.
  await page.route('**/api/invoke/articles.createDraft', async (route) => {
    await new Promise((made) => setTimeout(made, 1500));
    await route.continue();
  });
  await page.getByRole('button', { name: 'New draft' }).click();
  await page.getByLabel('Headline').fill('Harbour budget, second take');
  await body(page).click();
  await saved(page);
  const library = Library.open(app.libraryPath);
  try {
    const titles = listArticles(library, { view: 'drafts' }).items.map((draft) => draft.title);
    expect(titles.sort()).toEqual(['Harbour budget, first take', 'Harbour budget, second take']);
  } finally {
    library.close();
  }
});

test('regression: bold and italic from Google Docs survive the page’s Content Security Policy', async ({ page, app }) => {
  await newDraft(page, app);
  await paste(page, {
    'text/html':
      '<b style="font-weight:normal;" id="docs-internal-guid-1"><p><span style="font-weight:700;color:#000">Strong</span> and <span style="font-style:italic">slanted</span></p></b>',
    'text/plain': 'Strong and slanted',
  });
  await saved(page);
  expect(storedDraft(app).html).toBe('<p><strong>Strong</strong> and <em>slanted</em></p>');
});

test('focus mode hides everything but the story, dims all but the paragraph being written, and Esc leaves it', async ({ page, app }) => {
  await newDraft(page, app);
  await page.keyboard.type('First paragraph.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Second paragraph, being written.');
  await page.getByRole('button', { name: 'Focus', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeHidden();
  await expect(page.getByRole('toolbar', { name: 'Formatting' })).toBeHidden();
  await body(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' More.');
  await expect(body(page).locator('p').nth(1)).toHaveAttribute('data-current', '');
  await expect(body(page).locator('p').first()).toHaveCSS('opacity', '0.35');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();
  await page.keyboard.press('Control+Shift+D');
  await expect(page.getByRole('button', { name: 'Leave focus mode (Esc)' })).toBeVisible();
});

test('PDF export prints the article in browser mode', async ({ page, app }) => {
  await newDraft(page, app);
  await page.keyboard.type('Print me.');
  await saved(page);
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await page.getByRole('button', { name: 'Export…' }).click();
  await page.getByRole('dialog', { name: 'Export article' }).getByRole('button', { name: /^PDF/ }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeHidden();
  await expect(body(page)).toBeVisible();
});

test('an image dropped on the story goes into the story, not into the library as an article', async ({ page, app }) => {
  await newDraft(page, app);
  await page.keyboard.type('Dropped picture below.');
  const dataTransfer = await page.evaluateHandle(() => {
    const bytes = Uint8Array.from(
      atob('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEUlEQVR4nGP4z8DAwMDAAAAT/gH/7oOUUQAAAABJRU5ErkJggg=='),
      (c) => c.charCodeAt(0),
    );
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], 'harbour.png', { type: 'image/png' }));
    return transfer;
  });
  await page.dispatchEvent('.editor-content', 'dragover', { dataTransfer });
  await expect(page.getByText('Drop files to import them')).toBeHidden();
  await page.dispatchEvent('.editor-content', 'drop', { dataTransfer });
  await expect(body(page).locator('figure img')).toHaveCount(1);
  await saved(page);
  await expect(page.getByRole('complementary', { name: 'Import' })).toHaveCount(0);
  expect(storedDraft(app).html).toMatch(/<figure><img src="dateline-media:\/\/library\/\d+"/);
});

test('an autosave refused because another program holds the library is retried on its own, and the status bar says so', async ({
  page,
  app,
}) => {
  await newDraft(page, app);
  await saved(page);
  // Another program (a `dateline import` in a terminal, say) takes the write lock and keeps it.
  const other = Library.open(app.libraryPath);
  other.db.exec('BEGIN IMMEDIATE');
  try {
    await page.keyboard.type('The ferry crews walked out on Monday.');
    await expect(page.getByTestId('save-status')).toContainText(/Not saved: Another program is writing.*Trying again in \d+ s\./, {
      timeout: 15_000,
    });
  } finally {
    other.db.exec('COMMIT');
    other.close();
  }
  // No keystroke after the lock is released: the retry alone stores the paragraph.
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });
  expect(storedDraft(app).text).toContain('The ferry crews walked out on Monday.');
});

test('a draft the editor cannot open shows a message in its pane; the rest of the window goes on', async ({ page, app }) => {
  // As a library from before the contract's limit could hold: a state 2,000 levels deep.
  const library = Library.open(app.libraryPath);
  const deep = createDraft(library, { title: 'Deeply nested draft' });
  const levels = 2000;
  const open = '{"type":"list","listType":"bullet","tag":"ul","version":1,"children":[{"type":"listitem","version":1,"children":[';
  const state = `{"root":{"type":"root","version":1,"children":[${open.repeat(levels)}{"type":"text","text":"deep","format":0,"version":1}${']}]}'.repeat(levels)}]}}`;
  library.db.prepare('UPDATE articles SET editor_state = ? WHERE id = ?').run(state, deep.id);
  createDraft(library, { title: 'A sound draft' });
  library.close();

  await page.goto(app.url);
  const list = page.getByRole('list', { name: 'Article list' });
  await list.getByRole('button', { name: /Deeply nested draft/ }).click();
  await expect(page.getByRole('main', { name: 'Article' }).getByRole('alert')).toContainText(
    /This draft could not be shown: .*Nothing was changed/,
  );
  await expect(page.getByRole('button', { name: 'New draft' })).toBeVisible();
  await list.getByRole('button', { name: /A sound draft/ }).click();
  await expect(page.getByLabel('Headline')).toHaveValue('A sound draft');
});

test('a picture and a pull quote copied from one draft and pasted in another keep their caption, credit and attribution', async ({
  page,
  app,
}) => {
  await newDraft(page, app, 'Harbour budget, first take');
  await page.keyboard.type('Picture below.');
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEUlEQVR4nGP4z8DAwMDAAAAT/gH/7oOUUQAAAABJRU5ErkJggg==', 'base64');
  await page.getByTestId('image-input').setInputFiles({ name: 'quay.png', mimeType: 'image/png', buffer: png });
  const figure = body(page).locator('figure');
  await figure.getByLabel('Caption').fill('The quay at dawn.');
  await figure.getByLabel('Credit').fill('Ana Lima');
  await page.getByRole('button', { name: 'Pull quote' }).click();
  await body(page).getByLabel('Pull quote').fill('We cannot wait another winter');
  await body(page).getByLabel('Attribution').fill('the harbour master');
  await body(page).click();
  await saved(page);

  // What a copy of the whole story puts on the clipboard, as HTML only (what another editor
  // of Lexical's, or a browser between windows, hands over).
  await body(page).getByText('Picture below.').click();
  await page.keyboard.press('ControlOrMeta+a');
  const html = await page.evaluate(async () => {
    const transfer = new DataTransfer();
    document
      .querySelector('.editor-content')!
      .dispatchEvent(new ClipboardEvent('copy', { clipboardData: transfer, bubbles: true, cancelable: true }));
    // Lexical fills the clipboard in its update, after the event's handlers return.
    await new Promise((settled) => setTimeout(settled, 100));
    return transfer.getData('text/html');
  });
  expect(html).toContain('The quay at dawn.');

  await page.getByRole('button', { name: 'New draft' }).click();
  await page.getByLabel('Headline').fill('Harbour budget, second take');
  await body(page).click();
  await paste(page, { 'text/html': html, 'text/plain': 'Picture below.' });
  await expect(body(page).locator('figure').getByLabel('Credit')).toHaveValue('Ana Lima');
  await expect(body(page).getByLabel('Attribution')).toHaveValue('the harbour master');
  // What the library holds once the paste's own save has landed (the status may still show the
  // headline's "Saved" before the paste's save starts).
  await expect.poll(() => storedDraft(app).html, { timeout: 15_000 }).toContain('<figure>');
  await saved(page);
  const stored = storedDraft(app);
  expect(stored.title).toBe('Harbour budget, second take');
  expect(stored.html).toMatch(
    /<figure><img src="dateline-media:\/\/library\/\d+" alt=""><figcaption>The quay at dawn\. <span class="credit">Ana Lima<\/span><\/figcaption><\/figure>/,
  );
  expect(stored.html).toContain(
    '<aside class="pullquote"><blockquote><p>We cannot wait another winter</p></blockquote><p class="attribution">the harbour master</p></aside>',
  );
});

test('a misspelled word is marked from the packaged dictionary and corrected from its menu, with nothing fetched', async ({
  page,
  app,
}) => {
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(new URL(app.url).origin)) elsewhere.push(request.url());
  });
  await newDraft(page, app, 'Crews return');
  await page.keyboard.type('The ferry crews went bakc to work on Monday.');
  const marked = () => page.evaluate(() => [...(CSS.highlights.get('misspelled') ?? [])].map((range) => range.toString()));
  await expect.poll(marked, { timeout: 15_000 }).toEqual(['bakc']);

  const box = await page.evaluate(() => {
    const range = [...CSS.highlights.get('misspelled')!][0] as Range;
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await page.mouse.click(box.x, box.y, { button: 'right' });
  const menu = page.getByRole('menu', { name: 'Spelling of “bakc”' });
  await menu.getByRole('menuitem', { name: 'back', exact: true }).click();
  await expect(body(page)).toHaveText('The ferry crews went back to work on Monday.');
  await expect.poll(marked).toEqual([]);
  await saved(page);
  expect(storedDraft(app).text).toBe('The ferry crews went back to work on Monday.');
  expect(elsewhere).toEqual([]);
});
