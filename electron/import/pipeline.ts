import { DatelineError, isDatelineError, type ErrorCode } from '../common/errors.ts';
import { findDuplicate, insertSavedArticle, mergeIntoStored, type NewSavedArticle } from '../library/saved-articles.ts';
import type { Library } from '../library/library.ts';
import { completeSavedLink } from '../library/saved-links.ts';
import { indexedOnceAtEnd } from '../library/search-index.ts';
import { storageError } from '../library/storage-errors.ts';
import { parserFailureMessage } from './failure.ts';
import { pageFilesNote, savedPageFiles } from '../common/saved-page-files.ts';
import type { FileRead } from './read-file.ts';
import { isArticle, isLeftOut, isNote, type ImportSource, type LeftOutEntry } from './types.ts';
import type { DownloadOptions } from './web/page.ts';
import { importWorker } from './worker/pool.ts';

/** Larger files are refused before they are read: no article is that long. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** A file waiting to be imported: where it came from and how to get its bytes. */
export interface PendingFile {
  path: string;
  size?: number;
  read(): Promise<Uint8Array>;
}

export interface ImportSummary {
  imported: { id: number; title: string; path: string }[];
  /** Already in the library; `merged` says what this copy added to the stored one (tags, states). */
  duplicates: { id: number; path: string; title: string; merged: string[] }[];
  failed: { path: string; error: { code: ErrorCode; message: string } }[];
  /** Entries of an imported file that could not be kept, by file and reason, with a few titles. */
  leftOut: LeftOutGroup[];
  /** How files were read, where it matters (bytes that were not text, replaced). */
  notes: { path: string; note: string }[];
  /** Stopped before every file was read; what was imported until then stays. */
  cancelled: boolean;
  /** The disk refused a write (full, read-only, failing), which stopped the import; what was imported until then stays. */
  stopped: { code: ErrorCode; message: string } | null;
}

export interface LeftOutGroup {
  path: string;
  reason: string;
  count: number;
  /** The first few, to recognise them by. */
  titles: string[];
}

/** How many titles of the entries left out for one reason a summary names. */
const LEFT_OUT_TITLES = 5;

export interface ImportProgress {
  done: number;
  total: number;
  current: string | null;
  /** Within the current file, when it holds many entries (a reading app's export): how many are stored. */
  entries?: { done: number; total: number };
}

/** How a file's bytes become articles (or a zip's files); by default in the import worker, with a time budget. */
export type Parse = (source: ImportSource, signal?: AbortSignal) => Promise<FileRead>;

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  parse?: Parse;
}

/**
 * Files are recognised as well as read in the worker: the importers' modules (a DOM,
 * Readability, mammoth, zip and CSV readers: some 45 MB) then never load on the thread that
 * stores the articles and answers the window.
 */
const readInWorker: Parse = (source, signal) =>
  importWorker.run({ kind: 'parse', name: source.name, bytes: source.bytes }, undefined, signal);

export function emptySummary(): ImportSummary {
  return { imported: [], duplicates: [], failed: [], leftOut: [], notes: [], cancelled: false, stopped: null };
}

/** Files parsed ahead of the one being stored, so the worker never waits for the disk. */
const PARSE_AHEAD = 64;
/** How long to wait for more parsed files before committing those at hand. */
const GATHER_MS = 25;

const delay = (ms: number) => new Promise<null>((resolve) => setTimeout(() => resolve(null), ms));

/** What reading one file gave: articles to store, files inside an archive, or a failure. */
type Outcome =
  | { kind: 'articles'; articles: NewSavedArticle[]; leftOut: LeftOutEntry[]; notes: string[] }
  | { kind: 'archive'; files: PendingFile[] }
  | { kind: 'failed'; error: unknown };

/**
 * Detects, parses, de-duplicates and stores each file, reporting on every one. A zip that
 * no app's export explains is opened and its files imported one by one. Files are parsed
 * ahead in the worker; those ready are stored together in one synchronous transaction with
 * a savepoint per file, so a file that fails leaves nothing behind, nothing else can write
 * in between, and cancelling keeps what was finished.
 */
