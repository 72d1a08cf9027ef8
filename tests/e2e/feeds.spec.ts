import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, localWebPolicy, startApp, stopApp, test } from './fixtures.ts';

const STORY = Array.from(
  { length: 8 },
  (_, i) => `<p>Paragraph ${i + 1}: the ferry crews said talks on pay would resume at the harbour office on Monday.</p>`,
).join('');

interface Item {
  guid: string;
  title: string;
}

/** A site that names its feed in its head, and the feed, whose items the test changes. */
async function gazette(items: Item[]): Promise<{ base: string; server: Server; broken: { on: boolean } }> {
  const broken = { on: false };
  const server = createServer((request, response) => {
    const base = `http://${request.headers.host}`;
    if (request.url === '/') {
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          '<html><head><title>Gazette</title><link rel="alternate" type="application/rss+xml" href="/rss"></head><body>Hi</body></html>',
        );
    } else if (request.url === '/rss') {
      if (broken.on) return void response.writeHead(500).end('down');
      const entries = items
        .map(
          (item) =>
            `<item><title>${item.title}</title><link>${base}/${item.guid}</link><guid>${item.guid}</guid><content:encoded><![CDATA[<p>${item.title}.</p>${STORY}]]></content:encoded></item>`,
        )
        .join('');
      response
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(
          `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Harbour Gazette</title><link>${base}/</link>${entries}</channel></rss>`,
        );
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, broken };
}

test('a reader follows a site by its address, reads its stories offline, refreshes it, and moves the list out as OPML', async ({
  page,
}) => {
  const items: Item[] = [
    { guid: 'strike', title: 'Ferry crews walk out' },
    { guid: 'wall', title: 'Harbour wall repairs begin' },
  ];
  const site = await gazette(items);
  const dir = mkdtempSync(join(tmpdir(), 'dateline-e2e-feeds-'));
  const app = await startApp(join(dir, 'library.sqlite'), localWebPolicy());
  try {
    await page.goto(app.url);
    const sidebar = page.getByRole('navigation', { name: 'Library' });
    await sidebar.getByRole('button', { name: 'Follow a feed…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Follow a feed' });
    await dialog.getByLabel('Address of a feed or a site').fill(`${site.base}/`);
    await dialog.getByRole('button', { name: 'Follow', exact: true }).click();
    await expect(dialog).toHaveCount(0);

    const feeds = sidebar.getByRole('list', { name: 'Feeds' });
    const feed = feeds.getByRole('button', { name: /Harbour Gazette/ });
    await expect(feed).toContainText('2');
    await expect(feed).toHaveAttribute('aria-current', 'page');
    const list = page.getByRole('list', { name: 'Article list' });
    await expect(list.getByRole('button')).toHaveCount(2);
    await list.getByRole('button', { name: /Ferry crews walk out/ }).click();
    await expect(page.getByTestId('reader-body')).toContainText('talks on pay would resume');

    const bar = page.getByRole('group', { name: 'Feed Harbour Gazette' });
    await bar.getByRole('button', { name: 'Mark all read' }).click();
    await expect(feed.getByLabel(/unread/)).toHaveCount(0);

    items.unshift({ guid: 'tide', title: 'Tide tables for the summer' });
    await bar.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect(feed.getByLabel('1 unread')).toBeVisible();
    await expect(list.getByRole('button', { name: /Tide tables/ })).toBeVisible();

    // A refresh that fails says why, in the sidebar and in the feed's bar, and loses nothing.
    site.broken.on = true;
    await bar.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect(bar).toContainText('The last refresh failed: The site answered 500');
    await expect(feed.getByLabel('(its last refresh failed)')).toBeVisible();
    await expect(list.getByRole('button')).toHaveCount(3);

    await sidebar.getByRole('button', { name: 'Follow a feed…' }).click();
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export OPML' }).click();
    const opml = readFileSync((await (await downloading).path())!, 'utf8');
    expect(opml).toContain(`xmlUrl="${site.base}/rss"`);
    expect(opml).toContain('title="Harbour Gazette"');
  } finally {
    await stopApp(app);
    site.server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('another reader’s subscriptions come in from an OPML file, and a feed can be paused and unsubscribed', async ({ page }) => {
  const site = await gazette([{ guid: 'strike', title: 'Ferry crews walk out' }]);
  const dir = mkdtempSync(join(tmpdir(), 'dateline-e2e-opml-'));
  const app = await startApp(join(dir, 'library.sqlite'), localWebPolicy());
  try {
    await page.goto(app.url);
    const sidebar = page.getByRole('navigation', { name: 'Library' });
    // The command palette follows a feed as the sidebar's + does (once the window is up).
    await expect(sidebar.getByRole('button', { name: 'Follow a feed…' })).toBeVisible();
    await page.keyboard.press('Control+Shift+P');
    const palette = page.getByRole('dialog', { name: 'Commands' });
    await expect(palette).toBeVisible();
    await page.keyboard.type('follow a feed');
    await expect(palette.getByRole('option').first()).toHaveText(/^Follow a feed…/);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Follow a feed' });
    const opml = `<?xml version="1.0"?><opml version="1.0"><head><title>From Feedly</title></head><body>
      <outline text="News"><outline type="rss" text="The Gazette" xmlUrl="${site.base}/rss" htmlUrl="${site.base}/"/></outline>
      <outline text="Bad" xmlUrl="javascript:alert(1)"/></body></opml>`;
    await dialog
      .getByLabel('OPML file of feeds to follow')
      .setInputFiles({ name: 'feedly.opml', mimeType: 'text/x-opml', buffer: Buffer.from(opml) });
    await expect(dialog.getByRole('status')).toContainText('1 feed followed; 1 left out (Bad:');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Refreshed after the import: its story arrives, under the name the feed gives itself.
    const feed = sidebar.getByRole('list', { name: 'Feeds' }).getByRole('button', { name: /Gazette/ });
    await expect(feed.getByLabel('1 unread')).toBeVisible({ timeout: 20_000 });
    await feed.click();
    const bar = page.getByRole('group', { name: /^Feed / });
    await bar.getByRole('button', { name: 'Pause' }).click();
    await expect(bar).toContainText('Paused');
    await expect(bar.getByRole('button', { name: 'Refresh', exact: true })).toBeDisabled();

    await bar.getByRole('button', { name: 'Unsubscribe…' }).click();
    await page
      .getByRole('dialog', { name: /Unsubscribe from/ })
      .getByRole('button', { name: 'Unsubscribe, keep articles' })
      .click();
    await expect(sidebar.getByRole('list', { name: 'Feeds' })).toHaveCount(0);
    await sidebar.getByRole('button', { name: 'All articles' }).click();
    await expect(page.getByRole('list', { name: 'Article list' }).getByRole('button', { name: /Ferry crews walk out/ })).toBeVisible();
  } finally {
    await stopApp(app);
    site.server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
