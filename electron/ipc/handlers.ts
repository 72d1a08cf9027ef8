import { z } from 'zod';
import { DatelineError, isDatelineError } from '../common/errors.ts';
import { downloadInWorker, importAddresses, importFiles, type ImportSummary, type PendingFile } from '../import/pipeline.ts';
import { DownloadQueue } from '../import/web/download-queue.ts';
import { savedLinkCounts } from '../library/saved-links.ts';
import { deleteArticles, setStates, tagArticles, untagArticles } from '../library/bulk.ts';
import type { Feature } from '../common/features.ts';
import {
  createDraft,
  deleteArticle,
  getArticle,
  listArticles,
  restoreRevision,
  startDraftFrom,
  updateArticle,
} from '../library/articles.ts';
import { addHighlight, deleteHighlight, findHighlights, listHighlights, updateHighlight } from '../library/highlights.ts';
import { getRevision, listRevisions, takeRevision } from '../library/revisions.ts';
import { importAsDraft } from '../import/drafts.ts';
import type { Library } from '../library/library.ts';
import { addMedia, getMedia, MEDIA_TYPES } from '../library/media.ts';
import { Searcher } from '../library/searcher.ts';
import { getSettings, updateSettings } from '../library/settings-store.ts';
import { deleteTag, listTags, renameTag, setArticleTags } from '../library/tags.ts';
import {
  channels,
  events,
  isChannelName,
  type ChannelName,
  type EventName,
  type AppInfo,
  type EventPayload,
  type Result,
} from './contract.ts';
import { exportArticle, exporters } from '../export/registry.ts';
import { libraryExportContext } from '../export/context.ts';
import { exportBook } from '../export/collections.ts';
import { backupFolder, listBackups, restoreBackup } from '../library/backups.ts';
import { backUpNow } from '../library/backup-schedule.ts';

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
}

type Handlers = {
  [C in ChannelName]: (
    input: z.output<(typeof channels)[C]['input']>,
  ) => z.input<(typeof channels)[C]['output']> | Promise<z.input<(typeof channels)[C]['output']>>;
};

/** Runs work that no other call may interleave with, refusing those calls meanwhile. */
type Exclusive = <T>(work: () => Promise<T>) => Promise<T>;