export async function importFiles(library: Library, files: readonly PendingFile[], options: ImportOptions = {}): Promise<ImportSummary> {
  const summary = emptySummary();
  const queue = withoutPageFiles(files, summary);
  const reading = new Map<number, Promise<Outcome>>();
  const startReading = (upTo: number) => {
    for (let i = 0; i < Math.min(queue.length, upTo); i += 1) {
      if (!reading.has(i))
        reading.set(
          i,
          readOne(queue[i]!, options).catch((error: unknown): Outcome => ({ kind: 'failed', error })),
        );
    }
  };
  let index = 0;
  while (index < queue.length) {
    if (options.signal?.aborted) break;
    options.onProgress?.({ done: index, total: queue.length, current: queue[index]!.path });
    startReading(index + PARSE_AHEAD);
    // Wait for the next file, then gather those that follow it within a moment: one commit
    // (one fsync) for many small files instead of one each.
    const ready: { file: PendingFile; outcome: Outcome }[] = [{ file: queue[index]!, outcome: await reading.get(index)! }];
    const gatherUntil = performance.now() + GATHER_MS;
    while (index + ready.length < queue.length && ready.length < PARSE_AHEAD) {
      const wait = gatherUntil - performance.now();
      const next = await Promise.race([reading.get(index + ready.length)!, delay(Math.max(0, wait))]);
      if (!next) break;
      ready.push({ file: queue[index + ready.length]!, outcome: next });
    }
    if (options.signal?.aborted) break;
    // The worker reads on while this thread writes.
    startReading(index + ready.length + PARSE_AHEAD);
    let archives: PendingFile[];
    try {
      const fileIndex = new Map(ready.map((item, position) => [item.file, index + position]));
      archives = await storeBatch(library, ready, summary, (file, entries) =>
        options.onProgress?.({ done: fileIndex.get(file) ?? index, total: queue.length, current: file.path, entries }),
      );
    } catch (error) {
      const storage = storageError(error);
      if (!storage) throw error;
      summary.stopped = { code: storage.code, message: storage.message };
      break;
    }
    index += ready.length;
    if (archives.length) {
      // Files inside a zip come next; what was read ahead is read again in its new place.
      queue.splice(index, 0, ...withoutPageFiles(archives, summary));
      for (const key of [...reading.keys()]) if (key >= index) reading.delete(key);
    }
  }
  summary.cancelled = index < queue.length;
  options.onProgress?.({ done: index, total: queue.length, current: null });
  return summary;
}

/**
 * The files a saved page brought with it (its "_files" folder, its pictures beside it) are
 * left to the page and named in a note, not tried as articles and reported as failures.
 */
function withoutPageFiles(files: readonly PendingFile[], summary: ImportSummary): PendingFile[] {
  const owned = savedPageFiles(files.map((file) => file.path));
  if (owned.length === 0) return [...files];
  const taken = new Set(owned.flatMap((group) => group.files));
  for (const { page, files: pageFiles } of owned) summary.notes.push({ path: page, note: pageFilesNote(pageFiles.length) });
  return files.filter((file) => !taken.has(file.path));
}

/**
 * Another process (the app, while `dateline import` runs, or the other way round) waits for
 * the write lock by polling it every few tens of milliseconds; an import that takes the lock
 * again the moment it commits would starve it past its timeout. A pause of a quarter of the
 * time just spent writing leaves it free often enough.
 */
function leaveRoomForOtherWriters(heldMs: number): Promise<unknown> {
  return delay(Math.min(50, Math.max(1, heldMs / 4)));
}

/** Reads and parses one file (in the worker), or lists the files of a plain zip. */
async function readOne(file: PendingFile, options: ImportOptions): Promise<Outcome> {
  if (file.size !== undefined) assertSize(file.size);
  const source = { name: file.path, bytes: await file.read() };
  assertSize(source.bytes.length);
  const read = await (options.parse ?? readInWorker)(source, options.signal);
  if (read.kind === 'archive') {
    return {
      kind: 'archive',
      files: read.files.map(({ name, data }) => ({ path: `${file.path}/${name}`, size: data.length, read: async () => data })),
    };
  }
  const entries = read.entries;
  const articles = entries.filter(isArticle);
  const leftOut = entries.filter(isLeftOut);
  const notes = entries.filter(isNote).map((entry) => entry.note);
  if (articles.length === 0 && leftOut.length) {
    const reasons = groupLeftOut(file.path, leftOut).map((group) => `${group.count} because ${group.reason}`);
    throw new DatelineError('IMPORT_FAILED', `None of the ${leftOut.length} entries in this file could be kept: ${reasons.join('; ')}.`);
  }
  if (articles.length === 0) throw new DatelineError('IMPORT_FAILED', 'The file holds no article.');
  return { kind: 'articles', articles, leftOut, notes };
}

