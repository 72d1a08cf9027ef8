import type { FailedSave } from './store.ts';

/** What the popup asks the background (one place that saves, pairs and delivers). */
export type Request =
  | { type: 'status' }
  | { type: 'pair'; code: string; address: string }
  | { type: 'unpair' }
  | { type: 'save'; tabId: number; tags: string[] }
  | { type: 'retry' }
  | { type: 'discard'; id: string };

export interface Status {
  paired: boolean;
  /** The app refused the token (unpaired in Settings). */
  refused: boolean;
  address: string | null;
  waiting: number;
  failed: FailedSave[];
}

/** How an action went, in words for the popup. */
export interface Outcome {
  ok: boolean;
  message: string;
}
