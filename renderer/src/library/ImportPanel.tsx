import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { ChannelOutput, EventPayload } from '../../../electron/ipc/contract.ts';
import { pageFilesNote, savedPageFiles } from '../../../electron/common/saved-page-files.ts';
import { droppedFiles, picked, type PickedFile } from './dropped-files.ts';
import { base64Of } from '../client/media.ts';
import { entriesCount, fileReports, leftOutTotal } from '../../../electron/common/import-summary.ts';
import { call, messageOf, subscribe } from '../client/api.ts';

type Summary = ChannelOutput<'import.files'>;
type Progress = Omit<EventPayload<'import.progress'>, 'job'>;

export interface Importer {
  pickFiles: () => void;
  pickFolder: () => void;
  importUrls: (urls: string[]) => void;
  cancel: () => void;
  running: boolean;
  progress: Progress | null;
  summary: Summary | null;
  error: string | null;
  dismiss: () => void;
  dragging: boolean;
  dropTargetProps: {
    onDragOver: (event: DragEvent) => void;
    onDragLeave: (event: DragEvent) => void;
    onDrop: (event: DragEvent) => void;
  };
}

/** Files go to the Node side in batches, so a folder of thousands never makes one huge request. */
const BATCH_FILES = 25;
const BATCH_BYTES = 24 * 1024 * 1024;

function batches(files: File[]): File[][] {
  const result: File[][] = [];
  let current: File[] = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length && (current.length >= BATCH_FILES || bytes + file.size > BATCH_BYTES)) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.size;
  }
  if (current.length) result.push(current);
  return result;
}

function merge(into: Summary, next: Summary): Summary {
  return {
    imported: [...into.imported, ...next.imported],
    duplicates: [...into.duplicates, ...next.duplicates],
    failed: [...into.failed, ...next.failed],
    leftOut: [...into.leftOut, ...next.leftOut],
    notes: [...into.notes, ...next.notes],
    cancelled: into.cancelled || next.cancelled,
    stopped: into.stopped ?? next.stopped,
  };
}

/** Hidden files (".DS_Store") and folders inside a picked folder are not articles. */
function isHidden(path: string): boolean {
  return path.split('/').some((part) => part.startsWith('.'));
}

/** Names of the imports this window started, to know their late events when they come. */
const ownJobs = new Set<string>();

function newJobName(): string {
  const job = crypto.randomUUID();
  ownJobs.add(job);
  return job;
}

function isOwnJob(job: string | null): boolean {
  return job !== null && ownJobs.has(job);
}

