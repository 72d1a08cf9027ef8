import { checkProblems } from './check.ts';
import type { Library } from './library.ts';

export interface IntegrityReport {
  ok: boolean;
  problems: string[];
  /** Null when the library could not be opened to read them. */
  schemaVersion: number | null;
  articles: number | null;
}

/** SQLite's full integrity check plus the FTS index's own consistency check. */
export function checkIntegrity(library: Library): IntegrityReport {
  const problems = checkProblems(library.db.pragma('integrity_check') as Record<string, string>[]);
  try {
    library.db.exec("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')");
  } catch (error) {
    problems.push(`search index: ${(error as Error).message}`);
  }
  const foreignKeyProblems = library.db.pragma('foreign_key_check') as unknown[];
  if (foreignKeyProblems.length) problems.push(`${foreignKeyProblems.length} broken references between tables`);
  return {
    ok: problems.length === 0,
    problems,
    schemaVersion: library.db.pragma('user_version', { simple: true }) as number,
    articles: library.statement<{ n: number }>('SELECT count(*) AS n FROM articles').get()!.n,
  };
}
