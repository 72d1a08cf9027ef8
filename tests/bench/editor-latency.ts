import { chromium, type Page } from '@playwright/test';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { editorStateJson, headingNode, paragraphNode, textNode } from '../../electron/common/editor-state.ts';
import { createDraft } from '../../electron/library/drafts.ts';
import { Library } from '../../electron/library/library.ts';
import { startApp, stopApp } from '../e2e/fixtures.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/chromium.ts';
import { percentile, type BenchRow } from './report.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BARE_OUT = join(ROOT, '.tmp/bench-editor');
const KEYSTROKES = 80;

const VOCABULARY = (
  'the council harbour budget vote ferry pier minister report said would could officials according residents city ' +
  'government police season weather economy market prices workers union strike election campaign court ruling ' +
  'hospital school funding plan years percent million week month morning evening spokesperson statement'
).split(' ');

/** A story of `words` words in paragraphs of about 60, with a subheading every ten paragraphs. */
export function syntheticStory(words: number, seed = 7): string {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648);
  const blocks = [];
  for (let written = 0, paragraph = 0; written < words; paragraph += 1) {
    if (paragraph % 10 === 9) blocks.push(headingNode('h2', [textNode(`Section ${paragraph / 10 + 1}`)]));
    const length = Math.min(60, words - written);
    const sentence = Array.from({ length }, () => VOCABULARY[next() % VOCABULARY.length]).join(' ');
    blocks.push(paragraphNode([textNode(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`)]));
    written += length;
  }
  return editorStateJson(blocks);
}

interface TypingSamples {
  /** keydown → Lexical has applied the keystroke to its state and the DOM. */
  update: number[];
  /** keydown → the next animation frame after that, which adds the browser's own frame work. */
  frame: number[];
}

/** Latency of each keystroke, typing in the middle of the document at 10 characters a second. */
async function measureTyping(page: Page): Promise<TypingSamples> {
  await page.waitForSelector('[contenteditable="true"]');
  await page.evaluate(() => {
    const root = document.querySelector('[contenteditable="true"]') as HTMLElement & {
      __lexicalEditor: { registerUpdateListener(f: () => void): void };
    };
    const samples: TypingSamples = { update: [], frame: [] };
    let started = 0;
    root.addEventListener('keydown', () => (started = performance.now()), { capture: true });
    root.__lexicalEditor.registerUpdateListener(() => {
      if (!started) return;
      const from = started;
      started = 0;
      samples.update.push(performance.now() - from);
      requestAnimationFrame(() => samples.frame.push(performance.now() - from));
    });
    (window as unknown as { __samples: TypingSamples }).__samples = samples;
    const blocks = root.querySelectorAll('p');
    const middle = blocks[Math.floor(blocks.length / 2)]!;
    const range = document.createRange();
    range.selectNodeContents(middle);
    range.collapse(false);
    root.focus();
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  });
  await page.waitForTimeout(300);
  await page.keyboard.type('x'.repeat(10), { delay: 100 });
  await page.evaluate(() => {
    const samples = (window as unknown as { __samples: TypingSamples }).__samples;
    samples.update.length = 0;
    samples.frame.length = 0;
  });
  await page.keyboard.type('dateline '.repeat(Math.ceil(KEYSTROKES / 9)).slice(0, KEYSTROKES), { delay: 100 });
  await page.waitForTimeout(300);
  return page.evaluate(() => (window as unknown as { __samples: TypingSamples }).__samples);
}

function serveStatic(root: string, files: Record<string, string>) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const extra = files[path];
    if (extra !== undefined) return response.end(extra);
    try {
      const file = join(root, path === '/' ? 'index.html' : path);
      const type = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }[extname(file)] ?? 'application/octet-stream';
      const bytes = readFileSync(file);
      response.writeHead(200, { 'content-type': type }).end(bytes);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise<{ url: string; close: () => void }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() }),
    ),
  );
}

export async function benchEditor(sizes: number[]): Promise<BenchRow[]> {
  await build({
    root: join(ROOT, 'tests/bench/editor'),
    base: './',
    logLevel: 'warn',
    build: { outDir: BARE_OUT, emptyOutDir: true, target: 'es2022' },
  });
  const states = Object.fromEntries(sizes.map((words) => [`/state-${words}.json`, syntheticStory(words)]));
  const bare = await serveStatic(BARE_OUT, states);
  const dir = join(ROOT, '.tmp/bench-library');
  mkdirSync(dir, { recursive: true });
  const libraryPath = join(dir, `editor-${Date.now()}.sqlite`);
  const library = Library.open(libraryPath);
  for (const words of sizes) createDraft(library, { title: `Bench ${words}`, editorState: states[`/state-${words}.json`] });
  library.close();

  const app = await startApp(libraryPath);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  const rows: BenchRow[] = [];
  try {
    for (const words of sizes) {
      const barePage = await browser.newPage();
      await barePage.goto(`${bare.url}/?state=/state-${words}.json`);
      const baseline = await measureTyping(barePage);
      await barePage.close();

      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(app.url);
      await page.getByRole('button', { name: 'Drafts' }).click();
      await page.getByRole('button', { name: new RegExp(`^Bench ${words}\\b`) }).click();
      await page.getByTestId('word-count').filter({ hasText: /[1-9]/ }).waitFor({ timeout: 60_000 });
      const ours = await measureTyping(page);
      await page.close();

      const target = words <= 10_000 ? 16 : 50;
      const size = `${words.toLocaleString('en-US')}-word draft`;
      rows.push(
        {
          suite: 'editor',
          name: `keystroke → editor updated, ${size}`,
          unit: 'ms',
          p50: percentile(ours.update, 50),
          p95: percentile(ours.update, 95),
          baselineP95: percentile(baseline.update, 95),
          target: words >= 10_000 ? `p95 < ${target} ms, ratio < 1.5` : 'ratio < 1.5',
        },
        {
          suite: 'editor',
          name: `keystroke → next frame, ${size}`,
          unit: 'ms',
          p50: percentile(ours.frame, 50),
          p95: percentile(ours.frame, 95),
          baselineP95: percentile(baseline.frame, 95),
          target: 'for information',
        },
      );
    }
  } finally {
    await browser.close();
    await stopApp(app);
    bare.close();
  }
  return rows;
}
