import { Worker } from 'node:worker_threads';
import { DatelineError, type ErrorCode } from '../common/errors.ts';
import { searchQuerySchema, type SearchQuery, type SearchResults } from '../common/model.ts';
import { workerFile } from '../common/worker-file.ts';
import type { Library } from './library.ts';
import { searchArticles } from './search.ts';

export interface SearchRequest {
  id: number;
  query: SearchQuery;
}

export type SearchReply =
  { id: number; ok: true; results: SearchResults } | { id: number; ok: false; error: { code: ErrorCode; message: string } };

/** A search still running this long after a newer one from the same box arrived is stopped. */
const INTERRUPT_AFTER_MS = 150;
/** An idle worker is let go, with its connection and page cache. */
const IDLE_MS = 30_000;

interface Pending extends SearchRequest {
  resolve: (results: SearchResults) => void;
  reject: (error: Error) => void;
  startedAt: number;
}

const superseded = () => new DatelineError('SUPERSEDED', 'A newer search replaced this one.');

/**
 * Runs searches in a worker thread, so a slow query never holds up the thread that answers
 * the window (better-sqlite3 is synchronous and cannot be interrupted). Searches run one at a
 * time. A newer search from the same session (one search box) supersedes the older ones still
 * waiting, and stops the running one if it is still going after `interruptAfterMs`.
 */
export class Searcher {
  private worker: Worker | null = null;
  private running: Pending | null = null;
  private waiting: Pending[] = [];
  private nextId = 1;
  private interrupt: NodeJS.Timeout | null = null;
  private idle: NodeJS.Timeout | null = null;
  private readonly library: Library;
  private readonly interruptAfterMs: number;

  constructor(library: Library, interruptAfterMs = INTERRUPT_AFTER_MS) {
    this.library = library;
    this.interruptAfterMs = interruptAfterMs;
  }

  search(input: SearchQuery): Promise<SearchResults> {
    const checked = searchQuerySchema.safeParse(input);
    if (!checked.success)
      return Promise.reject(
        new DatelineError('INVALID_INPUT', `This search cannot run: ${checked.error.issues[0]?.message ?? 'bad input'}.`),
      );
    const query = checked.data;
    // An in-memory library has no file another connection could open.
    if (this.library.file === ':memory:') return Promise.resolve(searchArticles(this.library, query));
    return new Promise<SearchResults>((resolve, reject) => {
      if (query.session !== undefined) this.supersede(query.session);
      this.waiting.push({ id: this.nextId++, query, resolve, reject, startedAt: 0 });
      this.runNext();
    });
  }

  /** Stops the worker (quitting, tests); searches not yet answered fail. */
  async close(): Promise<void> {
    for (const pending of [...this.waiting, ...(this.running ? [this.running] : [])])
      pending.reject(new DatelineError('INTERNAL', 'Search was stopped.'));
    this.waiting = [];
    this.running = null;
    this.clearTimers();
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private supersede(session: string): void {
    for (const pending of this.waiting.filter((item) => item.query.session === session)) pending.reject(superseded());
    this.waiting = this.waiting.filter((item) => item.query.session !== session);
    const running = this.running;
    if (running?.query.session !== session || this.interrupt) return;
    const wait = Math.max(0, running.startedAt + this.interruptAfterMs - performance.now());
    this.interrupt = setTimeout(() => {
      this.interrupt = null;
      if (this.running !== running) return;
      this.running = null;
      running.reject(superseded());
      this.replaceWorker();
      this.runNext();
    }, wait);
  }

  private runNext(): void {
    if (this.running) return;
    const next = this.waiting.shift();
    if (!next) return this.scheduleIdle();
    if (this.idle) clearTimeout(this.idle);
    next.startedAt = performance.now();
    this.running = next;
    const worker = this.start();
    // While a search is out, the worker keeps the process alive (a CLI or a bench awaits it).
    worker.ref();
    worker.postMessage({ id: next.id, query: next.query } satisfies SearchRequest);
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerFile(import.meta.url, './search-worker.ts', './search-worker.js'), {
      workerData: { file: this.library.file },
    });
    worker.on('message', (reply: SearchReply) => {
      const running = this.running;
      if (!running || running.id !== reply.id) return;
      this.finish();
      if (reply.ok) running.resolve(reply.results);
      else running.reject(new DatelineError(reply.error.code, reply.error.message));
    });
    const fail = (message: string) => {
      if (this.worker !== worker) return;
      const running = this.running;
      this.finish();
      this.replaceWorker();
      running?.reject(new DatelineError('INTERNAL', message));
    };
    worker.on('error', (error) => fail(`Search failed: ${error.message}`));
    worker.on('exit', () => fail('Search stopped unexpectedly.'));
    // After the listeners: adding a 'message' listener refs the worker again.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** The running search is answered: the next one may start. */
  private finish(): void {
    this.running = null;
    if (this.interrupt) clearTimeout(this.interrupt);
    this.interrupt = null;
    queueMicrotask(() => this.runNext());
  }

  private replaceWorker(): void {
    const old = this.worker;
    this.worker = null;
    void old?.terminate();
  }

  private scheduleIdle(): void {
    this.worker?.unref();
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => this.replaceWorker(), IDLE_MS);
    this.idle.unref();
  }

  private clearTimers(): void {
    if (this.interrupt) clearTimeout(this.interrupt);
    if (this.idle) clearTimeout(this.idle);
    this.interrupt = this.idle = null;
  }
}
