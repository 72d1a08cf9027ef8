import { hostileCorpusFiles } from '../fixtures/hostile/exports.ts';
import { HOSTILE_PAYLOADS } from '../fixtures/hostile/payloads.ts';
import { expect, expectNothingRan, readerAction, readEveryArticle, test, watchForLeaks } from './fixtures.ts';

/**
 * The hostile corpus through every importer that takes markup (web pages, Markdown, a
 * Wallabag export) and into every field that is shown: titles, bylines, tag names, notes,
 * highlighted quotes, related-link titles, bodies and search snippets. Then every place that
 * shows them: the list, each article in the reading view, the tag list, search, the
 * Highlights view, and the editor (a draft started from an article, and a paste).
 */

test(`${HOSTILE_PAYLOADS.length} hostile payloads in every displayed field run nothing and reach nothing`, async ({ page, app }) => {
  test.setTimeout(300_000);
  await page.route(
    (url) => url.origin !== app.origin,
    (route) => route.abort(),
  );
  await page.goto(app.url);
  const seen = watchForLeaks(page, app.origin);

  const files = hostileCorpusFiles().map(({ name, mimeType, bytes }) => ({ name, mimeType, buffer: Buffer.from(bytes) }));
  await page.getByTestId('import-input').setInputFiles(files);
  const panel = page.getByRole('complementary', { name: 'Import' });
  await expect(panel.getByRole('heading', { name: /imported/ })).toBeVisible({ timeout: 120_000 });
  const imported = Number(/(\d+) imported/.exec((await panel.getByRole('heading').textContent()) ?? '')?.[1]);
  // Nearly every page and entry arrives; a payload that leaves a <style> open in a page's
  // headline swallows the rest of the page, which is then refused as holding no article
  // (with a reason, in the panel; the unit test names them).
  expect(imported).toBe(HOSTILE_PAYLOADS.length * 2 - 1);
  await page.getByRole('button', { name: 'Close', exact: true }).click();

  // Each article in the reading view, stepping with j from the first row.
  await readEveryArticle(page, imported);

  // The places that show the other fields.
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Highlights', exact: true }).click();
  const highlights = page.getByRole('list', { name: 'Highlights' });
  await expect(highlights.getByRole('listitem')).toHaveCount(HOSTILE_PAYLOADS.length);
  // An article's own panel shows its notes too.
  await highlights.getByRole('button').first().click();
  await page.getByRole('button', { name: 'Highlights (1)' }).click();
  await expect(page.getByRole('main').getByRole('region', { name: 'Highlights' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search highlights and notes' }).fill('pwned');
  await expect(highlights.getByRole('listitem').first()).toBeVisible();
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'All articles' }).click();
  await page.getByRole('searchbox', { name: 'Search the library' }).fill('pwned');
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('listitem').first()).toBeVisible();

  // The editor: a draft started from a hostile article, and hostile HTML pasted into it.
  await page.getByRole('searchbox', { name: 'Search the library' }).fill('Marker3');
  await page.getByRole('list', { name: 'Search results' }).getByRole('button').first().click();
  await readerAction(page, 'Start a draft');
  const story = page.getByRole('textbox', { name: 'Article body' });
  await expect(story).toBeVisible();
  await story.click();
  await story.evaluate((element, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'pasted');
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, HOSTILE_PAYLOADS.join('<p>between</p>'));
  await expect(story).toContainText('between');
  await page.waitForTimeout(1000);

  await expectNothingRan(page, seen, app.origin);
  console.log(`hostile corpus: ${HOSTILE_PAYLOADS.length} payloads, ${imported} articles opened, nothing ran, no request left the page`);
});
