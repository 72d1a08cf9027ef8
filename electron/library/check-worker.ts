import { dirname } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { quickCheckProblems, type CheckAnswer, type CheckJob } from './check.ts';
import { holdKey, openSqlite, releaseKey } from './cipher.ts';

/** Answers each check it is sent, one at a time, in the order they came. */
parentPort!.on('message', ({ id, request }: CheckJob) => {
  parentPort!.postMessage({ id, answer: check(request) } satisfies { id: number; answer: CheckAnswer });
});

function check({ file, seal, key, copyOf }: CheckJob['request']): CheckAnswer {
  const folders = [dirname(file), ...(copyOf ? [dirname(copyOf)] : [])];
  let db: ReturnType<typeof openSqlite> | undefined;
  try {
    if (key) holdKey(key, folders);
    if (copyOf) copyByVacuum(copyOf, file);
    db = openSqlite(file, { readonly: !seal, fileMustExist: true });
    if (seal) db.pragma('journal_mode = DELETE');
    return { problems: quickCheckProblems(db) };
  } catch (error) {
    return { error: { message: (error as Error).message, code: (error as { code?: unknown }).code } };
  } finally {
    db?.close();
    // The thread keeps no key past the check it was given one for.
    if (key) releaseKey(folders);
  }
}

function copyByVacuum(source: string, destination: string): void {
  const from = openSqlite(source, { readonly: true, fileMustExist: true });
  try {
    from.pragma('busy_timeout = 5000');
    from.prepare('VACUUM INTO ?').run(destination);
  } finally {
    from.close();
  }
}
