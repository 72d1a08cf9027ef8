import { DatelineError, type ErrorCode } from '../common/errors.ts';
import type { ParsedSearchQuery, SearchResults } from '../common/model.ts';
import { SupervisedWorker } from '../common/node/workers.ts';
import { heldKeyFor } from './cipher.ts';
import type { Library } from './library.ts';
import { searchArticles } from './search.ts';

export interface SearchRequest {
  id: number;
  query: ParsedSearchQuery;
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
  private running: Pending | null = null;
  private waiting: Pending[] = [];
  private nextId = 1;
  private interrupt: NodeJS.Timeout | null = null;
  private readonly library: Library;
  private readonly interruptAfterMs: number;
  private readonly inThread: boolean;
  private readonly worker: SupervisedWorker<SearchRequest, SearchReply>;

  /**
   * `inThread` searches on the caller's thread: for a one-off command (the CLI) that nothing
   * else waits on, where starting a worker would cost more than the search.
   */
  constructor(library: Library, interruptAfterMs = INTERRUPT_AFTER_MS, { inThread = false }: { inThread?: boolean } = {}) {
    this.library = library;
    this.interruptAfterMs = interruptAfterMs;
    this.inThread = inThread;
    this.worker = new SupervisedWorker({
      name: 'search-worker',
      workerOptions: () => ({ workerData: { file: library.file, key: heldKeyFor(library.file) } }),
      idleMs: IDLE_MS,
      onReply: (reply) => {
        const running = this.running;
        if (!running || running.id !== reply.id) return;
        this.finish();
        if (reply.ok) running.resolve(reply.results);
        else running.reject(new DatelineError(reply.error.code, reply.error.message));
      },
      onFailure: (error) => {
        const running = this.running;
        this.finish();
        running?.reject(new DatelineError('INTERNAL', error ? `Search failed: ${error.message}` : 'Search stopped unexpectedly.'));
      },
    });
  }

  /** Runs a search the contract has checked (it is not checked again here). */
  search(query: ParsedSearchQuery): Promise<SearchResults> {
    // An in-memory library has no file another connection could open.
    if (this.inThread || this.library.file === ':memory:') {
      try {
        return Promise.resolve(searchArticles(this.library, query));
      } catch (error) {
        return Promise.reject(error as Error);
      }
    }
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
    await this.worker.close();
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
      this.worker.replace();
      this.runNext();
    }, wait);
  }

  private runNext(): void {
    if (this.running) return;
    const next = this.waiting.shift();
    if (!next) return this.worker.releaseWhenIdle();
    next.startedAt = performance.now();
    this.running = next;
    this.worker.post({ id: next.id, query: next.query });
    // While a search is out, the worker keeps the process alive (a CLI or a bench awaits it).
    this.worker.hold(true);
  }

  /** The running search is answered: the next one may start. */
  private finish(): void {
    this.running = null;
    if (this.interrupt) clearTimeout(this.interrupt);
    this.interrupt = null;
    queueMicrotask(() => this.runNext());
  }

  private clearTimers(): void {
    if (this.interrupt) clearTimeout(this.interrupt);
    this.interrupt = null;
  }
}
