import { parentPort, workerData } from 'node:worker_threads';
import { isDatelineError } from '../common/errors.ts';
import { Library } from './library.ts';
import { searchArticles } from './search.ts';
import type { SearchReply, SearchRequest } from './searcher.ts';

/**
 * The search worker: its own read-only connection, one query at a time. better-sqlite3
 * cannot interrupt a running query, so the thread that owns this worker stops a slow one by
 * terminating the worker and starting another.
 */
const library = Library.openReader((workerData as { file: string }).file);

parentPort?.on('message', ({ id, query }: SearchRequest) => {
  let reply: SearchReply;
  try {
    reply = { id, ok: true, results: searchArticles(library, query) };
  } catch (error) {
    reply = isDatelineError(error)
      ? { id, ok: false, error: { code: error.code, message: error.message } }
      : { id, ok: false, error: { code: 'INTERNAL', message: `Search failed: ${(error as Error).message}` } };
  }
  parentPort?.postMessage(reply);
});
