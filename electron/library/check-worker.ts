import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { quickCheckProblems, type CheckAnswer, type CheckRequest } from './check.ts';

const { file, seal } = workerData as CheckRequest;
let db: Database.Database | undefined;
let answer: CheckAnswer;
try {
  db = new Database(file, { readonly: !seal, fileMustExist: true });
  if (seal) db.pragma('journal_mode = DELETE');
  answer = { problems: quickCheckProblems(db) };
} catch (error) {
  answer = { error: { message: (error as Error).message, code: (error as { code?: unknown }).code } };
} finally {
  db?.close();
}
parentPort!.postMessage(answer);
