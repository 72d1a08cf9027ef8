import type { NewSavedArticle } from '../../library/saved-articles.ts';
import type { Library } from '../../library/library.ts';
import {
  clearDownloadQueue,
  completeSavedLink,
  failSavedLink,
  nextQueuedLink,
  queueSavedLinks,
  savedLinkCounts,
} from '../../library/saved-links.ts';
import { isDatelineError } from '../../common/errors.ts';

export interface DownloadProgress {
  running: boolean;
  /** Downloaded or failed since the queue was started. */
  done: number;
  /** Still in the queue. */
  remaining: number;
  failed: number;
  current: string | null;
}

export interface DownloadQueueOptions {
  library: Library;
  download: (url: string, signal: AbortSignal) => Promise<NewSavedArticle>;
  onProgress?: (progress: DownloadProgress) => void;
  onDownloaded?: (id: number) => void;
  /** The queue stopped on something other than a page (the library closed, say). */
  onError?: (error: unknown) => void;
}

/**
 * Downloads queued saved links one after another. The queue is the library's own table, so
 * stopping the app (or a crash) leaves it where it was, and `resume` carries on.
 */
export class DownloadQueue {
  private running: Promise<void> | null = null;
  private abort: AbortController | null = null;
  private done = 0;
  private failed = 0;
  private current: string | null = null;
  private readonly options: DownloadQueueOptions;

  constructor(options: DownloadQueueOptions) {
    this.options = options;
  }

  /** Queues every saved link not downloaded yet and starts downloading. */
  start(): DownloadProgress {
    queueSavedLinks(this.options.library);
    return this.resume();
  }

  /** Carries on with a queue left from before, if any. */
  resume(): DownloadProgress {
    if (!this.running && savedLinkCounts(this.options.library).queued > 0) {
      this.done = 0;
      this.failed = 0;
      this.abort = new AbortController();
      this.running = this.drain(this.abort.signal)
        .catch((error: unknown) => this.options.onError?.(error))
        .finally(() => {
          this.running = null;
          this.current = null;
          this.report();
        });
    }
    return this.progress();
  }

  /** Empties the queue; the links stay in the library, not downloaded. */
  cancel(): DownloadProgress {
    this.abort?.abort();
    clearDownloadQueue(this.options.library);
    return this.progress();
  }

  progress(): DownloadProgress {
    const running = this.running !== null;
    return {
      running,
      done: this.done,
      remaining: savedLinkCounts(this.options.library).queued,
      failed: this.failed,
      current: running ? this.current : null,
    };
  }

  /** Resolves when the queue has stopped (for the CLI and tests). */
  async idle(): Promise<void> {
    await this.running;
  }

  private async drain(signal: AbortSignal): Promise<void> {
    const { library, download, onDownloaded } = this.options;
    for (let link = nextQueuedLink(library); link && !signal.aborted; link = nextQueuedLink(library)) {
      this.current = link.url;
      this.report();
      try {
        const page = await download(link.url, signal);
        if (signal.aborted) break;
        completeSavedLink(library, link.id, page);
        onDownloaded?.(link.id);
      } catch (error) {
        if (signal.aborted) break;
        failSavedLink(library, link.id, isDatelineError(error) ? error.message : 'The page could not be downloaded.');
        this.failed += 1;
        onDownloaded?.(link.id);
      }
      this.done += 1;
    }
  }

  private report(): void {
    try {
      this.options.onProgress?.(this.progress());
    } catch (error) {
      this.options.onError?.(error);
    }
  }
}
