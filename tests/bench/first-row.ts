import { chromium, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startApp, stopApp } from '../e2e/fixtures.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/chromium.ts';
import { percentile, type BenchRow } from './report.ts';

/**
 * The reader's first sight of a big library in Chromium: from asking for the page (browser
 * mode, the built window) until the first row of the list is painted, beside Chromium
 * painting a plain page of fifty list rows from a bare Node server in the same run. Then the
 * server's memory while a person searches and scrolls the whole list.
 */
const RUNS = 5;
const SEARCHES = ['ferry', 'harbour strike', '"talks resumed"', 'coun*', 'budget -ferry'];

const firstRow = (page: Page) => page.getByRole('list', { name: 'Article list' }).locator('li .row-title').first();

/** Milliseconds from navigation start until the frame after the first row appeared. */
async function paintedAfterNavigation(page: Page, url: string, row: () => ReturnType<typeof firstRow>): Promise<number> {
  await page.goto('about:blank');
  await page.goto(url);
  await row().waitFor();
  return page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))));
}

function bareListServer(): Promise<Server> {
  const rows = Array.from({ length: 50 }, (_, i) => `<li><span class="row-title">Story ${i}</span></li>`).join('');
  const html = `<!doctype html><html><head><title>List</title></head><body><ul aria-label="Article list">${rows}</ul></body></html>`;
  const server = createServer((_request, response) => response.end(html));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function memoryMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

export async function benchFirstRow(file: string, label: string): Promise<BenchRow[]> {
  const app = await startApp(file);
  const bare = await bareListServer();
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    const idle = memoryMiB(app.process.pid!);
    const page = await (await browser.newContext()).newPage();
    // The one-time address gives the session its cookie; later loads use the plain origin.
    await page.goto(app.url);
    await firstRow(page).waitFor();
    const ours: number[] = [];
    const baseline: number[] = [];
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
    for (let run = 0; run < RUNS; run += 1) {
      ours.push(await paintedAfterNavigation(page, app.origin, () => firstRow(page)));
      baseline.push(await paintedAfterNavigation(page, bareUrl, () => firstRow(page)));
    }

    // Searching and scrolling: the server's memory while it serves them.
    await page.goto(app.origin);
    await firstRow(page).waitFor();
    const search = page.getByRole('searchbox', { name: 'Search the library' });
    for (const query of SEARCHES) {
      await search.fill(query);
      await page.waitForTimeout(400);
    }
    await search.fill('');
    await firstRow(page).waitFor();
    const scroller = page.getByTestId('article-scroller');
    for (let step = 1; step <= 20; step += 1) {
      await scroller.evaluate((element, fraction) => element.scrollTo(0, element.scrollHeight * fraction), step / 20);
      await page.waitForTimeout(100);
    }
    const busy = memoryMiB(app.process.pid!);
    return [
      {
        suite: 'renderer',
        name: `${label}: first list row painted in Chromium`,
        unit: 'ms',
        p50: percentile(ours, 50),
        p95: percentile(ours, 95),
        baselineP95: percentile(baseline, 95),
        target: 'report (baseline: a plain page of 50 rows)',
      },
      {
        suite: 'renderer',
        name: `${label}: server memory searching and scrolling (p50 now, p95 peak; baseline idle)`,
        unit: 'MiB',
        p50: busy.rss,
        p95: busy.peak,
        baselineP95: idle.rss,
        target: 'report',
      },
    ];
  } finally {
    await browser.close();
    bare.close();
    await stopApp(app);
  }
}
