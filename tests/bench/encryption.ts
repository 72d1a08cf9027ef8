import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFiles } from '../../electron/import/pipeline.ts';
import { importWorker } from '../../electron/import/worker/pool.ts';
import { createDispatcher, type Dispatch } from '../../electron/ipc/dispatcher.ts';
import { encryptLibrary } from '../../electron/library/encryption.ts';
import { Library } from '../../electron/library/library.ts';
import { lockLibrary } from '../../electron/library/library-keys.ts';
import { describeApp } from '../../electron/policy/app-info.ts';
import { fillLibrary, syntheticArticles, vocabulary } from '../helpers/synthetic.ts';
import { paragraphState } from '../crash/protocol.ts';
import { percentile, type BenchRow } from './report.ts';

/**
 * An encrypted library beside the same library plain, in the same run: search, list pages,
 * import and autosave through the dispatcher the window calls. The baseline column is the
 * plain library, so the ratio column is the cost of encryption (target ≤ 1.3).
 */
export async function benchEncryption(size: number): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-bench-encryption-'));
  const label = size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1000}k`;
  try {
    const plainFile = join(dir, 'plain', 'library.sqlite');
    const encryptedFile = join(dir, 'encrypted', 'library.sqlite');
    const library = Library.open(plainFile);
    fillLibrary(library, syntheticArticles(size));
    library.db.pragma('wal_checkpoint(TRUNCATE)');
    library.close();
    Library.open(encryptedFile).close();
    copyFileSync(plainFile, encryptedFile);
    const start = performance.now();
    await encryptLibrary(encryptedFile, 'bench passphrase');
    console.error(`  ${label}: encrypted ${size} articles in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    const plain = openForBench(plainFile);
    const encrypted = openForBench(encryptedFile);
    try {
      const figures = await measureSideBySide(plain, encrypted);
      return figures.map(({ name, plain: baseline, encrypted: samples }) => ({
        suite: 'encryption',
        name: `${label} encrypted: ${name}`,
        unit: 'ms',
        p50: percentile(samples, 50),
        p95: percentile(samples, 95),
        baselineP95: percentile(baseline, 95),
        target: '≤ 1.3× plain',
      }));
    } finally {
      plain.library.close();
      encrypted.library.close();
      lockLibrary(encryptedFile);
    }
  } finally {
    await importWorker.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Opened {
  library: Library;
  dispatch: Dispatch;
  draft: { id: number; revision: number };
}

function openForBench(file: string): Opened {
  const library = Library.open(file);
  const app = describeApp({
    mode: 'browser',
    version: 'bench',
    libraryPath: file,
    isPackaged: false,
    loaded: { policy: {}, source: null, problem: null },
  });
  return {
    library,
    dispatch: createDispatcher({ library, app, emit: () => undefined, resumeDownloads: false }),
    draft: { id: 0, revision: 0 },
  };
}

/** Each run goes to the plain library, then to the encrypted one, so neither has the warmer cache. */
async function measureSideBySide(plain: Opened, encrypted: Opened): Promise<{ name: string; plain: number[]; encrypted: number[] }[]> {
  const words = vocabulary();
  for (const side of [plain, encrypted])
    side.draft = (await call(side.dispatch, 'articles.createDraft', { title: 'Bench draft' })) as Opened['draft'];
  const measures: { name: string; runs: number; work: (side: Opened, run: number) => Promise<unknown> }[] = [
    {
      name: 'search, one word',
      runs: 60,
      work: (side, run) => call(side.dispatch, 'search.query', { query: words[200 + (run % 10) * 37]!, limit: 50 }),
    },
    {
      name: 'search, two words',
      runs: 60,
      work: (side, run) =>
        call(side.dispatch, 'search.query', { query: `${words[200 + (run % 10) * 37]} ${words[220 + (run % 10) * 37]}`, limit: 50 }),
    },
    {
      name: 'list page',
      runs: 40,
      work: (side, run) => call(side.dispatch, 'articles.list', { sort: 'saved', limit: 100, offset: (run % 5) * 1000 }),
    },
    { name: 'open an article', runs: 40, work: (side, run) => call(side.dispatch, 'articles.get', { id: 1 + ((run * 7919) % 1000) }) },
    {
      name: 'autosave',
      runs: 100,
      work: async (side, run) => {
        const saved = (await call(side.dispatch, 'articles.save', {
          id: side.draft.id,
          patch: { editorState: paragraphState(`Autosave ${run} of the bench draft.`) },
          expectedRevision: side.draft.revision,
        })) as { revision: number };
        side.draft.revision = saved.revision;
      },
    },
  ];
  const figures = [];
  for (const { name, runs, work } of measures) {
    const samples = { name, plain: [] as number[], encrypted: [] as number[] };
    for (let run = 0; run < runs; run++) {
      samples.plain.push(await timedOnce(() => work(plain, run)));
      samples.encrypted.push(await timedOnce(() => work(encrypted, run)));
    }
    figures.push(samples);
  }
  // Imports alternate too, in rounds, after one that starts the import worker for both.
  const encoder = new TextEncoder();
  const perArticle = async (side: Opened, round: number, count: number) => {
    const files = [...syntheticArticles(count, { seed: 4242 + round })].map((article, i) => ({
      path: `bench-${round}-${i}.txt`,
      read: async () => encoder.encode(`${article.title} ${round}-${i}\n\n${article.text}`),
    }));
    return (await timedOnce(() => importFiles(side.library, files))) / count;
  };
  await perArticle(plain, 0, 20);
  await perArticle(encrypted, 0, 20);
  const imports = { name: 'import plain text, per article', plain: [] as number[], encrypted: [] as number[] };
  for (let round = 1; round <= 4; round++) {
    imports.plain.push(await perArticle(plain, round, 200));
    imports.encrypted.push(await perArticle(encrypted, round, 200));
  }
  figures.push(imports);
  return figures;
}

async function timedOnce(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function call(dispatch: Dispatch, channel: string, input: unknown): Promise<unknown> {
  const result = await dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}
