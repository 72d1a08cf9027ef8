import type { DraftFields } from '../../../electron/common/model.ts';
import { ApiError, call, messageOf } from '../client/api.ts';

export type SaveStatus =
  | { state: 'saved' }
  | { state: 'pending' }
  | { state: 'saving' }
  /** `retryInMs`: when the saver tries again by itself; null when only a change or a person can help. */
  | { state: 'error'; message: string; retryInMs: number | null };

/** Failures that trying again cannot mend: the save itself was refused. */
const FINAL_CODES: ReadonlySet<string> = new Set(['CONFLICT', 'INVALID_INPUT', 'NOT_FOUND', 'TOO_LARGE', 'UNSUPPORTED']);
const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 30_000;

/** How long before the `attempt`-th retry: doubling from a second, up to half a minute. */
export function retryDelay(attempt: number): number {
  return Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt);
}

/**
 * Saves one draft: changes are collected and written together shortly after the last
 * keystroke, one save at a time in order, each carrying the revision it builds on so a
 * save can never overwrite a newer one from elsewhere. The editor state is serialized only
 * when a save actually runs, never per keystroke.
 */
export class DraftSaver {
  private fields: DraftFields = {};
  private serializeEditor: (() => string) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private revision: number;
  private readonly id: number;
  private readonly delayMs: number;
  private readonly report: (status: SaveStatus) => void;
  private lastState: SaveStatus['state'] = 'saved';
  /** Retries since the last save that went through. */
  private failures = 0;

  constructor(id: number, revision: number, onStatus: (status: SaveStatus) => void, delayMs = 600) {
    this.id = id;
    this.revision = revision;
    this.report = onStatus;
    this.delayMs = delayMs;
  }

  /** Tells the view only when the state changes: a keystroke must not re-render the editor. */
  private onStatus(status: SaveStatus): void {
    if (status.state === this.lastState && status.state !== 'error') return;
    this.lastState = status.state;
    this.report(status);
  }

  /** The library's draft moved on without this saver (a version restored): later saves build on it. */
  rebase(revision: number): void {
    this.revision = revision;
  }

  changeFields(fields: DraftFields): void {
    this.fields = { ...this.fields, ...fields };
    this.schedule();
  }

  changeBody(serialize: () => string): void {
    this.serializeEditor = serialize;
    this.schedule();
  }

  /** Something is waiting to be saved or being saved right now. */
  get busy(): boolean {
    return this.inFlight !== null || this.hasUnsavedChanges;
  }

  get hasUnsavedChanges(): boolean {
    return this.serializeEditor !== null || Object.keys(this.fields).length > 0;
  }

  /** Saves now whatever is waiting; resolves when everything handed in so far is stored. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.inFlight || this.hasUnsavedChanges) {
      if (this.inFlight) await this.inFlight;
      else await (this.inFlight = this.saveOnce().finally(() => (this.inFlight = null)));
      if (this.lastFailed) return;
    }
  }

  private lastFailed = false;

  private schedule(): void {
    this.lastFailed = false;
    this.onStatus({ state: 'pending' });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  private async saveOnce(): Promise<void> {
    const patch: DraftFields = { ...this.fields };
    if (this.serializeEditor) patch.editorState = this.serializeEditor();
    this.fields = {};
    this.serializeEditor = null;
    this.onStatus({ state: 'saving' });
    try {
      const saved = await call('articles.save', { id: this.id, patch, expectedRevision: this.revision });
      this.revision = saved.revision;
      this.lastFailed = false;
      this.failures = 0;
      if (!this.hasUnsavedChanges) this.onStatus({ state: 'saved' });
    } catch (error) {
      // Keep what failed so the next attempt sends it again; newer changes win over it.
      this.fields = { ...patch, ...this.fields };
      delete this.fields.editorState;
      if (patch.editorState !== undefined && !this.serializeEditor) {
        const state = patch.editorState;
        this.serializeEditor = () => state;
      }
      this.lastFailed = true;
      // A busy or full disk, or a server restarting, passes: the saver tries again on its own,
      // so the draft is stored even if the journalist never types another key.
      const retryInMs = error instanceof ApiError && FINAL_CODES.has(error.code) ? null : retryDelay(this.failures++);
      if (retryInMs !== null) {
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.flush(), retryInMs);
      }
      this.onStatus({ state: 'error', message: messageOf(error), retryInMs });
    }
  }
}
