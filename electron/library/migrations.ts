import type Database from 'better-sqlite3-multiple-ciphers';

// A migration, once shipped, must do the same thing forever: this module imports nothing of
// the app's that could change under it (tests/electron/library/migrations-frozen.test.ts).
type Db = Database.Database;

/**
 * A condition true for a time column holding a date outside the years 1000 to 9999 (the
 * bounds of common/time.ts, written out so this shipped migration never changes with them).
 */
function outside(column: string): string {
  return `${column} NOT BETWEEN -30610224000000 AND 253402300799999`;
}

const NOW = "CAST(strftime('%s', 'now') AS INTEGER) * 1000";

/**
 * The search index's triggers as migration 17 made them (they leave out the articles an import
 * indexes at its end). Migration 18 makes them again after rebuilding the articles table,
 * which drops them. Both have shipped: never edit this.
 */
const FTS_TRIGGERS_OF_MIGRATION_17 = `
CREATE TRIGGER articles_fts_after_insert AFTER INSERT ON articles
WHEN NOT EXISTS (SELECT 1 FROM articles_fts_deferred WHERE new.id > after_id) BEGIN
  INSERT INTO articles_fts (rowid, title, dek, byline, body_text)
  VALUES (new.id, new.title, new.dek, new.byline, new.body_text);
END;
CREATE TRIGGER articles_fts_after_delete AFTER DELETE ON articles
WHEN NOT EXISTS (SELECT 1 FROM articles_fts_deferred WHERE old.id > after_id) BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, dek, byline, body_text)
  VALUES ('delete', old.id, old.title, old.dek, old.byline, old.body_text);
END;
CREATE TRIGGER articles_fts_after_update AFTER UPDATE OF title, dek, byline, body_text ON articles
WHEN NOT EXISTS (SELECT 1 FROM articles_fts_deferred WHERE old.id > after_id) BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, dek, byline, body_text)
  VALUES ('delete', old.id, old.title, old.dek, old.byline, old.body_text);
  INSERT INTO articles_fts (rowid, title, dek, byline, body_text)
  VALUES (new.id, new.title, new.dek, new.byline, new.body_text);
END;
`;

/**
 * The schema's history, oldest first. A library's `user_version` is the number of
 * migrations applied to it. Never edit a migration that has shipped: add a new one.
 */
export interface Migration {
  readonly name: string;
  readonly sql: string;
  /** Data fixed with code where SQL cannot say it: run after `sql`, in the same transaction. */
  readonly fixData?: (db: Db) => void;
}

