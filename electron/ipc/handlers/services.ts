import { DatelineError } from '../../common/errors.ts';
import type { Feature } from '../../common/features.ts';
import type { DeskConnection, DeskSessions } from '../../desk-client/sessions.ts';
import { FeedRefresher } from '../../import/feeds/refresher.ts';
import type { FeedRefresh } from '../../import/feeds/follow.ts';
import { DownloadQueue } from '../../import/web/download-queue.ts';
import { backupFolder } from '../../library/backups.ts';
import type { DataKey } from '../../library/cipher.ts';
import type { Library } from '../../library/library.ts';
import { queueLinks, savedLinkCounts } from '../../library/saved-links.ts';
import { getSettings } from '../../library/settings-store.ts';
import { Searcher } from '../../library/searcher.ts';
import type { AppInfo, ChannelName, EventName, EventPayload } from '../contract.ts';

export interface CaptureListener {
  port: number | null;
  problem: string | null;
}

const NO_CAPTURE_LISTENER: CaptureListener = {
  port: null,
  problem: 'Only the running app (the desktop app, or `npm run web`) takes pages from the browser extension.',
};

export interface HandlerContext {
  library: Library;
  /** What the transport knows about the running app (mode, version, policy). */
  app: AppInfo;
  /** Pushes an event to every window; each transport decides how. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** The desktop app can print pages to PDF; browser mode and the CLI cannot. */
  printToPdf?: (html: string) => Promise<Uint8Array>;
  /** Where problems are reported; never given article text. */
  log?: (message: string, error?: unknown) => void;
  /** The folder of automatic and manual backups; beside the library file by default. */
  backups?: string;
  /**
   * Whether the download queue a last session left carries on, and feeds are refreshed on
   * their schedule (the apps; not a one-off CLI command).
   */
  resumeDownloads?: boolean;
  /** Searches run on this thread rather than in a worker (a one-off CLI command: nothing waits). */
  searchInThread?: boolean;
  /** Whether the browser extension's capture endpoint listens, and on which port (the apps start it). */
  captureListener?: () => CaptureListener;
  /** The desktop app wraps an encrypted library's key with the OS keychain, to open without asking. */
  keychain?: { wrap(key: DataKey): Uint8Array };
}

/** Runs work that no other call may interleave with, refusing those calls meanwhile. */
export type Exclusive = <T>(
  work: () => Promise<T>,
  /** What refused calls are told, and the channels still answered meanwhile (a Cancel). */
  options?: { reason?: string; allow?: readonly ChannelName[] },
) => Promise<T>;

/**
 * What the handlers share and what outlives one call: the search worker, the download
 * queue and the imports under way, and the policy questions every namespace asks. Created
 * once per open library; each namespace's module takes what it needs from here.
 */
export interface Services {
  readonly library: Library;
  readonly app: AppInfo;
  readonly emit: HandlerContext['emit'];
  readonly printToPdf?: HandlerContext['printToPdf'];
  readonly backups: string;
  readonly keychain?: HandlerContext['keychain'];
  readonly log?: HandlerContext['log'];
  readonly exclusively: Exclusive;
  readonly searcher: Searcher;
  readonly downloads: DownloadQueue;
  readonly imports: ImportJobs;
  readonly feeds: FeedRefresher;
  readonly captureListener: () => CaptureListener;
  /** The shared drafts open in a window, each connected to the desk (Yjs and the provider load with the first). */
  readonly desk: () => Promise<DeskSessions>;
  /** The desk drafts are shared to (the policy's, else Settings') and this person's token; null when either is missing. */
  readonly deskConnection: () => DeskConnection | null;
  /** Whether work may go on after a call has answered (the apps), not a one-off CLI command. */
  readonly background: boolean;
  /** Tells every window of what a feed's refresh (or first fetch) brought, and downloads its links. */
  feedRefreshed(refresh: Pick<FeedRefresh, 'added' | 'links'> & Partial<FeedRefresh>): void;
  /** Tells every window which articles changed (all of them when no ids are given). */
  changed(ids?: number[]): void;
  allowed(feature: Feature): boolean;
  /** Refuses with the policy's reason when downloading pages is turned off. */
  requireFetching(): void;
  downloadStatus(): { waiting: number; failedTotal: number } & ReturnType<DownloadQueue['progress']>;
}