/** What each channel does, once its input has been validated. */
function createHandlers(
  { library, emit, app, printToPdf, log, backups = backupFolder(library.file) }: HandlerContext,
  exclusively: Exclusive,
): Handlers {
  const changed = (ids?: number[]) => emit('library.changed', ids ? { ids } : {});
  const allowed = (feature: Feature) => !app.policy.disabledFeatures.some((item) => item.id === feature);
  const requireFetching = () => {
    if (!allowed('fetch-urls')) throw new DatelineError('UNSUPPORTED', 'Your organisation’s policy turns off downloading web pages.');
  };
  const imports = new Map<AbortController, Promise<unknown>>();
  const searcher = new Searcher(library);
  const withCancel = <T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    const running = work(controller.signal).finally(() => imports.delete(controller));
    imports.set(controller, running);
    return running;
  };
  const downloads = new DownloadQueue({
    library,
    download: (url, signal) => downloadInWorker(url, allowed('remote-images'), signal),
    onProgress: () => emit('downloads.progress', downloadStatus()),
    onDownloaded: (id) => changed([id]),
    onError: (error) => log?.('the download queue stopped', error),
  });
  const downloadStatus = () => {
    const counts = savedLinkCounts(library);
    return { ...downloads.progress(), waiting: counts.waiting, failedTotal: counts.failed };
  };
  // A queue left by the last session carries on.
  if (allowed('fetch-urls')) downloads.resume();
  return {
    'articles.list': (query) => listArticles(library, query),
    'articles.get': ({ id }) => getArticle(library, id),
    'articles.createDraft': (fields) => {
      const draft = createDraft(library, fields);
      changed([draft.id]);
      return draft;
    },
    'articles.update': ({ id, patch, expectedRevision }) => {
      const article = updateArticle(library, id, patch, expectedRevision);
      changed([id]);
      return article;
    },
    'articles.setStates': ({ changes }) => {
      const previous = setStates(library, changes);
      changed(changes.map((change) => change.id));
      return { previous };
    },
    'articles.deleteMany': ({ ids }) => {
      const deleted = deleteArticles(library, ids);
      changed(deleted);
      return { ids: deleted };
    },
    'articles.delete': ({ id }) => {
      deleteArticle(library, id);
      changed([id]);
      return { id };
    },
    'import.files': ({ files, job }) =>
      withCancel((signal) =>
        importAndAnnounce(
          { library, emit },
          files.map((file) => ({ path: file.name, read: async () => Buffer.from(file.data, 'base64') })),
          { signal, job },
        ),
      ),
    'import.cancel': () => {
      for (const controller of imports.keys()) controller.abort();
      return { cancelled: imports.size };
    },
    'import.urls': ({ urls, job = null }) => {
      requireFetching();
      return withCancel(async (signal) => {
        const summary = await importAddresses(library, urls, {
          images: allowed('remote-images'),
          signal,
          onProgress: (progress) => emit('import.progress', { ...progress, job }),
        });
        announce(emit, summary, job);
        return summary;
      });
    },
    'downloads.start': () => {
      requireFetching();
      downloads.start();
      return downloadStatus();
    },
    'downloads.cancel': () => {
      downloads.cancel();
      return downloadStatus();
    },
    'downloads.status': () => downloadStatus(),
    'search.query': (query) => searcher.search(query),
    'tags.list': () => listTags(library),
    'tags.set': ({ id, tags }) => {
      const result = setArticleTags(library, id, tags);
      changed([id]);
      return { tags: result };
    },
    'tags.add': ({ ids, name }) => {
      const result = tagArticles(library, ids, name);
      changed(result);
      return { changed: result };
    },
    'tags.remove': ({ ids, name }) => {
      const result = untagArticles(library, ids, name);
      changed(result);
      return { changed: result };
    },
    'tags.rename': ({ from, to }) => {
      const result = renameTag(library, from, to);
      changed();
      return result;
    },
    'tags.delete': ({ name }) => {
      deleteTag(library, name);
      changed();
      return { name };
    },
    'settings.get': () => getSettings(library),
    'settings.set': (patch) => {
      const settings = updateSettings(library, patch);
      emit('settings.changed', settings);
      return settings;
    },
    'export.formats': () => exporters.map(({ id, label, extension }) => ({ id, label, extension })),
    'articles.export': async ({ id, format }) => {
      const file = await exportArticle(getArticle(library, id), format, libraryExportContext(library, printToPdf));
      return { fileName: file.fileName, mimeType: file.mimeType, data: Buffer.from(file.bytes).toString('base64') };
    },
    'export.epub': (source) => {
      const file = exportBook(library, source);
      return { fileName: file.fileName, mimeType: file.mimeType, data: Buffer.from(file.bytes).toString('base64') };
    },
    'app.info': () => app,
    'revisions.list': ({ id }) => {
      getArticle(library, id);
      return listRevisions(library, id);
    },
    'revisions.get': ({ revisionId }) => getRevision(library, revisionId),
    'revisions.create': ({ id, label }) => {
      const revisionId = library.write(() => takeRevision(library, id, 'manual', label || null));
      const { text: _text, editorState: _state, dek: _dek, ...summary } = getRevision(library, revisionId);
      return summary;
    },
    'revisions.restore': ({ revisionId }) => {
      const article = restoreRevision(library, revisionId);
      changed([article.id]);
      return article;
    },
    'articles.draftFrom': ({ id, excerpt }) => {
      const draft = startDraftFrom(library, id, excerpt);
      changed([draft.id]);
      return draft;
    },
    'articles.importDraft': async ({ name, data }) => {
      const draft = await importAsDraft(library, name, Buffer.from(data, 'base64'));
      changed([draft.id]);
      return draft;
    },
    'highlights.list': ({ id }) => {
      getArticle(library, id);
      return listHighlights(library, id);
    },
    'highlights.add': (input) => {
      const highlight = addHighlight(library, input);
      emit('highlights.changed', { articleId: highlight.articleId });
      return highlight;
    },
    'highlights.update': ({ id, patch }) => {
      const highlight = updateHighlight(library, id, patch);
      emit('highlights.changed', { articleId: highlight.articleId });
      return highlight;
    },
    'highlights.delete': ({ id }) => {
      const highlight = deleteHighlight(library, id);
      emit('highlights.changed', { articleId: highlight.articleId });
      return highlight;
    },
    'highlights.find': (query) => findHighlights(library, query),
    'library.status': () => ({ healthy: true, file: library.file, problems: [], suggested: null }),
    'backups.list': async () => ({ folder: backups, keep: getSettings(library).backupsToKeep, backups: await listBackups(backups) }),
    'backups.create': () => backUpNow(library, backups),
    'backups.restore': ({ name }) =>
      exclusively(async () => {
        // Work under way would write into a library about to be replaced: it is stopped,
        // and what it finished before stopping stays in the copy kept aside.
        for (const controller of imports.keys()) controller.abort();
        downloads.cancel();
        await Promise.allSettled([...imports.values(), downloads.idle()]);
        const result = await restoreBackup(library, backups, name, getSettings(library).backupsToKeep);
        emit('library.restored', { name });
        return { ...result, damagedCopy: null };
      }),
    'media.add': ({ articleId, mimeType, data }) => {
      getArticle(library, articleId);
      if (!MEDIA_TYPES.has(mimeType)) {
        throw new DatelineError('UNSUPPORTED', `Images of type ${mimeType} cannot be stored; use PNG, JPEG, GIF, WebP, AVIF or SVG.`);
      }
      return { id: library.write(() => addMedia(library, articleId, mimeType, Buffer.from(data, 'base64'))) };
    },
    'media.get': ({ id }) => {
      const media = getMedia(library, id);
      if (!media) throw new DatelineError('NOT_FOUND', `There is no image with id ${id}.`);
      return { mimeType: media.mimeType, data: media.bytes.toString('base64') };
    },
  };
}

