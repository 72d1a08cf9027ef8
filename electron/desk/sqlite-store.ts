import Database from 'better-sqlite3-multiple-ciphers';
import { COMPACT_AFTER_MS, type DeskRole, type DeskStore, type DeskUser } from './store.ts';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS desk_users (
    name TEXT PRIMARY KEY, role TEXT NOT NULL, token_hash TEXT UNIQUE, created_at INTEGER NOT NULL, revoked_at INTEGER
  );
  CREATE TABLE IF NOT EXISTS desk_stories (name TEXT PRIMARY KEY, owner TEXT NOT NULL, created_at INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS desk_members (story TEXT NOT NULL, user_name TEXT NOT NULL, PRIMARY KEY (story, user_name));
  CREATE TABLE IF NOT EXISTS desk_documents (name TEXT PRIMARY KEY, state BLOB NOT NULL, updated_at INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS desk_updates (id INTEGER PRIMARY KEY, name TEXT NOT NULL, data BLOB NOT NULL, received_at INTEGER NOT NULL);
  CREATE INDEX IF NOT EXISTS desk_updates_by_name ON desk_updates (name, id);
`;

/** The embedded desk: one SQLite file (WAL, synchronous writes), so one command gives a working desk. */
export function openSqliteDeskStore(file: string): DeskStore {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  return {
    async addUser(name, role, tokenHash) {
      const existing = db.prepare('SELECT revoked_at FROM desk_users WHERE name = ?').get(name) as
        { revoked_at: number | null } | undefined;
      if (existing && existing.revoked_at === null) throw new Error(`The desk has a user "${name}" already.`);
      db.prepare(
        `INSERT INTO desk_users (name, role, token_hash, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET role = excluded.role, token_hash = excluded.token_hash, revoked_at = NULL`,
      ).run(name, role, tokenHash, Date.now());
    },
    async revokeUser(name) {
      return (
        db.prepare('UPDATE desk_users SET revoked_at = ?, token_hash = NULL WHERE name = ? AND revoked_at IS NULL').run(Date.now(), name)
          .changes > 0
      );
    },
    async listUsers() {
      return (db.prepare('SELECT name, role, created_at FROM desk_users WHERE revoked_at IS NULL ORDER BY name').all() as Row[]).map(
        toUser,
      );
    },
    async userByToken(tokenHash) {
      const row = db.prepare('SELECT name, role, created_at FROM desk_users WHERE token_hash = ? AND revoked_at IS NULL').get(tokenHash) as
        Row | undefined;
      return row ? toUser(row) : null;
    },
    async storyAccess(story) {
      const row = db.prepare('SELECT owner FROM desk_stories WHERE name = ?').get(story) as { owner: string } | undefined;
      if (!row) return null;
      const members = (db.prepare('SELECT user_name FROM desk_members WHERE story = ?').all(story) as { user_name: string }[]).map(
        (member) => member.user_name,
      );
      return { owner: row.owner, members };
    },
    async createStory(story, owner) {
      db.prepare('INSERT OR IGNORE INTO desk_stories (name, owner, created_at) VALUES (?, ?, ?)').run(story, owner, Date.now());
    },
    async share(story, people) {
      db.transaction(() => {
        for (const person of people) {
          const known = db.prepare('SELECT 1 FROM desk_users WHERE name = ? AND revoked_at IS NULL').get(person);
          if (!known) throw new Error(`The desk has no user "${person}".`);
          db.prepare('INSERT OR IGNORE INTO desk_members (story, user_name) VALUES (?, ?)').run(story, person);
        }
      })();
    },
    async loadDocument(story) {
      const state = db.prepare('SELECT state FROM desk_documents WHERE name = ?').get(story) as { state: Buffer } | undefined;
      const updates = (db.prepare('SELECT data FROM desk_updates WHERE name = ? ORDER BY id').all(story) as { data: Buffer }[]).map(
        (row) => new Uint8Array(row.data),
      );
      if (!state && !updates.length) return null;
      return [...(state ? [new Uint8Array(state.state)] : []), ...updates];
    },
    async appendUpdate(story, update) {
      db.prepare('INSERT INTO desk_updates (name, data, received_at) VALUES (?, ?, ?)').run(story, Buffer.from(update), Date.now());
    },
    async storeDocument(story, state) {
      const now = Date.now();
      db.transaction(() => {
        db.prepare(
          'INSERT INTO desk_documents (name, state, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
        ).run(story, Buffer.from(state), now);
        db.prepare('DELETE FROM desk_updates WHERE name = ? AND received_at < ?').run(story, now - COMPACT_AFTER_MS);
      })();
    },
    async close() {
      db.close();
    },
  };
}

interface Row {
  name: string;
  role: string;
  created_at: number;
}

const toUser = (row: Row): DeskUser => ({ name: row.name, role: row.role as DeskRole, createdAt: Number(row.created_at) });
