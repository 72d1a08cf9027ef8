import { HOSTILE_EXPORTS } from '../fixtures/hostile/exports.ts';
import { expect, expectNothingRan, readEveryArticle, test, watchForLeaks } from './fixtures.ts';

/**
 * The hostile corpus as the other apps' exports bring it (Pocket, Instapaper, Omnivore,
 * browser bookmarks, Word): payloads in titles, tags and folders, highlighted quotes and
 * notes, bylines and bodies, and entries whose address is a script. Each export is imported
 * through the window and every place that shows what it brought is visited.
 */
for (const hostile of HOSTILE_EXPORTS) {
  test(`hostile payloads in ${hostile.label} run nothing and reach nothing`, async ({ page, app }) => {
    test.setTimeout(180_000);
    await page.route(
      (url) => url.origin !== app.origin,
      (route) => route.abort(),
    );
    await page.goto(app.url);
    const seen = watchForLeaks(page, app.origin);

    const buffer = Buffer.from(await hostile.build());
    await page.getByTestId('import-input').setInputFiles({ name: hostile.name, mimeType: hostile.mimeType, buffer });
    const panel = page.getByRole('complementary', { name: 'Import' });
    await expect(
      panel.getByRole('heading', { name: new RegExp(`^${hostile.articles} imported, 0 already in the library, 0 failed`) }),
    ).toBeVisible({ timeout: 60_000 });
    // Entries whose address is a script or a file are named, with the reason.
    if (hostile.leftOut)
      await expect(panel).toContainText(`${hostile.leftOut} entries left out because its address is not a web (http or https) address`);
    await page.getByRole('button', { name: 'Close', exact: true }).click();

    await readEveryArticle(page, hostile.articles);

    // A tag named by a payload filters the list; the list shows the payload titles again.
    const tags = page.getByRole('navigation', { name: 'Library' }).getByRole('list', { name: 'Tags' });
    if (hostile.articles > 1) {
      await tags.getByRole('button').last().click();
      await expect(page.getByRole('list', { name: 'Article list' }).getByRole('button').first()).toBeVisible();
    }
    if (hostile.highlights) {
      await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Highlights', exact: true }).click();
      await expect(page.getByRole('list', { name: 'Highlights' }).getByRole('listitem')).toHaveCount(hostile.highlights);
    }
    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'All articles' }).click();
    await page.getByRole('searchbox', { name: 'Search the library' }).fill('pwned');
    await expect(page.getByRole('list', { name: 'Search results' }).getByRole('listitem').first()).toBeVisible();
    await page.waitForTimeout(500);

    await expectNothingRan(page, seen, app.origin);
  });
}
