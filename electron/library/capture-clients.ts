import { createHash } from 'node:crypto';
import type { CaptureClient } from '../common/capture.ts';
import { DatelineError } from '../common/errors.ts';
import type { Library } from './library.ts';

/**
 * The browsers paired to save pages into this library, and the saves they delivered. What
 * listens for them lives in web/; what reads a saved page in import/. A token is kept only
 * as its digest, bound to the extension's origin that paired.
 */

interface ClientRow {
  id: number;
  name: string;
  origin: string;
  paired_at: number;
  last_used_at: number | null;
}

const toClient = (row: ClientRow): CaptureClient => ({
  id: row.id,
  name: row.name,
  origin: row.origin,
  pairedAt: new Date(row.paired_at).toISOString(),
  lastUsedAt: row.last_used_at === null ? null : new Date(row.last_used_at).toISOString(),
});

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export function listCaptureClients(library: Library): CaptureClient[] {
  return library
    .statement<ClientRow>('SELECT id, name, origin, paired_at, last_used_at FROM capture_clients ORDER BY paired_at, id')
    .all()
    .map(toClient);
}

export function addCaptureClient(
  library: Library,
  client: { name: string; origin: string; token: string },
  now = Date.now(),
): CaptureClient {
  return library.write(() => {
    const result = library
      .statement('INSERT INTO capture_clients (name, origin, token_hash, paired_at) VALUES (?, ?, ?, ?)')
      .run(client.name || 'Browser', client.origin, digest(client.token), now);
    return toClient({ id: Number(result.lastInsertRowid), name: client.name, origin: client.origin, paired_at: now, last_used_at: null });
  });
}

/**
 * The paired client a request comes from, or a refusal that says why: a token never issued
 * (or revoked), or one sent by another extension than the one it was given to.
 */
export function authorizeCaptureClient(library: Library, token: string, origin: string): CaptureClient {
  const row = library
    .statement<ClientRow>('SELECT id, name, origin, paired_at, last_used_at FROM capture_clients WHERE token_hash = ?')
    .get(digest(token));
  if (!row) {
    throw new DatelineError(
      'NOT_PAIRED',
      'This browser is not paired with Dateline, or was unpaired: pair it again with a code from Settings ▸ Browser extension.',
    );
  }
  if (row.origin.toLowerCase() !== origin.toLowerCase()) {
    throw new DatelineError('NOT_PAIRED', 'This token was given to another browser extension; pair this one with its own code.');
  }
  return toClient(row);
}

export function touchCaptureClient(library: Library, id: number, now = Date.now()): void {
  library.write(() => library.statement('UPDATE capture_clients SET last_used_at = ? WHERE id = ?').run(now, id));
}

export function revokeCaptureClient(library: Library, id: number): void {
  const removed = library.write(() => library.statement('DELETE FROM capture_clients WHERE id = ?').run(id).changes);
  if (!removed) throw new DatelineError('NOT_FOUND', 'That browser is not paired (any more).');
}

/** The article a save with this id became, when it was delivered before. */
export function findCapture(library: Library, captureId: string): number | null {
  const row = library.statement<{ article_id: number | null }>('SELECT article_id FROM captures WHERE capture_id = ?').get(captureId);
  return row?.article_id ?? null;
}

/** Remembers which article a save became. Call inside `library.write`. */
export function recordCapture(library: Library, captureId: string, articleId: number, now = Date.now()): void {
  library
    .statement('INSERT OR REPLACE INTO captures (capture_id, article_id, received_at) VALUES (?, ?, ?)')
    .run(captureId, articleId, now);
}
