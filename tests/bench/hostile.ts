import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { importFiles } from '../../electron/import/pipeline.ts';
import { importWorker } from '../../electron/import/worker/pool.ts';
import { createDispatcher } from '../../electron/ipc/dispatcher.ts';
import { createDraft } from '../../electron/library/drafts.ts';
import { Library } from '../../electron/library/library.ts';
import { describeApp } from '../../electron/policy/app-info.ts';
import { percentile, type BenchRow } from './report.ts';

const BIN = fileURLToPath(new URL('../../electron/bin/dateline.js', import.meta.url));
const app = describeApp({
  mode: 'browser',
  version: 'bench',
  libraryPath: '',
  isPackaged: false,
  loaded: { policy: {}, source: null, problem: null },
});

/**
 * The figures of the hostile suite (issue "Nothing lost, nobody in"): autosaves while another
 * process imports 10,000 files into the same library, and the main thread while zip bombs are
 * refused. Each beside the same thing with nothing else going on.
 */
export async function benchHostile(files = 10_000): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-bench-hostile-'));
  try {
    return [...(await autosavesDuringImport(dir, files)), ...(await bombStall())];
  } finally {
    await importWorker.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function autosavesDuringImport(dir: string, files: number): Promise<BenchRow[]> {
  const folder = join(dir, 'export');
  mkdirSync(folder);
  const paragraph = 'The ferry crews walked out on Monday morning over pay, the union said. ';
  for (let i = 0; i < files; i++) writeFileSync(join(folder, `story-${i}.txt`), `Story ${i} from the harbour\n\n${paragraph.repeat(20)}`);
  const file = join(dir, 'library.sqlite');
  const library = Library.open(file);
  const draft = createDraft(library, { title: 'Harbour strike' });
  const dispatch = createDispatcher({ library, app, emit: () => undefined });
  let revision = draft.revision;
  const save = async (n: number) => {
    const began = performance.now();
    const result = await dispatch('articles.save', { id: draft.id, patch: { editorNote: `keystroke ${n}` }, expectedRevision: revision });
    if (!result.ok) throw new Error(`an autosave was refused: ${result.error.message}`);
    revision = (result.value as { revision: number }).revision;
    return performance.now() - began;
  };
  const pause = () => new Promise((resolve) => setTimeout(resolve, 50));

  const idle: number[] = [];
  for (let n = 0; n < 100; n++) {
    idle.push(await save(n));
    await pause();
  }
  const importer = spawn(process.execPath, [BIN, 'import', folder, '--library', file, '--json'], { stdio: 'ignore' });
  let running = true;
  const exited = new Promise<number | null>((resolve) => importer.once('exit', resolve)).finally(() => (running = false));
  const busy: number[] = [];
  for (let n = 0; running; n++) {
    busy.push(await save(n));
    await pause();
  }
  if ((await exited) !== 0) throw new Error('the CLI import failed');
  library.close();
  console.error(
    `  autosaves during a ${files}-file CLI import: ${busy.length} saves, all acknowledged, max ${Math.max(...busy).toFixed(0)} ms`,
  );
  return [
    row(`autosave during a ${files / 1000}k-file CLI import (ms)`, busy, idle, 'every one acknowledged'),
    {
      suite: 'hostile',
      name: `autosave during a ${files / 1000}k-file CLI import, max (ms)`,
      unit: 'ms',
      p50: Math.max(...busy),
      p95: Math.max(...busy),
      baselineP95: Math.max(...idle),
      target: '< 5000 (SQLite’s wait)',
    },
  ];
}

/** The longest the main thread went without running a timer while `work` ran. */
async function longestStall(work: () => Promise<unknown>): Promise<{ stalls: number[]; peakMb: number }> {
  const stalls: number[] = [];
  let last = performance.now();
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    const now = performance.now();
    stalls.push(now - last);
    last = now;
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return { stalls, peakMb: peak / 1024 / 1024 };
}

async function bombStall(): Promise<BenchRow[]> {
  // Four 512 KB-ish zips of 600 MB of zeros each: what stalled the window for 5 s before.
  const bomb = zipSync({ 'part_000000.csv': new Uint8Array(600 * 1024 * 1024) }, { level: 9 });
  const plain = zipSync({ 'story.txt': strToU8('A story\n\nThe ferry left at noon.') });
  const library = Library.open(join(mkdtempSync(join(tmpdir(), 'dateline-bench-bomb-')), 'library.sqlite'));
  const idleBefore = process.memoryUsage.rss() / 1024 / 1024;
  const idle = await longestStall(() => importFiles(library, [{ path: 'plain.zip', read: async () => plain }]));
  const before = process.memoryUsage.rss() / 1024 / 1024;
  const bombs = await longestStall(() =>
    importFiles(
      library,
      Array.from({ length: 4 }, (_, i) => ({ path: `bomb-${i}.zip`, read: async () => bomb })),
    ),
  );
  library.close();
  return [
    row('main thread between timers while 4 zip bombs are refused (ms)', bombs.stalls, idle.stalls, 'report'),
    {
      suite: 'hostile',
      name: 'main thread between timers while 4 zip bombs are refused, max (ms)',
      unit: 'ms',
      p50: Math.max(...bombs.stalls),
      p95: Math.max(...bombs.stalls),
      baselineP95: Math.max(...idle.stalls),
      target: '< 100',
    },
    {
      suite: 'hostile',
      name: 'memory added while 4 zip bombs are refused (MB)',
      unit: 'MB',
      p50: bombs.peakMb - before,
      p95: bombs.peakMb - before,
      baselineP95: idle.peakMb - idleBefore,
      target: '< 1024',
    },
  ];
}

function row(name: string, samples: number[], baseline: number[], target: string): BenchRow {
  return {
    suite: 'hostile',
    name,
    unit: 'ms',
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    baselineP95: percentile(baseline, 95),
    target,
  };
}
