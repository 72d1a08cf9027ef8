import { availableParallelism } from 'node:os';
import { DatelineError } from '../../common/errors.ts';
import { SupervisedWorker } from '../../common/node/workers.ts';
import type { JobKind, JobResult, WorkerJob, WorkerReply, WorkerRequest } from './protocol.ts';

/** How long one file may take to parse (or unpack, or convert), and one page to download and read. */
export const JOB_BUDGET_MS: Record<JobKind, number> = {
  parse: 30_000,
  download: 60_000,
  capture: 30_000,
  convert: 30_000,
  feed: 30_000,
  opml: 15_000,
};
/** A parser that needs more memory than this is stopped; the import goes on. */
const WORKER_HEAP_MB = 1536;
/** An idle worker is let go so that it holds no memory between imports. */
const IDLE_MS = 20_000;

interface Pending {
  job: WorkerJob;
  budgetMs: number;
  signal?: AbortSignal;
  resolve: (value: unknown) => void;
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
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private readonly worker = new SupervisedWorker<WorkerRequest, WorkerReply>({
    name: 'import-worker',
    workerOptions: () => ({ resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }),
    idleMs: IDLE_MS,
    onReply: (reply) => {
      this.settle(reply.id, reply.ok ? reply.value : new DatelineError(reply.error.code, reply.error.message));
      this.timeHead();
    },
    onFailure: (error) => {
      const outOfMemory = (error as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      const message = !error
        ? 'The importer stopped unexpectedly.'
        : outOfMemory
          ? 'Reading this needed too much memory, so it was stopped.'
          : `The importer failed: ${error.message}`;
      this.failHead(new DatelineError('IMPORT_FAILED', message));
    },
  });

  run<J extends WorkerJob>(job: J, budgetMs: number = JOB_BUDGET_MS[job.kind], signal?: AbortSignal): Promise<JobResult<J['kind']>> {
    if (signal?.aborted) return Promise.reject(cancelled());
    const id = this.nextId++;
    return new Promise<JobResult<J['kind']>>((resolve, reject) => {
      const entry: Pending = {
        job,
        budgetMs,
        signal,
        resolve: (value) => resolve(value as JobResult<J['kind']>),
        reject,
        timer: null,
        onAbort: () => this.abandon(id, cancelled()),
      };
      this.pending.set(id, entry);
      signal?.addEventListener('abort', entry.onAbort!, { once: true });
      this.worker.post({ ...job, id });
      this.timeHead();
    });
  }

  /** Jobs sent to this worker and not yet settled, the one it is on included. */
  get load(): number {
    return this.pending.size;
  }

  /** Stops the worker now (quitting, or tests); every job waiting fails. */
  async close(): Promise<void> {
    for (const [id] of this.pending) this.settle(id, new DatelineError('IMPORT_FAILED', 'The import was stopped.'));
    await this.worker.close();
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

  private settle(id: number, outcome: unknown): void {
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
    this.worker.replace();
    if (this.pending.size === 0) return this.scheduleIdle();
    for (const [id, entry] of this.pending) {
      if (entry.timer) clearTimeout(entry.timer);
      entry.timer = null;
      this.worker.post({ ...entry.job, id });
    }
    this.timeHead();
  }

  private scheduleIdle(): void {
    if (this.pending.size === 0) this.worker.releaseWhenIdle();
  }
}

function cancelled(): DatelineError {
  return new DatelineError('IMPORT_FAILED', 'The import was cancelled.');
}

/**
 * Import workers for as many cores as the machine has beside the one writing the library,
 * one to three: a web page takes ten times longer to read than to store, so with the cores
 * there, pages are read side by side (two workers read 800 pages at 117/s against 82/s for
 * one, and the process held 836 MiB against 590: each worker loads its own jsdom, which is
 * why there are no more than three). Each job goes to the worker with the fewest waiting
 * (the first on a tie), so a lone job never starts a second worker; each worker keeps its
 * own budgets, restarts and idle release.
 */
export class ImportWorkers {
  private readonly workers: ImportWorker[];

  constructor(count = defaultWorkerCount()) {
    this.workers = Array.from({ length: Math.max(1, count) }, () => new ImportWorker());
  }

  /** Jobs waiting at each worker, the one it is on included. */
  get loads(): number[] {
    return this.workers.map((worker) => worker.load);
  }

  run<J extends WorkerJob>(job: J, budgetMs?: number, signal?: AbortSignal): Promise<JobResult<J['kind']>> {
    const idlest = this.workers.reduce((best, worker) => (worker.load < best.load ? worker : best));
    return idlest.run(job, budgetMs, signal);
  }

  /** Stops every worker now (quitting, or tests); every job waiting fails. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
  }
}

function defaultWorkerCount(): number {
  return Math.min(3, availableParallelism() - 1);
}

/** The workers every import in this process shares. */
export const importWorker = new ImportWorkers();
