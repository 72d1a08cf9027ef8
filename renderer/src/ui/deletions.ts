import { useSyncExternalStore } from 'react';
import { call, messageOf } from '../client/api.ts';

/** How long a deletion offers "Undo" before the articles are really deleted. */
export const UNDO_DELETE_MS = 6000;

export interface PendingDeletion {
  title: string;
  /** Articles deleted together share a batch, and are undone together. */
  batch: number;
  /** How many articles the batch holds: a batch of several is undone from its one notice. */
  together: number;
}

export interface DeletionBatch {
  batch: number;
  ids: number[];
  /** The one title, for a notice about a single article. */
  title: string;
}

type Listener = () => void;

/**
 * Deletions waiting out their moment to be undone, for the whole window: the list shows
 * their rows as "Deleted", the reader and the editor close them, and any of them can take
 * one back. A deletion still waiting when the window goes is carried out.
 */
class Deletions {
  private pending = new Map<number, PendingDeletion>();
  /** Batches still waiting; a batch is named by its timer. */
  private waiting = new Set<number>();
  private listeners = new Set<Listener>();
  private snapshot: ReadonlyMap<number, PendingDeletion> = new Map();
  private onFailure: (message: string) => void = () => undefined;

  /** Where a deletion that failed once its moment had passed is reported. */
  reportFailuresTo(report: (message: string) => void): () => void {
    this.onFailure = report;
    return () => {
      if (this.onFailure === report) this.onFailure = () => undefined;
    };
  }

  schedule(items: readonly { id: number; title: string }[]): DeletionBatch | null {
    const fresh = items.filter((item) => !this.pending.has(item.id));
    if (fresh.length === 0) return null;
    const ids = fresh.map((item) => item.id);
    const batch = window.setTimeout(() => this.carryOut(batch), UNDO_DELETE_MS);
    this.waiting.add(batch);
    for (const item of fresh) this.pending.set(item.id, { title: item.title, batch, together: fresh.length });
    this.changed();
    return { batch, ids, title: fresh[0]!.title };
  }

  /** Takes back the whole deletion the article was part of. */
  undo(id: number): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    window.clearTimeout(entry.batch);
    this.waiting.delete(entry.batch);
    this.drop(entry.batch);
  }

  isPending(batch: number): boolean {
    return this.waiting.has(batch);
  }

  /** Carries out every deletion still waiting (the window is going). */
  flush(): void {
    for (const batch of [...this.waiting]) {
      window.clearTimeout(batch);
      this.carryOut(batch);
    }
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  current = (): ReadonlyMap<number, PendingDeletion> => this.snapshot;

  private carryOut(batch: number): void {
    this.waiting.delete(batch);
    const ids = this.drop(batch);
    if (ids.length === 0) return;
    const deleted = ids.length === 1 ? call('articles.delete', { id: ids[0]! }) : call('articles.deleteMany', { ids });
    deleted.catch((reason: unknown) => this.onFailure(`Not deleted: ${messageOf(reason)}`));
  }

  private drop(batch: number): number[] {
    const ids = [...this.pending].filter(([, entry]) => entry.batch === batch).map(([id]) => id);
    for (const id of ids) this.pending.delete(id);
    this.changed();
    return ids;
  }

  private changed(): void {
    this.snapshot = new Map(this.pending);
    for (const listener of this.listeners) listener();
  }
}

export const deletions = new Deletions();

window.addEventListener('pagehide', () => deletions.flush());

/** The deletions waiting, by article id; re-renders when one is made, undone or carried out. */
export function usePendingDeletions(): ReadonlyMap<number, PendingDeletion> {
  return useSyncExternalStore(deletions.subscribe, deletions.current);
}
