import { SupervisedWorker } from '../common/node/workers.ts';
import { heldKeyFor, type DataKey } from './cipher.ts';
import type { Db } from './database.ts';

/**
 * SQLite's quick check; an empty list means the file is sound. Each problem is one line:
 * SQLite puts a "*** in database main ***" line before the first, which says nothing to
 * a person and would break a message shown on one line.
 */
export function quickCheckProblems(db: Db): string[] {
  return checkProblems(db.pragma('quick_check') as Record<string, string>[]);
}

/** The rows of SQLite's quick_check or integrity_check as one problem per line. */
export function checkProblems(rows: readonly Record<string, string>[]): string[] {
  return rows
    .flatMap((row) => String(Object.values(row)[0] ?? '').split('\n'))
    .map((line) => line.trim())
    .filter((line) => line && line !== 'ok' && !/^\*\*\* in database \w+ \*\*\*$/.test(line));
}

/** SQLite's own words for a file that is not, or no longer, a sound database. */
export function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'));
}

export interface CheckRequest {
  file: string;
  /** A fresh backup copy: switch it to a single-file journal before checking it. */
  seal?: boolean;
  /**
   * Write `file` first, as a copy of this library made with VACUUM INTO: an encrypted
   * library cannot use the backup API, and the copy takes seconds the caller must not wait on.
   */
  copyOf?: string;
  /** The file's key, when it is encrypted; the worker thread holds no keys of its own. */
  key?: DataKey;
}

export type CheckAnswer = { problems: string[] } | { error: { message: string; code?: unknown } };

/** A check as the worker is sent it, numbered so its answer finds its caller. */
export interface CheckJob {
  id: number;
  request: CheckRequest;
}

interface Waiting {
  resolve: (answer: CheckAnswer) => void;
  reject: (error: Error) => void;
}

const waiting = new Map<number, Waiting>();
let nextJob = 1;

/** The checks' worker thread, started for the first check and let go a while after the last. */
const checker = new SupervisedWorker<CheckJob, { id: number; answer: CheckAnswer }>({
  name: 'check-worker',
  idleMs: 10_000,
  onReply: ({ id, answer }) => {
    waiting.get(id)?.resolve(answer);
    waiting.delete(id);
    if (waiting.size === 0) checker.releaseWhenIdle();
  },
  onFailure: (error) => {
    const failure = error ?? new Error('The library check stopped early.');
    for (const job of waiting.values()) job.reject(failure);
    waiting.clear();
  },
});

/**
 * The quick check in a worker thread: it reads the whole file (seconds for a big library),
 * and the app's main thread must stay free meanwhile. Resolves with the problems found, a
 * file SQLite calls damaged on opening included; other failures (no access) reject.
 */
export async function checkInWorker(request: CheckRequest): Promise<string[]> {
  const key = request.key ?? heldKeyFor(request.copyOf ?? request.file);
  const id = nextJob++;
  const answer = await new Promise<CheckAnswer>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    checker.post({ id, request: { ...request, ...(key ? { key } : {}) } });
    // A caller awaiting a check (the CLI) is kept alive until it is answered.
    checker.hold(true);
  });
  if ('problems' in answer) return answer.problems;
  if (isDamage(answer.error)) return [answer.error.message];
  throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
}