/** Imports under way, each with the controller that stops it. */
export class ImportJobs {
  private readonly running = new Map<AbortController, Promise<unknown>>();

  get size(): number {
    return this.running.size;
  }

  run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const job = work(controller.signal).finally(() => this.running.delete(controller));
    this.running.set(controller, job);
    return job;
  }

  /** Stops every import; returns how many were asked to stop. */
  cancelAll(): number {
    for (const controller of this.running.keys()) controller.abort();
    return this.running.size;
  }

  /** Settles once every import under way has stopped, however it ended. */
  async settled(): Promise<void> {
    await Promise.allSettled(this.running.values());
  }
}

export function createServices(
  {
    library,
    emit,
    app,
    printToPdf,
    log,
    backups = backupFolder(library.file),
    resumeDownloads = true,
    searchInThread = false,
    keychain,
    captureListener = () => NO_CAPTURE_LISTENER,
  }: HandlerContext,
  exclusively: Exclusive,
): Services {
  const allowed = (feature: Feature) => !app.policy.disabledFeatures.some((item) => item.id === feature);
  const changed = (ids?: number[]) => emit('library.changed', ids ? { ids } : {});
  const downloadStatus = () => {
    const counts = savedLinkCounts(library);
    return { ...downloads.progress(), waiting: counts.waiting, failedTotal: counts.failed };
  };
  const downloads: DownloadQueue = new DownloadQueue({
    library,
    // The pipeline loads with the first download, not with every dispatcher.
    download: async (url, signal) => {
      const { downloadInWorker } = await import('../../import/pipeline.ts');
      return downloadInWorker(url, { images: allowed('remote-images'), allowHosts: app.policy.intranetHosts, signal });
    },
    onProgress: () => emit('downloads.progress', downloadStatus()),
    onDownloaded: (id) => changed([id]),
    onError: (error) => log?.('the download queue stopped', error),
  });
  // A queue left by the last session carries on.
  if (resumeDownloads && allowed('fetch-urls')) downloads.resume();
  const feedRefreshed: Services['feedRefreshed'] = ({ added, links, expired = [] }) => {
    if (links.length && allowed('fetch-urls')) {
      queueLinks(library, links);
      downloads.resume();
    }
    if (added.length || expired.length) changed([...added, ...expired]);
    emit('feeds.changed', {});
  };
  const feeds = new FeedRefresher({
    library,
    everyMinutes: () => getSettings(library).feedRefreshMinutes,
    enabled: () => allowed('fetch-urls'),
    fetch: () => ({ allowHosts: app.policy.intranetHosts }),
    onRefreshed: feedRefreshed,
    onError: (error) => log?.('refreshing feeds stopped', error),
  });
  if (resumeDownloads) feeds.start();
  // The newsroom's policy names the desk over a person's Settings; the token is always theirs.
  const deskConnection = (): DeskConnection | null => {
    const { deskUrl, deskToken } = getSettings(library);
    const url = app.policy.deskUrl ?? deskUrl;
    return url && deskToken ? { url, token: deskToken } : null;
  };
  let deskSessions: Promise<DeskSessions> | null = null;
  const desk = () =>
    (deskSessions ??= import('../../desk-client/sessions.ts').then(
      ({ DeskSessions }) =>
        new DeskSessions({
          library,
          connection: deskConnection,
          onUpdate: (id, update) => emit('desk.update', { id, update: base64(update) }),
          onStatus: (id, status) => emit('desk.status', { id, status }),
          onPresence: (id, update) => emit('desk.presence', { id, update: base64(update) }),
        }),
    ));
  return {
    library,
    app,
    emit,
    printToPdf,
    backups,
    keychain,
    log,
    exclusively,
    searcher: new Searcher(library, undefined, { inThread: searchInThread }),
    downloads,
    imports: new ImportJobs(),
    feeds,
    captureListener,
    desk,
    deskConnection,
    background: resumeDownloads,
    feedRefreshed,
    changed,
    allowed,
    requireFetching: () => {
      if (!allowed('fetch-urls')) throw new DatelineError('UNSUPPORTED', 'Your organisation’s policy turns off downloading web pages.');
    },
    downloadStatus,
  };
}

/** Bytes as the contract carries them. */
export const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