export const migrations: readonly Migration[] = [
  {
    name: 'articles, related links, tags, media and settings',
    sql: `
      CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('saved', 'draft')),
        title TEXT NOT NULL DEFAULT '',
        dek TEXT NOT NULL DEFAULT '',
        byline TEXT NOT NULL DEFAULT '',
        source_name TEXT NOT NULL DEFAULT '',
        source_url TEXT,
        canonical_url TEXT,
        url_key TEXT,
        published_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        language TEXT,
        word_count INTEGER NOT NULL DEFAULT 0,
        is_read INTEGER NOT NULL DEFAULT 0,
        is_favorite INTEGER NOT NULL DEFAULT 0,
        is_archived INTEGER NOT NULL DEFAULT 0,
        reading_progress REAL NOT NULL DEFAULT 0,
        body_html TEXT NOT NULL DEFAULT '',
        body_text TEXT NOT NULL DEFAULT '',
        editor_state TEXT,
        content_hash TEXT NOT NULL DEFAULT '',
        revision INTEGER NOT NULL DEFAULT 1
      );
      CREATE INDEX articles_by_created ON articles (created_at DESC, id DESC);
      CREATE INDEX articles_by_url_key ON articles (url_key) WHERE url_key IS NOT NULL;
      CREATE INDEX articles_by_content_hash ON articles (content_hash);

      CREATE TABLE related_links (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        url TEXT,
        PRIMARY KEY (article_id, position)
      ) WITHOUT ROWID;

      CREATE TABLE tags (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE
      );
      CREATE TABLE article_tags (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
        PRIMARY KEY (article_id, tag_id)
      ) WITHOUT ROWID;
      CREATE INDEX article_tags_by_tag ON article_tags (tag_id, article_id);

      CREATE TABLE media (
        id INTEGER PRIMARY KEY,
        article_id INTEGER REFERENCES articles (id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL,
        mime_type TEXT NOT NULL,
        bytes BLOB NOT NULL,
        source_url TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX media_by_article ON media (article_id);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    name: 'full-text search over title, dek, byline and body',
    // External-content FTS5: the text lives once, in articles; triggers keep the index in
    // step. The update trigger fires only for indexed columns, so reading progress and
    // read/favorite flags never touch the index.
    sql: `
      CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, dek, byline, body_text,
        content = 'articles', content_rowid = 'id',
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER articles_fts_after_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, dek, byline, body_text)
        VALUES (new.id, new.title, new.dek, new.byline, new.body_text);
      END;
      CREATE TRIGGER articles_fts_after_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, dek, byline, body_text)
        VALUES ('delete', old.id, old.title, old.dek, old.byline, old.body_text);
      END;
      CREATE TRIGGER articles_fts_after_update AFTER UPDATE OF title, dek, byline, body_text ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, dek, byline, body_text)
        VALUES ('delete', old.id, old.title, old.dek, old.byline, old.body_text);
        INSERT INTO articles_fts (rowid, title, dek, byline, body_text)
        VALUES (new.id, new.title, new.dek, new.byline, new.body_text);
      END;
      INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
    `,
  },
  {
    name: 'revisions and highlights',
    sql: `
      CREATE TABLE revisions (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        label TEXT,
        title TEXT NOT NULL,
        editor_state TEXT,
        body_text TEXT NOT NULL,
        word_count INTEGER NOT NULL
      );
      CREATE INDEX revisions_by_article ON revisions (article_id, created_at DESC);

      CREATE TABLE highlights (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        quote TEXT NOT NULL,
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        position INTEGER,
        color TEXT NOT NULL DEFAULT 'yellow',
        note TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX highlights_by_article ON highlights (article_id);
    `,
  },
  {
    name: 'newsroom metadata on drafts, and why each revision was taken',
    sql: `
      ALTER TABLE articles ADD COLUMN dateline TEXT NOT NULL DEFAULT '';
      ALTER TABLE articles ADD COLUMN slug TEXT NOT NULL DEFAULT '';
      ALTER TABLE articles ADD COLUMN slug_edited INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE articles ADD COLUMN editor_note TEXT NOT NULL DEFAULT '';
      ALTER TABLE articles ADD COLUMN status TEXT NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'editing', 'ready', 'published'));
      ALTER TABLE articles ADD COLUMN word_target INTEGER;
      CREATE INDEX articles_drafts_by_status ON articles (status, created_at DESC) WHERE kind = 'draft';
      ALTER TABLE revisions ADD COLUMN reason TEXT NOT NULL DEFAULT 'auto';
      ALTER TABLE revisions ADD COLUMN dek TEXT NOT NULL DEFAULT '';
    `,
  },
  {
    name: 'indexes for the list sorted by date published, title and length',
    sql: `
      CREATE INDEX articles_by_published ON articles (coalesce(published_at, created_at) DESC, id DESC);
      CREATE INDEX articles_by_title ON articles (title COLLATE NOCASE, id);
      CREATE INDEX articles_by_length ON articles (word_count DESC, id DESC);
    `,
  },
  {
    name: 'saved links waiting to be downloaded',
    // Imports from read-later apps often bring only an address; the page is fetched later.
    sql: `
      ALTER TABLE articles ADD COLUMN fetch_state TEXT CHECK (fetch_state IN ('pending', 'failed'));
      ALTER TABLE articles ADD COLUMN fetch_error TEXT;
      CREATE INDEX articles_waiting_for_download ON articles (fetch_state) WHERE fetch_state IS NOT NULL;
    `,
  },
  {
    name: 'download queue',
    // The saved links a person asked to download, in order; kept in the file so the queue
    // carries on after a restart.
    sql: `
      CREATE TABLE download_queue (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        queued_at INTEGER NOT NULL
      );
    `,
  },
  {
    name: 'search over highlights and their notes',
    // Same tokenizer as the articles' index, so one query finds the same words in both.
    sql: `
      CREATE VIRTUAL TABLE highlights_fts USING fts5 (
        quote, note,
        content = 'highlights', content_rowid = 'id',
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER highlights_fts_after_insert AFTER INSERT ON highlights BEGIN
        INSERT INTO highlights_fts (rowid, quote, note) VALUES (new.id, new.quote, new.note);
      END;
      CREATE TRIGGER highlights_fts_after_delete AFTER DELETE ON highlights BEGIN
        INSERT INTO highlights_fts (highlights_fts, rowid, quote, note) VALUES ('delete', old.id, old.quote, old.note);
      END;
      CREATE TRIGGER highlights_fts_after_update AFTER UPDATE OF quote, note ON highlights BEGIN
        INSERT INTO highlights_fts (highlights_fts, rowid, quote, note) VALUES ('delete', old.id, old.quote, old.note);
        INSERT INTO highlights_fts (rowid, quote, note) VALUES (new.id, new.quote, new.note);
      END;
      INSERT INTO highlights_fts (highlights_fts) VALUES ('rebuild');
      CREATE INDEX highlights_by_time ON highlights (created_at DESC, id DESC);
    `,
  },
  {
    name: 'deletes that leave nothing behind in the search indexes',
    // By default FTS5 records a delete as a tombstone and keeps the old entry until segments
    // merge, so a deleted article's words stayed in the file. With secure-delete they are
    // removed at once (a source's name must be gone when the article is).
    sql: `
      INSERT INTO articles_fts (articles_fts, rank) VALUES ('secure-delete', 1);
      INSERT INTO highlights_fts (highlights_fts, rank) VALUES ('secure-delete', 1);
      INSERT INTO articles_fts (articles_fts) VALUES ('optimize');
      INSERT INTO highlights_fts (highlights_fts) VALUES ('optimize');
    `,
  },
  {
    name: 'dates outside the years 1000 to 9999 cleared',
    // Earlier versions stored any date an import brought (1e20, a year 275760), and one such
    // date stopped the list from loading. A publication date is dropped; when it was saved
    // becomes when it was imported.
    sql: `
      UPDATE articles SET published_at = NULL WHERE ${outside('published_at')};
      UPDATE articles SET created_at = CASE WHEN ${outside('updated_at')} THEN ${NOW} ELSE updated_at END WHERE ${outside('created_at')};
      UPDATE articles SET updated_at = created_at WHERE ${outside('updated_at')};
      UPDATE highlights SET created_at = ${NOW} WHERE ${outside('created_at')};
      UPDATE highlights SET updated_at = created_at WHERE ${outside('updated_at')};
    `,
  },
  {
    name: 'tag names the app can use',
    // Earlier versions stored an import's tags as they came: longer than 100 characters, or
    // with control characters, such a tag could not be filtered, renamed or deleted, nor the
    // tags of its articles edited (every channel refuses the name). Each is renamed as an
    // import names it now, merged into a tag of that name if there is one.
    sql: '',
    fixData: (db) => {
      const tags = db.prepare('SELECT id, name FROM tags').all() as { id: number; name: string }[];
      for (const { id, name } of tags) {
        const fixed = tagNameAsOfMigration11(name);
        if (fixed === name) continue;
        const same =
          fixed === null
            ? undefined
            : (db.prepare('SELECT id FROM tags WHERE name = ? AND id != ?').get(fixed, id) as { id: number } | undefined);
        if (fixed !== null && !same) {
          db.prepare('UPDATE tags SET name = ? WHERE id = ?').run(fixed, id);
          continue;
        }
        if (same)
          db.prepare('INSERT OR IGNORE INTO article_tags (article_id, tag_id) SELECT article_id, ? FROM article_tags WHERE tag_id = ?').run(
            same.id,
            id,
          );
        db.prepare('DELETE FROM article_tags WHERE tag_id = ?').run(id);
        db.prepare('DELETE FROM tags WHERE id = ?').run(id);
      }
    },
  },
  {
    name: 'web-app routes after # keep saved links apart',
    sql: '',
    // Route fragments ("#!/topic/…", "#/inbox/…") were dropped from the key, so two pages of
    // one web app were taken for one article. Keys of saved links with a fragment are made
    // again with the rule as it shipped here.
    fixData: (db) => {
      const rows = db
        .prepare(
          "SELECT id, source_url, canonical_url FROM articles WHERE url_key IS NOT NULL AND (source_url LIKE '%#%' OR canonical_url LIKE '%#%')",
        )
        .all() as { id: number; source_url: string | null; canonical_url: string | null }[];
      const update = db.prepare('UPDATE articles SET url_key = ? WHERE id = ?');
      for (const row of rows) {
        const key = urlKeyAsOfMigration12(row.canonical_url ?? row.source_url);
        if (key) update.run(key, row.id);
      }
    },
  },
  {
    name: 'feeds followed, and the items each has brought',
    // An item is named by a digest of its guid (or address), never the address itself: a
    // deleted article leaves no words of its own behind, yet its item is not brought back
    // while the feed still lists it. Rows of items no longer stored go once the feed drops them.
    sql: `
      CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        site_url TEXT,
        added_at INTEGER NOT NULL,
        checked_at INTEGER,
        etag TEXT,
        last_modified TEXT,
        error TEXT,
        paused INTEGER NOT NULL DEFAULT 0,
        keep_days INTEGER
      );
      CREATE TABLE feed_items (
        feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
        item_digest TEXT NOT NULL,
        article_id INTEGER REFERENCES articles (id) ON DELETE SET NULL,
        seen_at INTEGER NOT NULL,
        PRIMARY KEY (feed_id, item_digest)
      ) WITHOUT ROWID;
      CREATE INDEX feed_items_by_article ON feed_items (article_id) WHERE article_id IS NOT NULL;
    `,
  },
  {
    name: 'browsers paired for saving pages, and the saves they delivered',
    // A token is kept only as its SHA-256: a copied library file lets no one save into it.
    // A save is named by the id the extension gave it, so one delivered twice is stored once.
    sql: `
      CREATE TABLE capture_clients (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        origin TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        paired_at INTEGER NOT NULL,
        last_used_at INTEGER
      );
      CREATE TABLE captures (
        capture_id TEXT PRIMARY KEY,
        article_id INTEGER REFERENCES articles (id) ON DELETE CASCADE,
        received_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX captures_by_article ON captures (article_id);
    `,
  },
  {
    name: 'prefix indexes for searches on the first letters of a word',
    // A word still being typed ("mini" for ministers) matched by walking every term of the
    // index that starts so; prefix indexes of two to four letters answer it like a whole
    // word. FTS5 takes prefix sizes only when a table is made, so the index is made anew
    // and rebuilt from the articles (the triggers name it, and go on working), keeping
    // secure-delete as migration 9 set it.
    sql: `
      DROP TABLE articles_fts;
      CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, dek, byline, body_text,
        content = 'articles', content_rowid = 'id',
        tokenize = 'porter unicode61 remove_diacritics 2',
        prefix = '2 3 4'
      );
      INSERT INTO articles_fts (articles_fts, rank) VALUES ('secure-delete', 1);
      INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
    `,
  },
  {
    name: 'drafts shared to the newsroom desk, and their documents',
    // A shared draft's Yjs document lives in the library too, as updates (compacted now and
    // then into one), so it opens and is edited with no network and merges on reconnect.
    sql: `
      CREATE TABLE shared_drafts (
        article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        story TEXT NOT NULL UNIQUE,
        desk_url TEXT NOT NULL,
        shared_at INTEGER NOT NULL,
        -- Opened here from a story someone else shared: its text comes from the desk.
        joined INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE shared_draft_updates (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES shared_drafts (article_id) ON DELETE CASCADE,
        data BLOB NOT NULL
      );
      CREATE INDEX shared_draft_updates_by_draft ON shared_draft_updates (article_id, id);
    `,
  },
  {
    name: 'the search index fed once per batch of imported articles',
    // FTS5 writes what it holds to disk at every savepoint, and each INSERT that fires a
    // trigger opens one: fed row by row, an import wrote a tiny index segment per article and
    // spent most of its time merging them. While an import's transaction holds a row here,
    // articles after its id are left out by the triggers and indexed together in one
    // statement before the commit (library/search-index.ts). The row never outlives the
    // transaction, so no other connection ever sees it; with the table empty the triggers
    // work as before.
    sql: `
      CREATE TABLE articles_fts_deferred (after_id INTEGER NOT NULL);
      DROP TRIGGER articles_fts_after_insert;
      DROP TRIGGER articles_fts_after_delete;
      DROP TRIGGER articles_fts_after_update;
      ${FTS_TRIGGERS_OF_MIGRATION_17}
    `,
  },
  {
    name: "articles' short fields before their text, and the list's excerpt kept with them",
    // A row holds its fields in the order of the table's columns, and what does not fit on
    // its page runs on through overflow pages. The text came before fields added later
    // (revision, status, fetch state), and the list's excerpt was cut from the text: each row
    // of a list page walked three or four overflow pages, which an encrypted library
    // decrypts one by one. The short fields now come first, with the excerpt as a stored
    // column, so a list page reads the rows' first pages only. The rows move in batches,
    // each deleted from the old table as it is copied, so the file reuses the pages it frees
    // instead of growing by the size of the articles; ids (and so the search index, which
    // reads the text by id) stay as they were.
    sql: `
      DROP TRIGGER articles_fts_after_insert;
      DROP TRIGGER articles_fts_after_delete;
      DROP TRIGGER articles_fts_after_update;
      DROP INDEX articles_by_created;
      DROP INDEX articles_by_url_key;
      DROP INDEX articles_by_content_hash;
      DROP INDEX articles_drafts_by_status;
      DROP INDEX articles_by_published;
      DROP INDEX articles_by_title;
      DROP INDEX articles_by_length;
      DROP INDEX articles_waiting_for_download;
      CREATE TABLE articles_reordered (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('saved', 'draft')),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        published_at INTEGER,
        word_count INTEGER NOT NULL DEFAULT 0,
        word_target INTEGER,
        is_read INTEGER NOT NULL DEFAULT 0,
        is_favorite INTEGER NOT NULL DEFAULT 0,
        is_archived INTEGER NOT NULL DEFAULT 0,
        reading_progress REAL NOT NULL DEFAULT 0,
        revision INTEGER NOT NULL DEFAULT 1,
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'editing', 'ready', 'published')),
        fetch_state TEXT CHECK (fetch_state IN ('pending', 'failed')),
        slug_edited INTEGER NOT NULL DEFAULT 0,
        language TEXT,
        title TEXT NOT NULL DEFAULT '',
        dek TEXT NOT NULL DEFAULT '',
        byline TEXT NOT NULL DEFAULT '',
        dateline TEXT NOT NULL DEFAULT '',
        source_name TEXT NOT NULL DEFAULT '',
        excerpt TEXT GENERATED ALWAYS AS (CASE WHEN dek <> '' THEN dek ELSE substr(body_text, 1, 200) END) STORED,
        source_url TEXT,
        canonical_url TEXT,
        slug TEXT NOT NULL DEFAULT '',
        url_key TEXT,
        content_hash TEXT NOT NULL DEFAULT '',
        fetch_error TEXT,
        editor_note TEXT NOT NULL DEFAULT '',
        body_text TEXT NOT NULL DEFAULT '',
        body_html TEXT NOT NULL DEFAULT '',
        editor_state TEXT
      );
    `,
    fixData: (db) => {
      const columns = `id, kind, created_at, updated_at, published_at, word_count, word_target, is_read, is_favorite,
        is_archived, reading_progress, revision, status, fetch_state, slug_edited, language, title, dek, byline,
        dateline, source_name, source_url, canonical_url, slug, url_key, content_hash, fetch_error, editor_note,
        body_text, body_html, editor_state`;
      const batchEnd = db.prepare('SELECT max(id) AS last FROM (SELECT id FROM articles ORDER BY id LIMIT 100)').pluck();
      const copy = db.prepare(`INSERT INTO articles_reordered (${columns}) SELECT ${columns} FROM articles WHERE id <= ? ORDER BY id`);
      const remove = db.prepare('DELETE FROM articles WHERE id <= ?');
      for (let last = batchEnd.get() as number | null; last !== null; last = batchEnd.get() as number | null) {
        copy.run(last);
        remove.run(last);
      }
      db.exec(`
        DROP TABLE articles;
        ALTER TABLE articles_reordered RENAME TO articles;
        CREATE INDEX articles_by_created ON articles (created_at DESC, id DESC);
        CREATE INDEX articles_by_url_key ON articles (url_key) WHERE url_key IS NOT NULL;
        CREATE INDEX articles_by_content_hash ON articles (content_hash);
        CREATE INDEX articles_drafts_by_status ON articles (status, created_at DESC) WHERE kind = 'draft';
        CREATE INDEX articles_by_published ON articles (coalesce(published_at, created_at) DESC, id DESC);
        CREATE INDEX articles_by_title ON articles (title COLLATE NOCASE, id);
        CREATE INDEX articles_by_length ON articles (word_count DESC, id DESC);
        CREATE INDEX articles_waiting_for_download ON articles (fetch_state) WHERE fetch_state IS NOT NULL;
        ${FTS_TRIGGERS_OF_MIGRATION_17}
      `);
    },
  },
  {
    name: "indexes for the sidebar's views",
    // Unread, Favorites, Archive and Drafts were counted by reading every article, and their
    // pages found by walking the date index row by row: 0.3 to 0.5 s at 100,000 articles
    // for a view holding none. Partial indexes hold each view's articles, newest first.
    sql: `
      CREATE INDEX articles_unread ON articles (created_at DESC, id DESC) WHERE kind = 'saved' AND is_read = 0 AND is_archived = 0;
      CREATE INDEX articles_favorites ON articles (created_at DESC, id DESC) WHERE is_favorite = 1;
      CREATE INDEX articles_archived ON articles (created_at DESC, id DESC) WHERE is_archived = 1;
      CREATE INDEX articles_drafts ON articles (created_at DESC, id DESC) WHERE kind = 'draft';
    `,
  },
  {
    name: 'AMP and mobile copies of a page, and more tracking parameters, are one article',
    sql: '',
    // A story saved from a phone (its AMP page, through Google's AMP cache, or its "m." site)
    // and from a desktop were two articles, and so were links differing by a newsletter's
    // or a broadcaster's tracking parameters. Keys of saved links that could be such copies
    // are made again with the rule as it shipped here. Only keys that change are written:
    // the filter matches many addresses ("example", "camp", any query), and rewriting a row
    // rewrites its whole text (1.4 GB of log for a 100,000-article library).
    fixData: (db) => {
      const rows = db
        .prepare(
          `SELECT id, source_url, canonical_url, url_key FROM articles WHERE url_key IS NOT NULL AND (
             coalesce(canonical_url, source_url) LIKE '%amp%' OR coalesce(canonical_url, source_url) LIKE '%?%'
             OR coalesce(canonical_url, source_url) LIKE '%//m.%' OR coalesce(canonical_url, source_url) LIKE '%.m.%'
             OR coalesce(canonical_url, source_url) LIKE '%//mobile.%')`,
        )
        .all() as { id: number; source_url: string | null; canonical_url: string | null; url_key: string }[];
      const update = db.prepare('UPDATE articles SET url_key = ? WHERE id = ?');
      for (const row of rows) {
        const key = urlKeyAsOfMigration20(row.canonical_url ?? row.source_url);
        if (key && key !== row.url_key) update.run(key, row.id);
      }
    },
  },
];

/**
 * The address key of migration 12 as it shipped (identity.ts's `urlKey` then). A copy, so
 * that a later change to the rule never changes what the migration did.
 */
function urlKeyAsOfMigration12(raw: string | null): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const tracking = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|ref_src|cmpid|ocid|igshid|smid)$/i;
  const params = [...url.searchParams.entries()].filter(([name]) => !tracking.test(name)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const fragment = url.hash.slice(1);
  const route = /^[!/]/.test(fragment) || fragment.includes('/') ? `#${fragment}` : '';
  return `${url.hostname.toLowerCase().replace(/^www\./, '')}${url.port ? `:${url.port}` : ''}${url.pathname.replace(/\/+$/, '')}${query}${route}`;
}

