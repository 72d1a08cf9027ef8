import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keepYoungGenerationSmall } from '../../electron/common/node/young-generation.ts';
import { importFiles, type PendingFile } from '../../electron/import/pipeline.ts';
import { importWorker } from '../../electron/import/worker/pool.ts';
import { Library } from '../../electron/library/library.ts';
import type { BenchRow } from './report.ts';

/**
 * `npm run bench -- --only import`: 10,000 files of each everyday format through the real
 * pipeline into a new library, a thousand at a time, so a rate that falls as the import goes
 * on shows: the first and the last thousand side by side, and the peak memory of the process
 * (the import worker is a thread of it). Each format is imported by a Node process of its
 * own, set up as the CLI's is, so the peak is that import's alone: not the bench's own
 * modules (a browser driver, an editor) nor what an earlier format left behind.
 */
const FILES = 10_000;
const BATCH = 1_000;

const sentence = (i: number, p: number) =>
  `Paragraph ${p} of story ${i}: the ferry crews walked out on Monday over pay, and the harbour stayed shut until talks resumed at ${i * 7 + p}.`;

const FORMATS: { name: string; extension: string; file: (i: number) => string }[] = [
  {
    name: 'Markdown',
    extension: 'md',
    file: (i) =>
      `---\ntitle: Story ${i}\nbyline: Ana Ruiz\ntags: [harbour]\n---\n\n# Story ${i}\n\n${Array.from({ length: 12 }, (_, p) => sentence(i, p)).join('\n\n')}\n`,
  },
  {
    name: 'web page',
    extension: 'html',
    file: (i) =>
      `<!doctype html><html lang="en"><head><title>Story ${i} | Harbour Times</title></head><body><nav><a href="/">Home</a></nav><article><h1>Story ${i}</h1>${Array.from({ length: 12 }, (_, p) => `<p>${sentence(i, p)}</p>`).join('')}</article></body></html>`,
  },
  {
    name: 'plain text',
    extension: 'txt',
    file: (i) => `Story ${i}\n\n${Array.from({ length: 12 }, (_, p) => sentence(i, p)).join('\n\n')}\n`,
  },
];

export function benchImportRate(): BenchRow[] {
  return FORMATS.flatMap((format) => {
    const child = spawnSync(
      process.execPath,
      ['--experimental-strip-types', '--no-warnings=ExperimentalWarning', fileURLToPath(import.meta.url), format.name],
      { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    if (child.status !== 0) throw new Error(`import ${format.name}: the importing process failed (${child.status ?? child.signal})`);
    return JSON.parse(child.stdout) as BenchRow[];
  });
}

/** The process's peak resident memory: the kernel's own high-water mark where there is one, else the samples'. */
function peakResident(sampled: number): number {
  try {
    const kilobytes = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (kilobytes) return Math.max(sampled, Number(kilobytes[1]) * 1024);
  } catch {
    // Not Linux: the samples are what there is.
  }
  return sampled;
}

/** In the process started for one format: import it, and hand the rows back on standard output. */
async function importOneFormat(name: string): Promise<void> {
  keepYoungGenerationSmall();
  const format = FORMATS.find((candidate) => candidate.name === name);
  if (!format) throw new Error(`No format "${name}".`);
  try {
    process.stdout.write(JSON.stringify(await importRate(format)));
  } finally {
    await importWorker.close();
  }
}

async function importRate(format: (typeof FORMATS)[number]): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-bench-import-'));
  const library = Library.open(join(dir, 'library.sqlite'));
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  const rates: number[] = [];
  try {
    for (let start = 0; start < FILES; start += BATCH) {
      const files: PendingFile[] = Array.from({ length: BATCH }, (_, k) => ({
        path: `story-${start + k}.${format.extension}`,
        read: async () => Buffer.from(format.file(start + k)),
      }));
      const began = performance.now();
      const summary = await importFiles(library, files);
      if (summary.imported.length !== BATCH) throw new Error(`${format.name}: ${summary.failed.length} files failed`);
      rates.push(BATCH / ((performance.now() - began) / 1000));
      console.error(`  import ${format.name}: files ${start + 1}–${start + BATCH} at ${Math.round(rates.at(-1)!)}/s`);
    }
  } finally {
    clearInterval(sampler);
    library.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const first = rates[0]!;
  const last = rates.at(-1)!;
  const rate = (name: string, value: number, target: string): BenchRow => ({
    suite: 'import',
    name: `import ${format.name}: ${name} (files/s)`,
    unit: 'files/s',
    p50: value,
    p95: value,
    baselineP95: first,
    target,
  });
  const megabytes = peakResident(peakRss) / 1024 / 1024;
  return [
    rate(`first ${BATCH.toLocaleString('en')}`, first, format.name === 'Markdown' ? '≥ 100/s' : 'report'),
    rate(`last ${BATCH.toLocaleString('en')} of ${FILES.toLocaleString('en')}`, last, '≥ 80% of the first thousand'),
    {
      suite: 'import',
      name: `import ${format.name}: peak memory of the process (MiB)`,
      unit: 'MiB',
      p50: megabytes,
      p95: megabytes,
      baselineP95: megabytes,
      target: '< 400 MiB',
    },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await importOneFormat(process.argv[2] ?? '');
