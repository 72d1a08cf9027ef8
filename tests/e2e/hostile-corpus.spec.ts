import type { Page } from '@playwright/test';
import { asTagName, HOSTILE_PAYLOADS } from '../fixtures/hostile/payloads.ts';
import { escapeHtml } from '../../electron/common/text.ts';
import { expect, pwned, test, watchForLeaks } from './fixtures.ts';

/**
 * The hostile corpus through every importer that takes markup (web pages, Markdown, a
 * Wallabag export) and into every field that is shown: titles, bylines, tag names, notes,
 * highlighted quotes, related-link titles, bodies and search snippets. Then every place that
 * shows them: the list, each article in the reading view, the tag list, search, the
 * Highlights view, and the editor (a draft started from an article, and a paste).
 */

const WORDS = 'The harbour council met on Tuesday and members voted on the new berths after a long debate about costs and timing.';

function webPage(payload: string, index: number): string {
  return `<!doctype html><html><head><title>Hostile ${index} ${escapeHtml(payload)}</title>
<meta name="author" content="${escapeHtml(payload)}"><meta property="og:description" content="${escapeHtml(payload)}"></head>
<body><article><h1>Hostile ${index} ${payload}</h1><p>${WORDS} Marker${index}.</p>${payload}<p>${WORDS}</p>
<aside class="related"><ul><li><a href="https://example.com/r${index}">Related ${index}: ${escapeHtml(payload)}</a></li><li><a href="https://example.com/s${index}">Second related story ${index}</a></li></ul></aside>
</article></body></html>`;
}

function wallabagExport(): string {
  return JSON.stringify(
    HOSTILE_PAYLOADS.map((payload, index) => ({
      is_archived: 0,
      is_starred: 0,
      title: `Entry ${index + 1} ${payload}`,
      url: `https://harbour.example/entry-${index + 1}`,
      content: `<p>${WORDS} Entrymarker${index + 1}.</p>${payload}`,
      tags: [asTagName(payload)],
      published_by: [payload],
      annotations: [{ quote: 'members voted on the new berths', text: payload }],
    })),
  );
}

test(`${HOSTILE_PAYLOADS.length} hostile payloads in every displayed field run nothing and reach nothing`, async ({ page, app }) => {
  test.setTimeout(300_000);
  await page.route((url) => url.origin !== app.origin, (route) => route.abort());
  await page.goto(app.url);
  const seen = watchForLeaks(page, app.origin);

  const files = [
    ...HOSTILE_PAYLOADS.map((payload, index) => ({ name: `hostile-${index + 1}.html`, mimeType: 'text/html', buffer: Buffer.from(webPage(payload, index + 1)) })),
    { name: 'wallabag.json', mimeType: 'application/json', buffer: Buffer.from(wallabagExport()) },
    { name: 'corpus.md', mimeType: 'text/markdown', buffer: Buffer.from(`# Markdown corpus\n\n${WORDS}\n\n${HOSTILE_PAYLOADS.join('\n\n')}\n`) },
  ];
  await page.getByTestId('import-input').setInputFiles(files);
  const panel = page.getByRole('complementary', { name: 'Import' });
  await expect(panel.getByRole('heading', { name: /imported/ })).toBeVisible({ timeout: 120_000 });
  const imported = Number(/(\d+) imported/.exec((await panel.getByRole('heading').textContent()) ?? '')?.[1]);
  // Nearly every page and entry arrives; a payload like <frameset> replaces a page's body,
  // which is then refused as holding no article (with a reason, in the panel).
  expect(imported).toBeGreaterThanOrEqual(HOSTILE_PAYLOADS.length * 2 - 4);
  await page.getByRole('button', { name: 'Close', exact: true }).click();

  // Each article in the reading view, stepping with j from the first row.
  const list = page.getByRole('list', { name: 'Article list' });
  await list.getByRole('button').first().click();
  const heading = page.getByRole('heading', { level: 1 });
  let opened = 1;
  await page.getByTestId('reader-body').click({ position: { x: 2, y: 2 } });
  for (; opened < imported; opened += 1) {
    const before = await heading.textContent();
    await page.keyboard.press('j');
    await expect(heading).not.toHaveText(before ?? '');
  }
  expect(opened).toBe(imported);

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
  await page.getByRole('button', { name: 'Start a draft' }).click();
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

  expect(await pwned(page)).toBeUndefined();
  expect(seen.dialogs).toEqual([]);
  expect(seen.stray).toEqual([]);
  expect(new URL(page.url()).origin).toBe(app.origin);
  console.log(`hostile corpus: ${HOSTILE_PAYLOADS.length} payloads, ${imported} articles opened, nothing ran, no request left the page`);
});
