import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Every worker thread's entry module, by the name of its built file. electron.vite.config.ts
 * builds each as its own bundle beside main.js from this list; `workerUrl` finds it.
 */
export const WORKER_ENTRIES = {
  'import-worker': 'electron/import/worker/worker.ts',
  'search-worker': 'electron/library/search-worker.ts',
  'check-worker': 'electron/library/check-worker.ts',
} as const;

export type WorkerName = keyof typeof WORKER_ENTRIES;

/** From source, the entry module itself (Node strips the types); built, its bundle beside this one. */
export function workerUrl(name: WorkerName): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL(`../../../${WORKER_ENTRIES[name]}`, import.meta.url)
    : new URL(`./${name}.js`, import.meta.url);
}

interface SupervisedOptions<Reply> {
  name: WorkerName;
  workerOptions?: () => WorkerOptions;
  /** An idle worker is let go after this long, with the memory it holds. */
  idleMs: number;
  onReply: (reply: Reply) => void;
  /**
   * The current worker failed (`error`) or exited by itself (null). It is already let go; the
   * next `post` starts another.
   */
  onFailure: (error: Error | null) => void;
}

/**
 * One worker thread, started on first use and looked after: replies and failures of a
 * worker already let go are ignored, an idle one is released, and it never keeps the process
 * alive unless `hold` says so. What the jobs are, and how they queue, is the owner's.
 */
export class SupervisedWorker<Request, Reply> {
  private worker: Worker | null = null;
  private idle: NodeJS.Timeout | null = null;
  private readonly options: SupervisedOptions<Reply>;

  constructor(options: SupervisedOptions<Reply>) {
    this.options = options;
  }

  /** Sends a request to the worker, starting one if none runs. */
  post(request: Request): void {
    this.cancelIdle();
    this.current().postMessage(request);
  }

  /** While work is out, the worker keeps the process alive (a CLI awaits it); or no longer. */
  hold(held: boolean): void {
    if (held) this.worker?.ref();
    else this.worker?.unref();
  }

  /** Lets the current worker go (a job overran, or was given up): the next `post` starts afresh. */
  replace(): void {
    const old = this.worker;
    this.worker = null;
    void old?.terminate();
  }

  /** Nothing is waiting: the worker is released unless more work comes first. */
  releaseWhenIdle(): void {
    this.hold(false);
    this.cancelIdle();
    this.idle = setTimeout(() => this.replace(), this.options.idleMs);
    this.idle.unref();
  }

  /** Stops the worker now (quitting, tests). */
  async close(): Promise<void> {
    this.cancelIdle();
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private cancelIdle(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
  }

  private current(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerUrl(this.options.name), this.options.workerOptions?.());
    const failed = (error: Error | null) => {
      if (this.worker !== worker) return;
      this.replace();
      this.options.onFailure(error);
    };
    worker.on('message', (reply: Reply) => {
      if (this.worker === worker) this.options.onReply(reply);
    });
    worker.on('error', (error) => failed(error));
    worker.on('exit', () => failed(null));
    // After the listeners: adding a 'message' listener refs the worker again.
    worker.unref();
    this.worker = worker;
    return worker;
  }
}
