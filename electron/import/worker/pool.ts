import { Worker } from 'node:worker_threads';
import { DatelineError } from '../../common/errors.ts';
import type { NewSavedArticle } from '../../library/articles.ts';
import type { WorkerJob, WorkerReply } from './protocol.ts';

/** How long one file may take to parse, and one page to download and read. */
export const JOB_BUDGET_MS = { parse: 30_000, download: 60_000 } as const;
/** A parser that needs more memory than this is stopped; the import goes on. */
const WORKER_HEAP_MB = 1536;
/** An idle worker is let go so that it holds no memory between imports. */
const IDLE_MS = 20_000;

/**
 * The worker's file: beside this module when running from source (Node strips the types),
 * or the bundle's own `import-worker.js` when built (see electron.vite.config.ts).
 */
function workerUrl(): URL {
  const fromSource = import.meta.url.endsWith('.ts');
  return new URL(fromSource ? './worker.ts' : './import-worker.js', import.meta.url);
}

interface Pending {
  resolve: (articles: NewSavedArticle[]) => void;
  reject: (error: unknown) => void;
  timer: NodeJS.Timeout;
}

/**
 * One import worker, started on first use. Jobs run one at a time; a job that overruns its
 * budget (or crashes the worker) fails alone: the worker is replaced for the next one.
 */
export class ImportWorker {
  private worker: Worker | null = null;
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private idle: NodeJS.Timeout | null = null;
  private tail: Promise<unknown> = Promise.resolve();

  run(job: WorkerJob, budgetMs: number = JOB_BUDGET_MS[job.kind], signal?: AbortSignal): Promise<NewSavedArticle[]> {
    const result = this.tail.then(() => this.send(job, budgetMs, signal));
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Stops the worker now (quitting, or tests). */
  async close(): Promise<void> {
    await this.stop(new DatelineError('IMPORT_FAILED', 'The import was stopped.'));
  }

  private send(job: WorkerJob, budgetMs: number, signal?: AbortSignal): Promise<NewSavedArticle[]> {
    if (signal?.aborted) return Promise.reject(new DatelineError('IMPORT_FAILED', 'The import was cancelled.'));
    if (this.idle) clearTimeout(this.idle);
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<NewSavedArticle[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        const seconds = Math.round(budgetMs / 1000);
        void this.stop(new DatelineError('IMPORT_FAILED', `Reading this took longer than ${seconds} seconds, so it was stopped.`));
      }, budgetMs);
      const onAbort = () => void this.stop(new DatelineError('IMPORT_FAILED', 'The import was cancelled.'));
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        resolve: (articles) => (signal?.removeEventListener('abort', onAbort), resolve(articles)),
        reject: (error) => (signal?.removeEventListener('abort', onAbort), reject(error)),
        timer,
      });
      worker.postMessage({ ...job, id });
    }).finally(() => this.scheduleIdle());
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerUrl(), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    worker.on('message', (reply: WorkerReply) => {
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      this.pending.delete(reply.id);
      clearTimeout(pending.timer);
      if (reply.ok) pending.resolve(reply.articles);
      else pending.reject(new DatelineError(reply.error.code, reply.error.message));
    });
    worker.on('error', (error) => {
      const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      void this.stop(new DatelineError('IMPORT_FAILED', outOfMemory ? 'Reading this needed too much memory, so it was stopped.' : `The importer failed: ${error.message}`));
    });
    worker.on('exit', () => {
      if (this.worker === worker) void this.stop(new DatelineError('IMPORT_FAILED', 'The importer stopped unexpectedly.'));
    });
    // After the listeners: adding a 'message' listener refs the worker again.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private async stop(reason: DatelineError): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(reason);
      this.pending.delete(id);
    }
    if (this.idle) clearTimeout(this.idle);
    await worker?.terminate();
  }

  private scheduleIdle(): void {
    if (this.pending.size > 0) return;
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => void this.stop(new DatelineError('IMPORT_FAILED', 'idle')), IDLE_MS);
    this.idle.unref();
  }
}

/** The worker every import in this process shares. */
export const importWorker = new ImportWorker();