/** Import by file picker, folder, address or by dropping files, with progress, cancel and a summary. */
export function useImporter(): Importer {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const folderRef = useRef<HTMLInputElement | null>(null);
  const cancelled = useRef(false);
  const batchOffset = useRef({ done: 0, total: 0 });
  const ownJob = useRef<string | null>(null);

  // Imports the desktop shell or another window start report through the same events. This
  // window's own import is shown from its calls' answers: its events can arrive after them.
  useEffect(() => {
    const stopProgress = subscribe('import.progress', ({ job, ...next }) => {
      if (job !== null && job === ownJob.current) {
        const { done, total } = batchOffset.current;
        setProgress({ done: done + next.done, total: Math.max(total, done + next.total), current: next.current });
        return;
      }
      if (ownJob.current !== null || isOwnJob(job)) return;
      setProgress(next);
      setRunning(next.current !== null);
    });
    const stopFinished = subscribe('import.finished', ({ job, ...finished }) => {
      if (ownJob.current !== null || isOwnJob(job)) return;
      setSummary(finished);
      setRunning(false);
      setProgress(null);
    });
    return () => {
      stopProgress();
      stopFinished();
    };
  }, []);

  /** Runs one import of this window: `work` gets the job name its calls carry. */
  const runOwn = useCallback(async (first: Progress, work: (job: string) => Promise<Summary>) => {
    const job = newJobName();
    ownJob.current = job;
    setRunning(true);
    setSummary(null);
    setError(null);
    setProgress(first);
    try {
      setSummary(await work(job));
    } catch (reason) {
      setError(messageOf(reason));
    } finally {
      ownJob.current = null;
      batchOffset.current = { done: 0, total: 0 };
      setRunning(false);
      setProgress(null);
    }
  }, []);

  const run = useCallback(
    async (chosen: PickedFile[]) => {
      const visible = chosen.filter((item) => !isHidden(item.path));
      const paths = new Map(visible.map((item) => [item.file, item.path]));
      const pathOf = (file: File) => paths.get(file) ?? file.name;
      // A saved page's own files are left to it here, where the whole folder is known: sent
      // in batches, a page and its "_files" folder could be told apart.
      const owned = savedPageFiles(visible.map((item) => item.path));
      const taken = new Set(owned.flatMap((group) => group.files));
      const files = visible.map((item) => item.file).filter((file) => !taken.has(pathOf(file)));
      if (files.length === 0) return;
      cancelled.current = false;
      await runOwn({ done: 0, total: files.length, current: files[0]?.name ?? null }, async (job) => {
        const notes = owned.map(({ page, files: pageFiles }) => ({ path: page, note: pageFilesNote(pageFiles.length) }));
        let total: Summary = { imported: [], duplicates: [], failed: [], leftOut: [], notes, cancelled: false, stopped: null };
        for (const batch of batches(files)) {
          if (cancelled.current) return { ...total, cancelled: true };
          batchOffset.current = { done: total.imported.length + total.duplicates.length + total.failed.length, total: files.length };
          const payload = await Promise.all(batch.map(async (file) => ({ name: pathOf(file), data: await base64Of(file) })));
          total = merge(total, await call('import.files', { files: payload, job }));
          if (total.cancelled || total.stopped) break;
        }
        return total;
      });
    },
    [runOwn],
  );

  const importUrls = useCallback(
    async (urls: string[]) => {
      if (urls.length === 0) return;
      await runOwn({ done: 0, total: urls.length, current: urls[0] ?? null }, (job) => call('import.urls', { urls, job }));
    },
    [runOwn],
  );

  useEffect(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.hidden = true;
    input.setAttribute('data-testid', 'import-input');
    input.addEventListener('change', () => {
      void run([...(input.files ?? [])].map(picked));
      input.value = '';
    });
    const folder = document.createElement('input');
    folder.type = 'file';
    folder.hidden = true;
    // Chromium's folder picker: every file below the folder, with its relative path.
    folder.setAttribute('webkitdirectory', '');
    folder.setAttribute('data-testid', 'import-folder-input');
    folder.addEventListener('change', () => {
      void run([...(folder.files ?? [])].map(picked));
      folder.value = '';
    });
    document.body.append(input, folder);
    inputRef.current = input;
    folderRef.current = folder;
    return () => {
      input.remove();
      folder.remove();
    };
  }, [run]);

  // Files dragged onto a draft's text are pictures for the story; the editor takes those.
  const hasFiles = (event: DragEvent) =>
    event.dataTransfer.types.includes('Files') && !(event.target instanceof Element && event.target.closest('.editor-content'));
  return useMemo(
    () => ({
      pickFiles: () => inputRef.current?.click(),
      pickFolder: () => folderRef.current?.click(),
      importUrls: (urls: string[]) => void importUrls(urls),
      cancel: () => {
        cancelled.current = true;
        void call('import.cancel', {}).catch(() => undefined);
      },
      running,
      progress,
      summary,
      error,
      dismiss: () => {
        setSummary(null);
        setError(null);
      },
      dragging,
      dropTargetProps: {
        onDragOver: (event: DragEvent) => {
          if (!hasFiles(event)) return;
          event.preventDefault();
          setDragging(true);
        },
        onDragLeave: (event: DragEvent) => {
          if (event.currentTarget === event.target || !event.relatedTarget) setDragging(false);
        },
        onDrop: (event: DragEvent) => {
          if (!hasFiles(event)) return;
          event.preventDefault();
          setDragging(false);
          void droppedFiles(event.dataTransfer).then(run, (reason: unknown) => setError(messageOf(reason)));
        },
      },
    }),
    [running, progress, summary, error, dragging, run, importUrls],
  );
}

export function ImportPanel({ importer }: { importer: Importer }) {
  const { running, progress, summary, error } = importer;
  if (!running && !summary && !error) return null;
  return (
    <aside className="import-panel" aria-label="Import" aria-live="polite">
      {running && progress && (
        <div className="import-progress">
          <div>
            Importing {Math.min(progress.done + 1, progress.total)} of {progress.total}
            {progress.current ? `: ${progress.current}` : ''}
            {progress.entries &&
              ` (${progress.entries.done.toLocaleString()} of ${progress.entries.total.toLocaleString()} entries stored)`}
          </div>
          <progress max={progress.total} value={progress.done} />
          <button type="button" onClick={importer.cancel}>
            Cancel import
          </button>
        </div>
      )}
      {error && <p role="alert">Import failed: {error}</p>}
      {summary && (
        <div className="import-summary">
          <h2>
            {summary.imported.length} imported, {summary.duplicates.length} already in the library, {summary.failed.length} failed
            {leftOutTotal(summary) > 0 && `, ${entriesCount(leftOutTotal(summary))} left out`}
          </h2>
          {summary.cancelled && <p>The import was cancelled; the articles imported until then are in the library.</p>}
          {summary.stopped && (
            <p role="alert">
              The import stopped: {summary.stopped.message} The {summary.imported.length} articles imported until then are in the library.
            </p>
          )}
          <FileReports summary={summary} />
        </div>
      )}
      {!running && (
        <button type="button" onClick={importer.dismiss}>
          Close
        </button>
      )}
    </aside>
  );
}

/** Files shown by name in a summary; an import of thousands says how many more there were. */
const REPORTED_FILES = 200;

/** One line per file: what came of its entries. */
function FileReports({ summary }: { summary: Summary }) {
  // Files with trouble first: in an import of thousands they are what needs reading.
  const reports = fileReports(summary).sort((a, b) => Number(b.trouble) - Number(a.trouble));
  return (
    <ul aria-label="Files">
      {reports.slice(0, REPORTED_FILES).map((report) => (
        <li key={report.path} className={report.trouble ? 'failed' : undefined}>
          {report.line}
        </li>
      ))}
      {reports.length > REPORTED_FILES && <li>and {(reports.length - REPORTED_FILES).toLocaleString()} more files</li>}
    </ul>
  );
}
