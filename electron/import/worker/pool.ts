import { Worker } from 'node:worker_threads';
import { DatelineError } from '../../common/errors.ts';
import { workerFile } from '../../common/worker-file.ts';
import type { ImportEntry } from '../types.ts';
import type { WorkerJob, WorkerReply } from './protocol.ts';

/** How long one file may take to parse, and one page to download and read. */
export const JOB_BUDGET_MS = { parse: 30_000, download: 60_000 } as const;
/** A parser that needs more memory than this is stopped; the import goes on. */
const WORKER_HEAP_MB = 1536;
/** An idle worker is let go so that it holds no memory between imports. */
const IDLE_MS = 20_000;

const workerUrl = () => workerFile(import.meta.url, './worker.ts', './import-worker.js');

interface Pending {
  job: WorkerJob;
  budgetMs: number;
  signal?: AbortSignal;
  resolve: (entries: ImportEntry[]) => void;
  reject: (error: unknown) => void;
  timer: NodeJS.Timeout | null;
  onAbort?: () => void;
}

/**
 * One import worker, started on first use. Jobs are posted at once so the worker never
 * waits for this thread, and it runs them in order; each job's budget starts when its turn
 * comes. A job that overruns (or crashes the worker) fails alone: the worker is replaced
 * and the jobs behind it are handed to the new one.
 */
export class ImportWorker {
  private worker: Worker | null = null;
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private idle: NodeJS.Timeout | null = null;

  run(job: WorkerJob, budgetMs: number = JOB_BUDGET_MS[job.kind], signal?: AbortSignal): Promise<ImportEntry[]> {
    if (signal?.aborted) return Promise.reject(cancelled());
    if (this.idle) clearTimeout(this.idle);
    const id = this.nextId++;
    return new Promise<ImportEntry[]>((resolve, reject) => {
      const entry: Pending = { job, budgetMs, signal, resolve, reject, timer: null, onAbort: () => this.abandon(id, cancelled()) };
      this.pending.set(id, entry);
      signal?.addEventListener('abort', entry.onAbort!, { once: true });
      this.start().postMessage({ ...job, id });
      this.timeHead();
    });
  }

  /** Stops the worker now (quitting, or tests); every job waiting fails. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    for (const [id] of this.pending) this.settle(id, new DatelineError('IMPORT_FAILED', 'The import was stopped.'));
    if (this.idle) clearTimeout(this.idle);
    await worker?.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerUrl(), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    worker.on('message', (reply: WorkerReply) => {
      this.settle(reply.id, reply.ok ? reply.entries : new DatelineError(reply.error.code, reply.error.message));
      this.timeHead();
    });
    worker.on('error', (error) => {
      const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.failHead(
        new DatelineError(
          'IMPORT_FAILED',
          outOfMemory ? 'Reading this needed too much memory, so it was stopped.' : `The importer failed: ${error.message}`,
        ),
      );
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.failHead(new DatelineError('IMPORT_FAILED', 'The importer stopped unexpectedly.'));
    });
    // After the listeners: adding a 'message' listener refs the worker again.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** The job the worker is on is the oldest one pending: its budget runs from now. */
  private timeHead(): void {
    const head = this.pending.entries().next().value;
    if (!head) return this.scheduleIdle();
    const [id, entry] = head;
    if (entry.timer) return;
    entry.timer = setTimeout(() => {
      this.failHead(
        new DatelineError(
          'IMPORT_FAILED',
          `Reading this took longer than ${Math.round(entry.budgetMs / 1000)} seconds, so it was stopped.`,
        ),
        id,
      );
    }, entry.budgetMs);
  }

  private settle(id: number, outcome: ImportEntry[] | Error): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    if (entry.timer) clearTimeout(entry.timer);
    if (entry.onAbort) entry.signal?.removeEventListener('abort', entry.onAbort);
    if (outcome instanceof Error) entry.reject(outcome);
    else entry.resolve(outcome);
  }

  /** Fails the job at the head (or `id`), replaces the worker, and re-sends the rest. */
  private failHead(reason: DatelineError, id = this.pending.keys().next().value): void {
    if (id !== undefined) this.settle(id, reason);
    this.restart();
  }

  /** A cancelled job: if the worker is already on it, the worker is replaced. */
  private abandon(id: number, reason: DatelineError): void {
    const isHead = this.pending.keys().next().value === id;
    this.settle(id, reason);
    if (isHead) this.restart();
  }

  private restart(): void {
    const old = this.worker;
    this.worker = null;
    void old?.terminate();
    if (this.pending.size === 0) return this.scheduleIdle();
    const worker = this.start();
    for (const [id, entry] of this.pending) {
      if (entry.timer) clearTimeout(entry.timer);
      entry.timer = null;
      worker.postMessage({ ...entry.job, id });
    }
    this.timeHead();
  }

  private scheduleIdle(): void {
    if (this.pending.size > 0) return;
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => {
      const worker = this.worker;
      this.worker = null;
      void worker?.terminate();
    }, IDLE_MS);
    this.idle.unref();
  }
}

function cancelled(): DatelineError {
  return new DatelineError('IMPORT_FAILED', 'The import was cancelled.');
}

/** The worker every import in this process shares. */
export const importWorker = new ImportWorker();
