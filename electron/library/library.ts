import type { Statement } from 'better-sqlite3';
import { openDatabase, openReadOnly, type Db, type OpenOptions } from './database.ts';

/**
 * An open library file. Feature modules (articles, search, tags, settings) are plain
 * functions over it; this class only owns the connection and its prepared statements.
 */
export class Library {
  readonly db: Db;
  readonly file: string;
  private readonly statements = new Map<string, Statement>();

  private constructor(db: Db, file: string) {
    this.db = db;
    this.file = file;
  }

  static open(file: string, options?: OpenOptions): Library {
    return new Library(openDatabase(file, options), file);
  }

  /** A read-only view of a library that another connection owns and keeps migrated. */
  static openReader(file: string): Library {
    return new Library(openReadOnly(file), file);
  }

  /** A prepared statement, compiled once per connection. */
  statement<Row = unknown>(sql: string): Statement<unknown[], Row> {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared as Statement<unknown[], Row>;
  }

  /** Runs `work` in one write transaction (BEGIN IMMEDIATE): all of it or none of it. */
  write<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