/**
 * The address key of migration 20 as it shipped (identity.ts's `urlKey` then). A copy, so
 * that a later change to the rule never changes what the migration did.
 */
function urlKeyAsOfMigration20(raw: string | null): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  const cached = url.hostname.endsWith('.cdn.ampproject.org')
    ? /^\/[cvi]\/(s\/)?(.+)$/.exec(url.pathname)
    : /^(www\.)?google\.[a-z.]+$/.test(url.hostname)
      ? /^\/amp\/(s\/)?(.+)$/.exec(url.pathname)
      : null;
  if (cached) {
    try {
      url = new URL(`${cached[1] ? 'https' : 'http'}://${cached[2]}${url.search}${url.hash}`);
    } catch {
      // Not an address inside: the cache's own address is the key.
    }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname
    .toLowerCase()
    .replace(/^(www|amp|m|mobile)\./, '')
    .replace(/^([a-z]{2,3})\.(m|amp)\./, '$1.');
  const tracking =
    /^(utm_\w+|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|ref|ref_src|ref_url|cmpid|cmp|ocid|ncid|igshid|smid|smtyp|at_\w+|ns_\w+|xtor|mbid|mkt_tok|_ga|_gl|guccounter|guce_\w+|soc_src|soc_trk|taid|fb_action_ids|fb_action_types|fb_source|wt\.mc_id|__twitter_impression)$/i;
  const dropped = (name: string, value: string) =>
    tracking.test(name) ||
    (/^(amp|_amp|amp_js_v|usqp|outputtype|output)$/i.test(name) && /^(1|true|amp|)$/i.test(value)) ||
    (/^(twitter\.com|x\.com|mobile\.twitter\.com)$/.test(host) && /^(s|t)$/.test(name));
  const params = [...url.searchParams.entries()]
    .filter(([name, value]) => !dropped(name, value))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const path = url.pathname
    .replace(/^\/amp(?=\/)/, '')
    .replace(/\/+$/, '')
    .replace(/\/amp$/, '')
    .replace(/\.amp(\.html?)$/, '$1');
  const fragment = url.hash.slice(1);
  const route = /^[!/]/.test(fragment) || fragment.includes('/') ? `#${fragment}` : '';
  return `${host}${url.port ? `:${url.port}` : ''}${path}${query}${route}`;
}

/**
 * The tag rule of migration 11 as it shipped (common/model.ts's `toTagName` then): control
 * characters become spaces, runs of space one, cut to 100 characters. A copy, so that a
 * later change to the rule never changes what the migration did.
 */
function tagNameAsOfMigration11(raw: string): string | null {
  let name = raw
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (name.length > 100)
    name = name
      .slice(0, 100)
      .replace(/[\ud800-\udbff]$/, '')
      .trim();
  return name || null;
}

export const LATEST_SCHEMA_VERSION = migrations.length;
