import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.ts';
import { html, localWebsite } from '../helpers/web-server.ts';

const BIN = fileURLToPath(new URL('../../electron/bin/dateline.js', import.meta.url));

const STORY = Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i + 1}: the ferry ran again on Monday after the storm.</p>`).join('');

/**
 * The real `dateline` in its own process, run asynchronously: the test's feed server must
 * answer while it runs. A policy allows the loopback site, as a newsroom's intranet would be.
 */
function dateline(dir: string, ...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const policy = join(dir, 'policy.json');
  writeFileSync(policy, JSON.stringify({ intranetHosts: ['127.0.0.1'] }));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, '--library', join(dir, 'library.sqlite'), ...args],
      { encoding: 'utf8', timeout: 30_000, env: { ...process.env, DATELINE_POLICY_FILE: policy } },
      (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

// Each test starts the CLI several times, each a new Node process: slow on a busy two-core machine.
describe('dateline feeds', { timeout: 90_000 }, () => {
  it('follows, lists, refreshes, exports and imports feeds from the command line, downloading teasers before it ends', async () => {
    const items = [{ guid: 'a', title: 'Ferry runs again', body: `<content:encoded><![CDATA[${STORY}]]></content:encoded>` }];
    const site = await localWebsite({
      '/rss': (_request, response) =>
        response
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(
            `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Pier News</title>${items
              .map(
                (item) =>
                  `<item><title>${item.title}</title><link>${site.url(`/${item.guid}`)}</link><guid>${item.guid}</guid>${item.body}</item>`,
              )
              .join('')}</channel></rss>`,
          ),
      '/b': html(
        `<html><head><title>Storm damage counted</title></head><body><article><h1>Storm damage counted</h1><p>The breakwater lost three blocks.</p>${STORY}</article></body></html>`,
      ),
    });
    const dir = tempDir();

    const followed = await dateline(dir, 'feeds', 'follow', site.url('/rss'), '--json');
    expect(followed.status).toBe(0);
    expect(JSON.parse(followed.stdout)).toMatchObject({ added: true, feed: { title: 'Pier News', total: 1, unread: 1 } });

    items.push({ guid: 'b', title: 'Storm damage counted', body: '<description>A short teaser.</description>' });
    const refreshed = await dateline(dir, 'feeds', 'refresh');
    expect(refreshed.stdout).toContain('Refreshed 1 feeds: 1 new articles, 0 failed');
    const shown = await dateline(dir, 'search', 'breakwater', '--json');
    expect(JSON.parse(shown.stdout).results.map((result: { title: string }) => result.title)).toEqual(['Storm damage counted']);

    expect((await dateline(dir, 'feeds')).stdout).toMatch(/#1 Pier News {2}2 unread of 2/);
    const out = join(dir, 'feeds.opml');
    expect((await dateline(dir, 'feeds', 'export', '-o', out)).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain(`xmlUrl="${site.url('/rss')}"`);

    const elsewhere = tempDir();
    const imported = await dateline(elsewhere, 'feeds', 'import', out, '--json');
    expect(JSON.parse(imported.stdout)).toMatchObject({ added: [{ url: site.url('/rss') }], existing: 0 });
    expect((await dateline(elsewhere, 'feeds', 'unfollow', '1')).stdout).toContain('Stopped following feed #1');
    expect((await dateline(elsewhere, 'feeds', 'unfollow', 'x')).status).toBe(2);
    expect((await dateline(elsewhere, 'feeds', 'sing')).stderr).toContain('unknown feeds action "sing"');
  });
});
