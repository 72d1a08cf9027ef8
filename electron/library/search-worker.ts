import { parentPort, workerData } from 'node:worker_threads';
import { isDatelineError } from '../common/errors.ts';
import { dirname } from 'node:path';
import { holdKey, type DataKey } from './cipher.ts';
import { Library } from './library.ts';
import { searchArticles } from './search.ts';
import type { SearchReply, SearchRequest } from './searcher.ts';

/**
 * The search worker: its own read-only connection, one query at a time. better-sqlite3
 * cannot interrupt a running query, so the thread that owns this worker stops a slow one by
 * terminating the worker and starting another.
 */
const { file, key } = workerData as { file: string; key?: DataKey };
if (key) holdKey(key, [dirname(file)]);
const library = Library.openReader(file);

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
