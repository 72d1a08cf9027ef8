import type { RunResult, Statement } from 'better-sqlite3-multiple-ciphers';
import type { SqlQuery } from './sql.ts';
import { openDatabase, openReadOnly, type Db, type OpenOptions } from './database.ts';

/** Figures kept by `unlessChanged` at most, before they are all forgotten. */
const REMEMBERED_MAX = 200;

/** Deletes made close together share one checkpoint. */
const FORGET_AFTER_MS = 2000;

/**
 * An open library file. Feature modules (articles, search, tags, settings) are plain
 * functions over it; this class only owns the connection and its prepared statements.
 */
export class Library {
  private connection: Db;
  readonly file: string;
  private readonly statements = new Map<string, Statement>();
  private checkpointTimer: NodeJS.Timeout | null = null;
  private readonly remembered = new Map<string, unknown>();
  private rememberedAt = '';

  private constructor(db: Db, file: string) {
    this.connection = db;
    this.file = file;
  }

  get db(): Db {
    return this.connection;
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

  /**
   * What `compute` gave for `key` the last time, if the library has not changed since: no
   * commit by another connection (`data_version`) and no row written by this one
   * (`total_changes()`, which counts rows rolled back too, so it errs towards computing
   * again). For figures that read much and change seldom, such as a list's count.
   */
  unlessChanged<T>(key: string, compute: () => T): T {
    const now = this.changeStamp();
    if (now !== this.rememberedAt || this.remembered.size >= REMEMBERED_MAX) {
      this.remembered.clear();
      this.rememberedAt = now;
    }
    if (this.remembered.has(key)) return this.remembered.get(key) as T;
    const value = compute();
    this.remembered.set(key, value);
    return value;
  }

  /**
   * Differs from the last call's answer if the library may have changed since: a commit by
   * another connection (`data_version`) or a row written by this one (`total_changes()`).
   */
  changeStamp(): string {
    const version = this.statement<{ data_version: number }>('PRAGMA data_version').get()!.data_version;
    const changes = this.statement<{ n: number }>('SELECT total_changes() AS n').get()!.n;
    return `${version}:${changes}`;
  }

  /** Runs a statement built by `sql`, `insertRow` or `assignments` (prepared once, like any other). */
  run(query: SqlQuery): RunResult {
    return this.statement(query.text).run(...query.values);
  }

  /** The first row a query built by `sql` finds, if any. */
  get<Row>(query: SqlQuery): Row | undefined {
    return this.statement<Row>(query.text).get(...query.values);
  }

  /** Runs `work` in one write transaction (BEGIN IMMEDIATE): all of it or none of it. */
  write<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /**
   * After a delete: soon, copy the write-ahead log into the file and truncate it, so the
   * deleted text (zeroed in the file by secure_delete) is not left in old WAL frames either.
   */
  forgetDeletedSoon(delayMs = FORGET_AFTER_MS): void {
    if (this.checkpointTimer) return;
    this.checkpointTimer = setTimeout(() => this.forgetDeletedNow(), delayMs);
    this.checkpointTimer.unref();
  }

  /** The truncating checkpoint at once; false if a reader kept part of the log in use. */
  forgetDeletedNow(): boolean {
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = null;
    if (!this.db.open || this.db.readonly) return false;
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return result?.busy === 0;
  }

  /**
   * Closes the connection, lets `replace` put another file in the library's place (it is
   * given the path to write), and opens that one: how an encrypted backup is restored, since
   * the backup API cannot write into an encrypted library. Readers on other connections must
   * reopen too (the search worker is replaced by its owner).
   */
  async replaceFile(replace: (target: string) => Promise<void>): Promise<void> {
    const readonly = this.connection.readonly;
    this.forgetDeletedNow();
    this.statements.clear();
    this.connection.close();
    try {
      await replace(this.file);
    } finally {
      this.connection = readonly ? openReadOnly(this.file) : openDatabase(this.file);
    }
  }

  close(): void {
    if (this.checkpointTimer) this.forgetDeletedNow();
    if (this.db.open) this.db.close();
  }
}
