import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { quickCheckProblems, type CheckAnswer, type CheckRequest } from './check.ts';
import { holdKey, openSqlite, type Db } from './cipher.ts';

const { file, seal, key, copyOf } = workerData as CheckRequest;
let db: Db | undefined;
let answer: CheckAnswer;
try {
  if (key) holdKey(key, [dirname(file), ...(copyOf ? [dirname(copyOf)] : [])]);
  if (copyOf) copyByVacuum(copyOf, file);
  db = openSqlite(file, { readonly: !seal, fileMustExist: true });
  if (seal) db.pragma('journal_mode = DELETE');
  answer = { problems: quickCheckProblems(db) };
} catch (error) {
  answer = { error: { message: (error as Error).message, code: (error as { code?: unknown }).code } };
} finally {
  db?.close();
}
parentPort!.postMessage(answer);

function copyByVacuum(source: string, destination: string): void {
  const from = openSqlite(source, { readonly: true, fileMustExist: true });
  try {
    from.pragma('busy_timeout = 5000');
    from.prepare('VACUUM INTO ?').run(destination);
  } finally {
    from.close();
  }
}
