import pg from 'pg';
import { COMPACT_AFTER_MS, type DeskRole, type DeskStore, type DeskUser } from './store.ts';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS desk_users (
    name TEXT PRIMARY KEY, role TEXT NOT NULL, token_hash TEXT UNIQUE, created_at BIGINT NOT NULL, revoked_at BIGINT
  );
  CREATE TABLE IF NOT EXISTS desk_stories (name TEXT PRIMARY KEY, owner TEXT NOT NULL, created_at BIGINT NOT NULL);
  CREATE TABLE IF NOT EXISTS desk_members (story TEXT NOT NULL, user_name TEXT NOT NULL, PRIMARY KEY (story, user_name));
  CREATE TABLE IF NOT EXISTS desk_documents (name TEXT PRIMARY KEY, state BYTEA NOT NULL, updated_at BIGINT NOT NULL);
  CREATE TABLE IF NOT EXISTS desk_updates (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL, data BYTEA NOT NULL, received_at BIGINT NOT NULL);
  CREATE INDEX IF NOT EXISTS desk_updates_by_name ON desk_updates (name, id);
`;

/** A newsroom's desk: PostgreSQL, so the stories live where the newsroom keeps its data. */
export async function openPostgresDeskStore(url: string): Promise<DeskStore> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Two desk servers starting together must not race creating the tables.
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(471547615)');
    await client.query(SCHEMA);
  } finally {
    await client.query('SELECT pg_advisory_unlock(471547615)').catch(() => undefined);
    client.release();
  }
  const rows = async <T>(sql: string, values: unknown[] = []) => (await pool.query(sql, values)).rows as T[];
  return {
    async addUser(name, role, tokenHash) {
      const [existing] = await rows<{ revoked_at: string | null }>('SELECT revoked_at FROM desk_users WHERE name = $1', [name]);
      if (existing && existing.revoked_at === null) throw new Error(`The desk has a user "${name}" already.`);
      await pool.query(
        `INSERT INTO desk_users (name, role, token_hash, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (name) DO UPDATE SET role = excluded.role, token_hash = excluded.token_hash, revoked_at = NULL`,
        [name, role, tokenHash, Date.now()],
      );
    },
    async revokeUser(name) {
      const result = await pool.query('UPDATE desk_users SET revoked_at = $1, token_hash = NULL WHERE name = $2 AND revoked_at IS NULL', [
        Date.now(),
        name,
      ]);
      return (result.rowCount ?? 0) > 0;
    },
    async listUsers() {
      return (await rows<Row>('SELECT name, role, created_at FROM desk_users WHERE revoked_at IS NULL ORDER BY name')).map(toUser);
    },
    async userByToken(tokenHash) {
      const [row] = await rows<Row>('SELECT name, role, created_at FROM desk_users WHERE token_hash = $1 AND revoked_at IS NULL', [
        tokenHash,
      ]);
      return row ? toUser(row) : null;
    },
    async storyAccess(story) {
      const [row] = await rows<{ owner: string }>('SELECT owner FROM desk_stories WHERE name = $1', [story]);
      if (!row) return null;
      const members = await rows<{ user_name: string }>('SELECT user_name FROM desk_members WHERE story = $1', [story]);
      return { owner: row.owner, members: members.map((member) => member.user_name) };
    },
    async createStory(story, owner) {
      await pool.query('INSERT INTO desk_stories (name, owner, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
        story,
        owner,
        Date.now(),
      ]);
    },
    async share(story, people) {
      await inTransaction(pool, async (client) => {
        for (const person of people) {
          const known = await client.query('SELECT 1 FROM desk_users WHERE name = $1 AND revoked_at IS NULL', [person]);
          if (!known.rowCount) throw new Error(`The desk has no user "${person}".`);
          await client.query('INSERT INTO desk_members (story, user_name) VALUES ($1, $2) ON CONFLICT DO NOTHING', [story, person]);
        }
      });
    },
    async loadDocument(story) {
      const [state] = await rows<{ state: Buffer }>('SELECT state FROM desk_documents WHERE name = $1', [story]);
      const updates = await rows<{ data: Buffer }>('SELECT data FROM desk_updates WHERE name = $1 ORDER BY id', [story]);
      if (!state && !updates.length) return null;
      return [...(state ? [new Uint8Array(state.state)] : []), ...updates.map((row) => new Uint8Array(row.data))];
    },
    async appendUpdate(story, update) {
      await pool.query('INSERT INTO desk_updates (name, data, received_at) VALUES ($1, $2, $3)', [story, Buffer.from(update), Date.now()]);
    },
    async storeDocument(story, state) {
      const now = Date.now();
      await inTransaction(pool, async (client) => {
        await client.query(
          'INSERT INTO desk_documents (name, state, updated_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
          [story, Buffer.from(state), now],
        );
        await client.query('DELETE FROM desk_updates WHERE name = $1 AND received_at < $2', [story, now - COMPACT_AFTER_MS]);
      });
    },
    async close() {
      await pool.end();
    },
  };
}

interface Row {
  name: string;
  role: string;
  created_at: string | number;
}

const toUser = (row: Row): DeskUser => ({ name: row.name, role: row.role as DeskRole, createdAt: Number(row.created_at) });

/** Runs `work` on one connection in one transaction: all of it or none of it. */
async function inTransaction(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await work(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
