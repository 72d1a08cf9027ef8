import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOSTILE_PAYLOADS } from '../fixtures/hostile/payloads.ts';
import { expect, expectNothingRan, localWebPolicy, readEveryArticle, startApp, stopApp, test, watchForLeaks } from './fixtures.ts';

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const STORY = '<p>The ferry crews said the talks on pay would resume on Monday at the harbour office, and the union agreed.</p>'.repeat(4);

/**
 * A feed built to attack whoever follows it: its own name, and each item's title, author and
 * body, carry the hostile corpus, raw in titles (escaped once, as feeds escape HTML) and in
 * CDATA in bodies. Followed from the window, shown in the sidebar, the list and the reader.
 */
test(`a feed carrying ${HOSTILE_PAYLOADS.length} hostile payloads in its name and items runs nothing and reaches nothing`, async ({
  page,
}) => {
  test.setTimeout(240_000);
  const items = HOSTILE_PAYLOADS.map(
    (payload, i) =>
      `<item><title>Story ${i} ${xmlText(payload)}</title><link>https://gazette.example/${i}</link><guid>g${i}</guid>
      <dc:creator>${xmlText(payload)}</dc:creator><content:encoded><![CDATA[${payload}${STORY}<p>${i}</p>]]></content:encoded></item>`,
  ).join('');
  const feed = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
    <channel><title>Gazette ${xmlText(HOSTILE_PAYLOADS[1]!)}</title><link>javascript:window.pwned=1</link>${items}</channel></rss>`;
  const site = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const address = `http://127.0.0.1:${(site.address() as AddressInfo).port}/rss`;
  const dir = mkdtempSync(join(tmpdir(), 'dateline-e2e-hostile-feed-'));
  const app = await startApp(join(dir, 'library.sqlite'), localWebPolicy());
  try {
    await page.route(
      (url) => url.origin !== app.origin,
      (route) => route.abort(),
    );
    await page.goto(app.url);
    const seen = watchForLeaks(page, app.origin);
    const sidebar = page.getByRole('navigation', { name: 'Library' });
    await sidebar.getByRole('button', { name: 'Follow a feed…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Follow a feed' });
    await dialog.getByLabel('Address of a feed or a site').fill(address);
    await dialog.getByRole('button', { name: 'Follow', exact: true }).click();
    await expect(dialog).toHaveCount(0, { timeout: 60_000 });

    const followed = sidebar.getByRole('list', { name: 'Feeds' }).getByRole('button', { name: /Gazette/ });
    // The feed's name is shown as the text it is.
    await expect(followed).toContainText(`Gazette ${HOSTILE_PAYLOADS[1]}`);
    await expect(followed.getByLabel(`${HOSTILE_PAYLOADS.length} unread`)).toBeVisible();
    await readEveryArticle(page, HOSTILE_PAYLOADS.length);
    await expectNothingRan(page, seen, app.origin);
  } finally {
    await stopApp(app);
    site.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
