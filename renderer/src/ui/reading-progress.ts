import { useEffect } from 'react';

/**
 * Reading progress within this window. Saving a place is no change to the library (it tells
 * no window, so nothing reloads); the reader announces it here instead, and the list shows it
 * on the article's row.
 */
const EVENT = 'dateline:reading-progress';

interface ProgressDetail {
  id: number;
  progress: number;
}

export function announceProgress(id: number, progress: number): void {
  window.dispatchEvent(new CustomEvent<ProgressDetail>(EVENT, { detail: { id, progress } }));
}

/** Calls `onProgress` for each place the reader saves; keep the callback stable. */
export function useProgressUpdates(onProgress: (id: number, progress: number) => void): void {
  useEffect(() => {
    const listener = (event: Event) => {
      const { id, progress } = (event as CustomEvent<ProgressDetail>).detail;
      onProgress(id, progress);
    };
    window.addEventListener(EVENT, listener);
    return () => window.removeEventListener(EVENT, listener);
  }, [onProgress]);
}