/**
 * Imports files and tells every window: progress as it goes, what changed, and the summary.
 * Used for files sent by the renderer and for files the desktop shell opens itself.
 */
export async function importAndAnnounce(
  { library, emit }: Pick<HandlerContext, 'library' | 'emit'>,
  files: readonly PendingFile[],
  { signal, job = null }: { signal?: AbortSignal; job?: string | null } = {},
): Promise<ImportSummary> {
  const summary = await importFiles(library, files, { signal, onProgress: (progress) => emit('import.progress', { ...progress, job }) });
  announce(emit, summary, job);
  return summary;
}

function announce(emit: HandlerContext['emit'], summary: ImportSummary, job: string | null): void {
  if (summary.imported.length) emit('library.changed', { ids: summary.imported.map((item) => item.id) });
  emit('import.finished', { ...summary, job });
}

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

/**
 * The single entrance from any transport: checks the channel, validates the input before
 * any work, runs the handler, and turns every outcome into a Result. Unexpected failures
 * are logged and reported as INTERNAL without internals leaking to the renderer.
 */
export function createDispatcher(context: HandlerContext): Dispatch {
  let busyWith: string | null = null;
  const exclusively: Exclusive = async (work) => {
    busyWith = 'Dateline is restoring a backup; try again in a moment.';
    try {
      return await work();
    } finally {
      busyWith = null;
    }
  };
  const handlers = createHandlers(context, exclusively);
  return dispatcherOver(handlers, {
    log: context.log,
    refuse: () => (busyWith ? new DatelineError('CONFLICT', busyWith) : null),
  });
}

/** Some channels' handlers; the others answer with what `refuse` says. */
export type PartialHandlers = Partial<Handlers>;

interface DispatchRules {
  log?: HandlerContext['log'];
  /** An error for calls that cannot be served now, checked before each call. */
  refuse?: (channel: ChannelName) => DatelineError | null;
}

/**
 * The dispatcher over any set of handlers: the full app's, or the few a damaged library
 * leaves (status and backups).
 */
export function dispatcherOver(handlers: PartialHandlers, { log, refuse }: DispatchRules): Dispatch {
  return async (channel, input) => {
    if (!isChannelName(channel)) {
      return failure('INVALID_INPUT', `There is no channel named "${String(channel).slice(0, 100)}".`);
    }
    const spec = channels[channel];
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) return failure('INVALID_INPUT', describeInvalid(parsed.error));
    try {
      const refusal = refuse?.(channel);
      if (refusal) throw refusal;
      const handler = handlers[channel] as ((input: unknown) => unknown) | undefined;
      if (!handler) throw new DatelineError('UNSUPPORTED', `${channel} is not available now.`);
      const value: unknown = await handler(parsed.data);
      return { ok: true, value: spec.output.parse(value) };
    } catch (error) {
      if (isDatelineError(error)) return failure(error.code, error.message);
      log?.(`channel ${channel} failed`, error);
      return failure('INTERNAL', 'Something went wrong inside Dateline. Nothing was changed; the details are in the log.');
    }
  };
}

function failure(code: Extract<Result<never>, { ok: false }>['error']['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function describeInvalid(error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    return `${where}${issue.message}`;
  });
  return `The request was not valid (${issues.join('; ')}).`;
}

/** Validates an event payload before it leaves the Node side. */
export function checkEvent<E extends EventName>(event: E, payload: EventPayload<E>): EventPayload<E> {
  return events[event].parse(payload) as EventPayload<E>;
}