/** A file with more articles than this (a reading app's export) is stored over several transactions. */
const ARTICLES_PER_TRANSACTION = 500;

type Ready = { file: PendingFile; outcome: Outcome };

/**
 * Stores the files that are ready, in order: small ones together in one transaction, a file
 * of many articles in transactions of its own, with room for other writers after each.
 */
/** Told as a file of many entries is stored, one transaction at a time. */
type EntriesStored = (file: PendingFile, entries: { done: number; total: number }) => void;

async function storeBatch(library: Library, ready: Ready[], summary: ImportSummary, onEntries: EntriesStored): Promise<PendingFile[]> {
  const archives: PendingFile[] = [];
  let small: Ready[] = [];
  const storeSmall = async () => {
    if (!small.length) return;
    const began = performance.now();
    archives.push(...storeReady(library, small, summary));
    small = [];
    await leaveRoomForOtherWriters(performance.now() - began);
  };
  for (const item of ready) {
    if (item.outcome.kind === 'articles' && item.outcome.articles.length > ARTICLES_PER_TRANSACTION) {
      await storeSmall();
      await storeLarge(library, item.file, item.outcome, summary, onEntries);
    } else small.push(item);
  }
  await storeSmall();
  return archives;
}

/**
 * A file of many articles in short transactions, so that another process (the app, while
 * `dateline import` runs) is never kept from writing for longer than it waits. A failure
 * part way keeps the parts stored before it, and says how many.
 */
async function storeLarge(
  library: Library,
  file: PendingFile,
  outcome: Extract<Outcome, { kind: 'articles' }>,
  summary: ImportSummary,
  onEntries: EntriesStored,
): Promise<void> {
  const { articles } = outcome;
  const before = summary.imported.length + summary.duplicates.length;
  for (let start = 0; start < articles.length; start += ARTICLES_PER_TRANSACTION) {
    // A reading app's export of 20,000 links is one file: say how far into it the import is.
    onEntries(file, { done: start, total: articles.length });
    const began = performance.now();
    try {
      indexedOnceAtEnd(library, () => storeArticles(library, articles.slice(start, start + ARTICLES_PER_TRANSACTION), file.path, summary));
    } catch (error) {
      if (storageError(error)) throw error;
      const { code, message } = describeFailure(error);
      const stored = summary.imported.length + summary.duplicates.length - before;
      summary.failed.push({
        path: file.path,
        error: { code, message: stored ? `${message} (The first ${stored} entries were stored.)` : message },
      });
      return;
    }
    await leaveRoomForOtherWriters(performance.now() - began);
  }
  summary.leftOut.push(...groupLeftOut(file.path, outcome.leftOut));
  summary.notes.push(...notesOf(file.path, outcome.notes));
}

/**
 * Stores the files that are ready in one transaction, each file in its own savepoint, and
 * indexes their articles for search together at the end.
 */
function storeReady(library: Library, ready: Ready[], summary: ImportSummary): PendingFile[] {
  const archives: PendingFile[] = [];
  const staged = emptySummary();
  // A batch of failures and archives writes nothing at all.
  const writes = ready.some(({ outcome }) => outcome.kind === 'articles');
  (writes ? indexedOnceAtEnd : noWrite)(library, () => {
    for (const { file, outcome } of ready) {
      if (outcome.kind === 'archive') archives.push(...outcome.files);
      else if (outcome.kind === 'failed') staged.failed.push({ path: file.path, error: describeFailure(outcome.error) });
      else {
        try {
          storeArticles(library, outcome.articles, file.path, staged);
          staged.leftOut.push(...groupLeftOut(file.path, outcome.leftOut));
          staged.notes.push(...notesOf(file.path, outcome.notes));
        } catch (error) {
          // A disk that refuses writes stops the whole batch, not just this file.
          if (storageError(error)) throw error;
          staged.failed.push({ path: file.path, error: describeFailure(error) });
        }
      }
    }
  });
  // Outcomes are reported only once the transaction has committed.
  summary.imported.push(...staged.imported);
  summary.duplicates.push(...staged.duplicates);
  summary.failed.push(...staged.failed);
  summary.leftOut.push(...staged.leftOut);
  summary.notes.push(...staged.notes);
  return archives;
}

const noWrite = <T>(_library: Library, work: () => T): T => work();

