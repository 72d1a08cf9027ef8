import type { Library } from '../../library/library.ts';
import { feedExists, listFeeds, nextFeedDue } from '../../library/feeds.ts';
import type { FeedFetchOptions, FeedRefresh } from './follow.ts';

/** How often the schedule looks for a feed that is due. */
const TICK_MS = 60_000;
/** The first look waits for start-up to be over. */
const FIRST_TICK_MS = 20_000;

export interface FeedRefresherOptions {
  library: Library;
  /** Minutes between refreshes of one feed; 0: only when asked. Read at every tick (a setting). */
  everyMinutes: () => number;
  /** False while a policy turns fetching off: nothing is refreshed, on schedule or asked. */
  enabled: () => boolean;
  fetch: () => FeedFetchOptions;
  /** After each refresh that changed something (new or expired articles, the feed's row). */
  onRefreshed: (refresh: FeedRefresh) => void;
  onError?: (error: unknown) => void;
}

/**
 * Refreshes the feeds followed: due ones on a schedule, or all (or one) when asked. One
 * refresh at a time, so a hundred feeds never open a hundred connections, and a refresh
 * asked for while the schedule runs waits its turn.
 */
export class FeedRefresher {
  private timer: NodeJS.Timeout | null = null;
  private turn: Promise<unknown> = Promise.resolve();
  private readonly options: FeedRefresherOptions;

  constructor(options: FeedRefresherOptions) {
    this.options = options;
  }

  /** Starts the schedule (the apps; a one-off CLI command refreshes only when told). */
  start(): void {
    if (this.timer) return;
    const tick = (delay: number) => {
      this.timer = setTimeout(() => {
        // A failure was logged by inTurn; the schedule goes on.
        void this.refreshDue()
          .catch(() => undefined)
          .finally(() => {
            if (this.timer) tick(TICK_MS);
          });
      }, delay);
      this.timer.unref();
    };
    tick(FIRST_TICK_MS);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Refreshes every feed that is due now, one after another. */
  refreshDue(): Promise<FeedRefresh[]> {
    return this.inTurn(async () => {
      const done: FeedRefresh[] = [];
      const minutes = this.options.everyMinutes();
      if (!this.usable() || minutes <= 0) return done;
      const tried = new Set<number>();
      for (let due = nextFeedDue(this.options.library, minutes * 60_000); due && !tried.has(due.id);) {
        tried.add(due.id);
        done.push(await this.refreshOne(due.id));
        if (!this.usable()) break;
        due = nextFeedDue(this.options.library, minutes * 60_000);
      }
      return done;
    });
  }

  /** Refreshes the feeds given, or every feed not paused, now. */
  refreshNow(only?: readonly number[]): Promise<FeedRefresh[]> {
    return this.inTurn(async () => {
      const done: FeedRefresh[] = [];
      if (!this.usable()) return done;
      const ids =
        only ??
        listFeeds(this.options.library)
          .filter((feed) => !feed.paused)
          .map((feed) => feed.id);
      for (const feedId of ids) {
        if (!this.usable()) break;
        // Unsubscribed while waiting its turn.
        if (!feedExists(this.options.library, feedId)) continue;
        done.push(await this.refreshOne(feedId));
      }
      return done;
    });
  }

  private async refreshOne(id: number): Promise<FeedRefresh> {
    // Fetching (undici) and the worker load with the first refresh, not at start.
    const { refreshFeed } = await import('./follow.ts');
    const refresh = await refreshFeed(this.options.library, id, this.options.fetch());
    try {
      this.options.onRefreshed(refresh);
    } catch (error) {
      this.options.onError?.(error);
    }
    return refresh;
  }

  /** Not once the library is closed (restored, found damaged) or fetching is turned off. */
  private usable(): boolean {
    return this.options.library.db.open && this.options.enabled();
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const next = this.turn.then(work);
    this.turn = next.catch((error: unknown) => this.options.onError?.(error));
    return next;
  }
}
