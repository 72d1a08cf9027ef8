import type { Library } from './library.ts';
import { tidySearchIndexStep } from './search-index.ts';

export interface TidierOptions {
  /** How long without a call before tidying begins. */
  quietMs?: number;
  /** Work that must not be interleaved with merging: an import (which merges later anyway), a restore. */
  busy?: () => boolean;
  log?: (message: string, error?: unknown) => void;
}

/** Long enough for a window to have fetched what an import's end made it ask for. */
const QUIET_MS = 3_000;

/**
 * Merges the search index's segments that imports leave (they write with FTS5's merging
 * off), a short step at a time while the app is quiet: each step is one transaction of a
 * few dozen milliseconds, and a call arriving stops the run until the next quiet spell.
 * It looks again only once the library has changed, whoever changed it (`dateline
 * import` in another process included).
 */
export class SearchIndexTidier {
  private timer: NodeJS.Timeout | null = null;
  private lastCallAt = 0;
  private tidyAt: string | null = null;
  private running = false;
  private stopped = false;
  private readonly quietMs: number;
  private readonly library: Library;
  private readonly options: TidierOptions;

  constructor(library: Library, options: TidierOptions = {}) {
    this.library = library;
    this.options = options;
    this.quietMs = options.quietMs ?? QUIET_MS;
    this.arm(this.quietMs);
  }

  /** A call arrived: tidying waits for the next quiet spell. */
  called(): void {
    this.lastCallAt = Date.now();
    if (!this.running) this.arm(this.quietMs);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), delayMs);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    this.timer = null;
    const quietFor = Date.now() - this.lastCallAt;
    if (this.stopped || !this.library.db.open || this.library.db.readonly) return;
    if (quietFor < this.quietMs || this.options.busy?.()) return this.arm(Math.max(this.quietMs - quietFor, 100));
    if (this.library.changeStamp() === this.tidyAt) return;
    const began = this.lastCallAt;
    this.running = true;
    try {
      while (!this.stopped && this.library.db.open && this.lastCallAt === began && !this.options.busy?.()) {
        if (!tidySearchIndexStep(this.library)) {
          this.tidyAt = this.library.changeStamp();
          return;
        }
        // Lets a call that came meanwhile in before the next step.
        await new Promise((resolve) => setImmediate(resolve));
      }
      // Stopped by a call or by other work: go on at the next quiet spell.
      this.arm(this.quietMs);
    } catch (error) {
      // Another process writing, a full disk: this step wrote nothing; it is tried after the next call.
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY') this.options.log?.('tidying the search index was put off', error);
    } finally {
      this.running = false;
    }
  }
}