const notesOf = (path: string, notes: readonly string[]) => notes.map((note) => ({ path, note }));

function groupLeftOut(path: string, entries: readonly LeftOutEntry[]): LeftOutGroup[] {
  const groups = new Map<string, LeftOutGroup>();
  for (const entry of entries) {
    const group = groups.get(entry.leftOut) ?? { path, reason: entry.leftOut, count: 0, titles: [] };
    group.count += 1;
    if (group.titles.length < LEFT_OUT_TITLES) group.titles.push(entry.title);
    groups.set(entry.leftOut, group);
  }
  return [...groups.values()];
}

/**
 * Stores a file's articles all or nothing (a transaction, or a savepoint inside one), noting
 * each as imported or as a duplicate.
 */
export function storeArticles(library: Library, articles: readonly NewSavedArticle[], path: string, summary: ImportSummary): void {
  // Outcomes are recorded only once the transaction has committed.
  const outcome = library.write(() =>
    articles.map((article) => {
      const duplicate = findDuplicate(library, article);
      return duplicate
        ? { stored: false, id: duplicate.id, title: article.title, merged: mergeIntoStored(library, duplicate.id, article) }
        : { stored: true, id: insertSavedArticle(library, article), title: article.title, merged: [] };
    }),
  );
  for (const result of outcome) {
    if (result.stored) summary.imported.push({ id: result.id, title: result.title, path });
    else summary.duplicates.push({ id: result.id, title: result.title, path, merged: result.merged });
  }
}

/** One web page downloaded and read in the import worker, with its time budget. */
export async function downloadInWorker(url: string, { images, allowHosts = [], signal }: DownloadOptions): Promise<NewSavedArticle> {
  const [page] = await importWorker.run({ kind: 'download', url, images, allowHosts: [...allowHosts] }, undefined, signal);
  if (!page || !isArticle(page)) throw new DatelineError('IMPORT_FAILED', 'Dateline found no article at this address.');
  return page;
}

/**
 * Imports pages from the web: each address is downloaded and read in the worker. An address
 * already in the library is not downloaded again, unless it is a saved link still waiting
 * for its page, which is then filled in.
 */
export async function importAddresses(
  library: Library,
  urls: readonly string[],
  options: ImportOptions & Omit<DownloadOptions, 'signal'>,
): Promise<ImportSummary> {
  const summary = emptySummary();
  for (const [index, url] of urls.entries()) {
    if (options.signal?.aborted) {
      summary.cancelled = true;
      break;
    }
    options.onProgress?.({ done: index, total: urls.length, current: url });
    try {
      const match = findDuplicate(library, { title: '', html: '', text: '', sourceUrl: url });
      const known =
        match &&
        library
          .statement<{ title: string; fetch_state: string | null }>('SELECT title, fetch_state FROM articles WHERE id = ?')
          .get(match.id);
      if (match && known && !known.fetch_state) {
        summary.duplicates.push({ id: match.id, title: known.title, path: url, merged: [] });
        continue;
      }
      const page = await downloadInWorker(url, options);
      // Cancelled while downloading (a restore may be about to replace the library).
      if (options.signal?.aborted) {
        summary.cancelled = true;
        break;
      }
      if (match) {
        completeSavedLink(library, match.id, page);
        summary.imported.push({ id: match.id, title: page.title, path: url });
      } else {
        storeArticles(library, [page], url, summary);
      }
    } catch (error) {
      summary.failed.push({ path: url, error: describeFailure(error) });
    }
  }
  options.onProgress?.({ done: urls.length, total: urls.length, current: null });
  return summary;
}

function assertSize(bytes: number): void {
  if (bytes > MAX_IMPORT_BYTES) {
    throw new DatelineError(
      'TOO_LARGE',
      `The file is ${(bytes / 1024 / 1024).toFixed(0)} MB; Dateline imports files of up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
    );
  }
}

function describeFailure(error: unknown): { code: ErrorCode; message: string } {
  if (isDatelineError(error)) return { code: error.code, message: error.message };
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { code: 'NOT_FOUND', message: 'The file does not exist.' };
  if (code === 'EACCES' || code === 'EPERM') return { code: 'IMPORT_FAILED', message: 'Dateline may not read this file.' };
  if (code === 'EISDIR') return { code: 'IMPORT_FAILED', message: 'This is a folder, not a file.' };
  return { code: 'IMPORT_FAILED', message: parserFailureMessage(error) };
}
