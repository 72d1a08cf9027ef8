import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { ChannelOutput, EventPayload } from '../../../electron/ipc/contract.ts';
import { call, messageOf, subscribe } from '../client/api.ts';

type Summary = ChannelOutput<'import.files'>;
type Progress = EventPayload<'import.progress'>;

export interface Importer {
  pickFiles: () => void;
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

/** Reads a picked or dropped file as base64, the form the contract carries files in. */
function readAsBase64(file: File): Promise<{ name: string; data: string }> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ name: file.name, data: url.slice(url.indexOf(',') + 1) });
    };
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

/** Import by file picker or by dropping files on the window, with progress and a summary. */
export function useImporter(): Importer {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement | null>(null);

  // Imports the desktop shell starts (menu, "Open with") report through the same events.
  useEffect(() => {
    const stopProgress = subscribe('import.progress', (next) => {
      setProgress(next);
      setRunning(next.current !== null);
    });
    const stopFinished = subscribe('import.finished', (finished) => {
      setSummary(finished);
      setRunning(false);
      setProgress(null);
    });
    return () => {
      stopProgress();
      stopFinished();
    };
  }, []);

  const run = useCallback(async (files: File[]) => {
    if (files.length === 0) return;
    setRunning(true);
    setSummary(null);
    setError(null);
    setProgress({ done: 0, total: files.length, current: files[0]?.name ?? null });
    try {
      const payload = await Promise.all(files.map(readAsBase64));
      // The summary also arrives as an event; setting it here covers a lost event stream.
      setSummary(await call('import.files', { files: payload }));
    } catch (reason) {
      setError(messageOf(reason));
    } finally {
      setRunning(false);
      setProgress(null);
    }
  }, []);

  useEffect(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.hidden = true;
    input.setAttribute('data-testid', 'import-input');
    input.addEventListener('change', () => {
      void run([...(input.files ?? [])]);
      input.value = '';
    });
    document.body.append(input);
    inputRef.current = input;
    return () => input.remove();
  }, [run]);

  // Files dragged onto a draft's text are pictures for the story; the editor takes those.
  const hasFiles = (event: DragEvent) =>
    event.dataTransfer.types.includes('Files') && !(event.target instanceof Element && event.target.closest('.editor-content'));
  return useMemo(
    () => ({
      pickFiles: () => inputRef.current?.click(),
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
          void run([...event.dataTransfer.files]);
        },
      },
    }),
    [running, progress, summary, error, dragging, run],
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
          </div>
          <progress max={progress.total} value={progress.done} />
        </div>
      )}
      {error && <p role="alert">Import failed: {error}</p>}
      {summary && (
        <div className="import-summary">
          <h2>
            {summary.imported.length} imported, {summary.duplicates.length} already in the library,{' '}
            {summary.failed.length} failed
          </h2>
          <ul>
            {summary.imported.map((item) => (
              <li key={`i${item.id}`}>Imported “{item.title}”</li>
            ))}
            {summary.duplicates.map((item) => (
              <li key={`d${item.id}${item.path}`}>
                Skipped {item.path}: already in the library as “{item.title}”
              </li>
            ))}
            {summary.failed.map((item) => (
              <li key={`f${item.path}`} className="failed">
                {item.path}: {item.error.message}
              </li>
            ))}
          </ul>
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
