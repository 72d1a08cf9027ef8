import type { CapturedPage } from '../../electron/common/capture.ts';

/** A save waiting for the app, with when it was made. */
export interface QueuedSave {
  page: CapturedPage;
  queuedAt: number;
}

/** A save the app refused for good (too large, no article in it), with its words. */
export interface FailedSave {
  id: string;
  url: string;
  title: string;
  reason: string;
}

export interface Pairing {
  /** The app's capture endpoint, e.g. http://127.0.0.1:47615. */
  address: string;
  token: string;
  /** Set when the app refused the token (unpaired in Settings): saves wait until paired again. */
  refused?: boolean;
}

interface Stored {
  queue: QueuedSave[];
  failed: FailedSave[];
  pairing: Pairing | null;
}

const EMPTY: Stored = { queue: [], failed: [], pairing: null };

/**
 * What the extension keeps in its own storage: the pairing, and the saves not yet taken by
 * the app. Every change is one read and one write under a lock, so a save made while the
 * queue is being delivered is never lost between them.
 */
let lock: Promise<unknown> = Promise.resolve();

export async function read(): Promise<Stored> {
  const stored = (await chrome.storage.local.get(['queue', 'failed', 'pairing'])) as Partial<Stored>;
  return { ...EMPTY, ...stored };
}

export function update<T>(change: (stored: Stored) => T): Promise<T> {
  const next = lock.then(async () => {
    const stored = await read();
    const result = change(stored);
    await chrome.storage.local.set(stored);
    await showWaiting(stored.queue.length);
    return result;
  });
  lock = next.catch(() => undefined);
  return next;
}

/** The toolbar button counts the saves waiting for the app. */
export async function showWaiting(count: number): Promise<void> {
  await chrome.action.setBadgeText({ text: count ? String(count) : '' });
  if (count) await chrome.action.setBadgeBackgroundColor({ color: '#8a5a00' });
}
