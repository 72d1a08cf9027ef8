import Database from 'better-sqlite3-multiple-ciphers';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFiles, type PendingFile } from '../../electron/import/pipeline.ts';
import { importWorker } from '../../electron/import/worker/pool.ts';
import { createDispatcher, type Dispatch } from '../../electron/ipc/dispatcher.ts';
import { LibrarySession } from '../../electron/ipc/session.ts';
import { Library } from '../../electron/library/library.ts';
import { tidySearchIndexStep } from '../../electron/library/search-index.ts';
import { backupFolder, writeBackup } from '../../electron/library/backups.ts';
import { checkInWorker } from '../../electron/library/check.ts';
import { describeApp } from '../../electron/policy/app-info.ts';
import { fillLibrary, htmlOf, syntheticArticles, vocabulary, type SyntheticArticle } from '../helpers/synthetic.ts';
import { benchFirstRow } from './first-row.ts';
import { percentile, printMeasured, type BenchRow } from './report.ts';

/**
 * The library at scale: a synthetic library of `size` articles, then import throughput,
 * search, list pages and opening an article through the dispatcher the UI calls, each
 * beside the same SQLite work done directly (no Dateline code) in the same run.
 */
export async function benchLibrary(size: number): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-bench-library-'));
  const label = size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1000}k`;
  const rows: BenchRow[] = [];
  const measured = (found: BenchRow | BenchRow[]) => rows.push(...printMeasured([found].flat()));
  try {
    const library = Library.open(join(dir, 'library.sqlite'));
    const loadStart = performance.now();
    fillLibrary(library, syntheticArticles(size));
    const loadMs = performance.now() - loadStart;
    console.error(
      `  ${label}: loaded ${size} articles in ${(loadMs / 1000).toFixed(1)} s (${Math.round(size / (loadMs / 1000))} articles/s, rows first, index rebuilt after)`,
    );

    const app = describeApp({
      mode: 'browser',
      version: 'bench',
      libraryPath: dir,
      isPackaged: false,
      loaded: { policy: {}, source: null, problem: null },
    });
    // No background work: the index's tidying after the imports is timed on its own below.
    const dispatch = createDispatcher({ library, app, emit: () => undefined, resumeDownloads: false });
    const raw = new Database(join(dir, 'library.sqlite'), { readonly: true });
    try {
      measured(await importThroughput(library, dir, label));
      measured(tidyAfterImports(library, label));
      measured(await searchLatency(dispatch, raw, label));
      measured(await listLatency(dispatch, raw, label, size));
      measured(await openLatency(dispatch, raw, label, size));
      measured(await searchDuringBackup(dispatch, library, label));
    } finally {
      raw.close();
    }
    library.db.pragma('wal_checkpoint(TRUNCATE)');
    measured(await checkAndBackup(library, label));
    library.close();
    measured(cliStart(join(dir, 'library.sqlite'), label));
    measured(await startUntilUsable(join(dir, 'library.sqlite'), label));
    measured(await benchFirstRow(join(dir, 'library.sqlite'), label));
    const megabytes = statSync(join(dir, 'library.sqlite')).size / 1024 / 1024;
    measured({
      suite: 'library',
      name: `${label}: database size (MB)`,
      unit: 'MB',
      p50: megabytes,
      p95: megabytes,
      baselineP95: megabytes,
      target: 'report',
    });
  } finally {
    await importWorker.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

const CLI = fileURLToPath(new URL('../../electron/bin/dateline.js', import.meta.url));

/**
 * A whole `dateline` command, from spawning Node until it exits, for the commands people run
 * often; the baseline is bare Node starting and exiting (`node -e 0`) in the same run.
 */
function cliStart(file: string, label: string): BenchRow[] {
  const run = (args: string[]) => {
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
    return performance.now() - start;
  };
  const samples = (args: string[]) => {
    run(args);
    return Array.from({ length: 7 }, () => run(args));
  };
  const bare = samples(['-e', '0']);
  const commands: [string, string[]][] = [
    ['list --limit 1', ['list', '--limit', '1']],
    ['show 1', ['show', '1']],
    ['search', ['search', 'harbour']],
  ];
  return commands.map(([name, args]) => ({
    ...row(`${label}: dateline ${name} (whole command)`, samples([CLI, '--library', file, ...args]), bare, '< 300 ms'),
  }));
}

/**
 * From starting the apps' library session until the window's first page of the list has
 * come back: the fast start (reads served while the check runs), beside the full quick check
 * first, as every start did before.
 */
async function startUntilUsable(file: string, label: string): Promise<BenchRow> {
  const startAndList = async (checkInBackground: boolean) => {
    const began = performance.now();
    const session = await LibrarySession.start({
      file,
      checkInBackground,
      dailyBackups: false,
      resumeDownloads: false,
      app: describeApp({
        mode: 'browser',
        version: 'bench',
        libraryPath: file,
        isPackaged: false,
        loaded: { policy: {}, source: null, problem: null },
      }),
      emit: () => undefined,
    });
    const listed = await session.dispatch('articles.list', { limit: 50 });
    const took = performance.now() - began;
    if (!listed.ok) throw new Error(`the list failed after start: ${listed.error.message}`);
    // A call that is not a read waits for the check under way: the next start finds it done.
    await session.dispatch('import.cancel', {});
    session.close();
    return took;
  };
  const fast: number[] = [];
  const full: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    fast.push(await startAndList(true));
    full.push(await startAndList(false));
  }
  return { ...row(`${label}: start until the list shows (fast start)`, fast, full, '< 1 s at 100k'), suite: 'library' };
}

/**
 * A one-word search while a daily backup is made (the copy on this thread, in the backup
 * API's steps, then its check in a worker), beside the same searches with nothing else
 * running: a backup must not make the search box feel slow.
 */
async function searchDuringBackup(dispatch: Dispatch, library: Library, label: string): Promise<BenchRow> {
  const queries = searchTerms()['one word']!;
  const search = (run: number): [string, unknown] => ['search.query', { query: queries[run % queries.length]!, limit: 50 }];
  const idle = await dispatchSamples(dispatch, 60, search);
  const during: number[] = [];
  // Backups until there are enough searches made during one: a small library's is quick.
  while (during.length < 60) {
    let backingUp = true;
    const backup = writeBackup(library.db, backupFolder(library.file), 'daily').finally(() => (backingUp = false));
    for (let run = 0; backingUp; run += 1) {
      const start = performance.now();
      const result = await dispatch(...search(run));
      if (!result.ok) throw new Error(`search.query failed during a backup: ${JSON.stringify(result.error)}`);
      during.push(performance.now() - start);
    }
    await backup;
  }
  return row(`${label}: search, one word, during a backup`, during, idle, '≤ 2× idle');
}

/** What start-up adds (the quick check) and what a daily backup costs, at this size. */
async function checkAndBackup(library: Library, label: string): Promise<BenchRow[]> {
  const checks: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const start = performance.now();
    if ((await checkInWorker({ file: library.file })).length) throw new Error('the bench library failed its check');
    checks.push(performance.now() - start);
  }
  const backups: number[] = [];
  for (let run = 0; run < 2; run += 1) {
    const start = performance.now();
    await writeBackup(library.db, backupFolder(library.file), 'daily');
    backups.push(performance.now() - start);
  }
  return [
    {
      suite: 'library',
      name: `${label}: quick check on start`,
      unit: 'ms',
      p50: percentile(checks, 50),
      p95: percentile(checks, 95),
      baselineP95: percentile(checks, 95),
      target: 'report',
    },
    {
      suite: 'library',
      name: `${label}: backup (online API, checked)`,
      unit: 'ms',
      p50: percentile(backups, 50),
      p95: percentile(backups, 95),
      baselineP95: percentile(backups, 95),
      target: 'report',
    },
  ];
}

function time(runs: number, work: (run: number) => unknown): number[] {
  for (let i = 0; i < 3; i += 1) work(i);
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    work(run);
    samples.push(performance.now() - start);
  }
  return samples;
}

async function timeAsync(runs: number, work: (run: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i += 1) await work(i);
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    await work(run);
    samples.push(performance.now() - start);
  }
  return samples;
}

function row(name: string, samples: number[], baseline: number[], target: string): BenchRow {
  return {
    suite: 'library',
    name,
    unit: 'ms',
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    baselineP95: percentile(baseline, 95),
    target,
  };
}

/**
 * Articles per second through the import pipeline (worker parsing, de-duplication, one
 * transaction per file), against inserting the same articles with plain SQL and FTS triggers.
 */
async function importThroughput(library: Library, dir: string, label: string): Promise<BenchRow[]> {
  const encoder = new TextEncoder();
  const results: BenchRow[] = [];
  const formats: { name: string; count: number; file: (article: SyntheticArticle, i: number) => PendingFile; target: number }[] = [
    {
      name: 'plain text',
      count: 2000,
      file: (article, i) => ({ path: `bench-${i}.txt`, read: async () => encoder.encode(`${article.title}\n\n${article.text}`) }),
      target: 2000,
    },
    {
      name: 'HTML',
      count: 300,
      file: (article, i) => ({ path: `bench-${i}.html`, read: async () => encoder.encode(htmlOf(article)) }),
      target: 60,
    },
  ];
  for (const [index, format] of formats.entries()) {
    const articles = [...syntheticArticles(format.count, { seed: 1000 + index })].map((article, i) => ({
      ...article,
      title: `${article.title} import ${format.name} ${i}`,
    }));
    const files = articles.map(format.file);
    const start = performance.now();
    const summary = await importFiles(library, files);
    const seconds = (performance.now() - start) / 1000;
    if (summary.imported.length !== format.count)
      throw new Error(`bench import of ${format.name}: ${JSON.stringify(summary.failed.slice(0, 3))}`);
    const baselineSeconds = rawInsert(join(dir, `baseline-${index}.sqlite`), articles);
    const perArticle = (seconds * 1000) / format.count;
    const baselinePerArticle = (baselineSeconds * 1000) / format.count;
    results.push({
      suite: 'library',
      name: `${label}: import ${format.name} (${Math.round(format.count / seconds)} articles/s)`,
      unit: 'ms/article',
      p50: perArticle,
      p95: perArticle,
      baselineP95: baselinePerArticle,
      target: `≥ ${format.target} articles/s`,
    });
  }
  return results;
}

/**
 * What the app does when quiet after an import: merge the index segments the imports left
 * (they write with FTS5's merging off), in short steps. Reported, not a target: it is work
 * moved out of the import, done while nobody waits for it.
 */
function tidyAfterImports(library: Library, label: string): BenchRow {
  const steps: number[] = [];
  for (;;) {
    const start = performance.now();
    const worked = tidySearchIndexStep(library);
    steps.push(performance.now() - start);
    if (!worked) break;
  }
  const total = steps.reduce((sum, ms) => sum + ms, 0);
  console.error(`  ${label}: search index tidied after the imports in ${steps.length} steps, ${(total / 1000).toFixed(1)} s`);
  return {
    suite: 'library',
    name: `${label}: tidy the search index after the imports, one step (${steps.length} steps, ${(total / 1000).toFixed(1)} s)`,
    unit: 'ms',
    p50: percentile(steps, 50),
    p95: percentile(steps, 95),
    baselineP95: percentile(steps, 95),
    target: 'report',
  };
}

/** The raw baseline: rows inserted one transaction each, FTS kept by a trigger, no parsing. */
function rawInsert(file: string, articles: SyntheticArticle[]): number {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(`CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, byline TEXT, body_html TEXT, body_text TEXT, created_at INTEGER);
      CREATE VIRTUAL TABLE articles_fts USING fts5 (title, byline, body_text, content='articles', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');
      CREATE TRIGGER ai AFTER INSERT ON articles BEGIN INSERT INTO articles_fts (rowid, title, byline, body_text) VALUES (new.id, new.title, new.byline, new.body_text); END;`);
    const insert = db.prepare('INSERT INTO articles (title, byline, body_html, body_text, created_at) VALUES (?, ?, ?, ?, ?)');
    const one = db.transaction((article: SyntheticArticle) =>
      insert.run(article.title, article.byline, `<p>${article.text}</p>`, article.text, article.createdAt),
    );
    const start = performance.now();
    for (const article of articles) one(article);
    return (performance.now() - start) / 1000;
  } finally {
    db.close();
  }
}

/** Words of middling frequency (common enough to match many articles, rare enough to rank). */
function searchTerms(): Record<string, string[]> {
  const words = vocabulary();
  const mid = (i: number) => words[200 + i * 37]!;
  return {
    'one word': Array.from({ length: 10 }, (_, i) => mid(i)),
    'two words': Array.from({ length: 10 }, (_, i) => `${mid(i)} ${mid(i + 20)}`),
    phrase: Array.from({ length: 10 }, (_, i) => `"${words[i % 10]} ${words[(i % 10) + 1]}"`),
    prefix: Array.from({ length: 10 }, (_, i) => mid(i).slice(0, 4)),
  };
}

const RAW_SEARCH = `SELECT a.id, a.title, snippet(articles_fts, -1, char(2), char(3), '…', 16) AS snippet
  FROM (SELECT rowid AS id, bm25(articles_fts, 10.0, 4.0, 2.0, 1.0) AS rank FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT 50) ranked
  JOIN articles_fts ON articles_fts.rowid = ranked.id AND articles_fts MATCH ?
  JOIN articles a ON a.id = ranked.id ORDER BY ranked.rank`;

async function searchLatency(dispatch: Dispatch, raw: Database.Database, label: string): Promise<BenchRow[]> {
  const rawSearch = raw.prepare(RAW_SEARCH);
  const results: BenchRow[] = [];
  for (const [kind, queries] of Object.entries(searchTerms())) {
    const ours = await dispatchSamples(dispatch, 60, (run) => ['search.query', { query: queries[run % queries.length]!, limit: 50 }]);
    const baseline = time(60, (run) => {
      const query = queries[run % queries.length]!;
      const match =
        kind === 'prefix'
          ? `"${query}"*`
          : kind === 'phrase'
            ? query
            : query
                .split(' ')
                .map((word) => `"${word}"`)
                .join(' AND ');
      return rawSearch.all(match, match);
    });
    results.push(row(`${label}: search, ${kind}`, ours, baseline, '< 30 ms at 100k'));
  }
  return results;
}

/** Calls through the dispatcher, one at a time, as the UI does. */
function dispatchSamples(dispatch: Dispatch, runs: number, call: (run: number) => [string, unknown]): Promise<number[]> {
  return timeAsync(runs, async (run) => {
    const [channel, input] = call(run);
    const result = await dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  });
}

async function listLatency(dispatch: Dispatch, raw: Database.Database, label: string, size: number): Promise<BenchRow[]> {
  const sorts = [
    { sort: 'saved', order: 'a.created_at DESC, a.id DESC' },
    { sort: 'published', order: 'coalesce(a.published_at, a.created_at) DESC, a.id DESC' },
    { sort: 'title', order: 'a.title COLLATE NOCASE ASC, a.id ASC' },
    { sort: 'length', order: 'a.word_count DESC, a.id DESC' },
  ] as const;
  const pages = (run: number) => (run % 5) * Math.floor(size / 50);
  const results: BenchRow[] = [];
  for (const { sort, order } of sorts) {
    const statement = raw.prepare(
      `SELECT a.id, a.title, a.source_name, a.created_at, a.word_count FROM articles a ORDER BY ${order} LIMIT 100 OFFSET ?`,
    );
    const count = raw.prepare('SELECT count(*) FROM articles');
    const ours = await dispatchSamples(dispatch, 40, (run) => ['articles.list', { sort, limit: 100, offset: pages(run) }]);
    const baseline = time(40, (run) => (count.get(), statement.all(pages(run))));
    results.push(row(`${label}: list page, sort ${sort}`, ours, baseline, '< 15 ms at 100k'));
  }
  const tagged = raw.prepare(
    `SELECT a.id, a.title FROM articles a WHERE a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name = ?)
     ORDER BY a.created_at DESC, a.id DESC LIMIT 100`,
  );
  const tagCount = raw.prepare('SELECT count(*) FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name = ?');
  const ours = await dispatchSamples(dispatch, 40, () => ['articles.list', { tag: 'climate', limit: 100 }]);
  const baseline = time(40, () => (tagCount.get('climate'), tagged.all('climate')));
  results.push(row(`${label}: list page, tag filter`, ours, baseline, '< 15 ms at 100k'));
  results.push(await viewLatency(dispatch, raw, label));
  return results;
}

/**
 * The sidebar's views sorted by title, in turn: two thirds of the synthetic library is unread
 * and none of it is a favorite, archived or a draft, so this is the big view and the empty
 * ones (an empty view walked the whole library: 0.3–0.5 s at 100k).
 */
async function viewLatency(dispatch: Dispatch, raw: Database.Database, label: string): Promise<BenchRow> {
  const views = {
    unread: "a.kind = 'saved' AND a.is_read = 0 AND a.is_archived = 0",
    favorites: 'a.is_favorite = 1',
    archive: 'a.is_archived = 1',
    drafts: "a.kind = 'draft'",
  } as const;
  const names = Object.keys(views) as (keyof typeof views)[];
  const queries = Object.values(views).map((condition) => ({
    count: raw.prepare(`SELECT count(*) FROM articles a WHERE ${condition}`),
    page: raw.prepare(`SELECT a.id, a.title FROM articles a WHERE ${condition} ORDER BY a.title COLLATE NOCASE, a.id LIMIT 100`),
  }));
  const ours = await dispatchSamples(dispatch, 40, (run) => [
    'articles.list',
    { view: names[run % names.length], sort: 'title', limit: 100 },
  ]);
  const baseline = time(40, (run) => {
    const { count, page } = queries[run % queries.length]!;
    return (count.get(), page.all());
  });
  return row(`${label}: list page, each sidebar view by title`, ours, baseline, '< 15 ms at 100k');
}

async function openLatency(dispatch: Dispatch, raw: Database.Database, label: string, size: number): Promise<BenchRow> {
  const id = (run: number) => 1 + ((run * 7919) % size);
  const statement = raw.prepare('SELECT * FROM articles WHERE id = ?');
  const ours = await dispatchSamples(dispatch, 100, (run) => ['articles.get', { id: id(run) }]);
  const baseline = time(100, (run) => statement.get(id(run)));
  return row(`${label}: open an article`, ours, baseline, 'report');
}
