import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatelineError } from '../../../electron/common/errors.ts';
import { Library } from '../../../electron/library/library.ts';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../electron/library/migrations.ts';
import { findHighlights } from '../../../electron/library/highlights.ts';
import { listTags } from '../../../electron/library/tags.ts';
import { tagName } from '../../../electron/common/model.ts';
import { tempDir } from '../../helpers/temp.ts';
import { openCheckedLibrary } from '../../../electron/library/startup.ts';
import { backupFolder } from '../../../electron/library/backups.ts';
import type { BackupInfo } from '../../../electron/common/backups.ts';
import { listArticles, searchArticles } from '../../helpers/queries.ts';

function tableNames(library: Library): string[] {
  return library.db
    .prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name")
    .all()
    .map((row) => (row as { name: string }).name);
}

/** A library made by the first `version` migrations, holding the articles given as [id, title, text]. */
function libraryAtSchema(version: number, articles: [number, string, string][]): string {
  const file = join(tempDir(), `v${version}.sqlite`);
  const old = Library.open(file, { migrations: migrations.slice(0, version) });
  const insert = old.db.prepare(
    "INSERT INTO articles (id, kind, title, body_html, body_text, created_at, updated_at) VALUES (?, 'saved', ?, '<p>x</p>', ?, 1, 1)",
  );
  for (const article of articles) insert.run(...article);
  old.close();
  return file;
}

/** The ids of the articles the search index matches for an FTS5 query, in order. */
function matchingIds(library: Library, query: string): number[] {
  const rows = library.db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid').all(query) as {
    rowid: number;
  }[];
  return rows.map((row) => row.rowid);
}

describe('migrations', () => {
  it('creates a new library at the latest schema with WAL and foreign keys on', () => {
    const library = Library.open(join(tempDir(), 'new.sqlite'));
    expect(library.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(library.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(library.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(tableNames(library)).toEqual(expect.arrayContaining(['articles', 'articles_fts', 'highlights', 'revisions', 'tags']));
    library.close();
  });

  it('upgrades a schema-1 library: keeps its articles, indexes them for search, and backs up first', async () => {
    const dir = tempDir();
    const file = join(dir, 'old.sqlite');
    const old = Library.open(file, { migrations: migrations.slice(0, 1) });
    old.db
      .prepare(
        `INSERT INTO articles (kind, title, body_text, body_html, created_at, updated_at)
         VALUES ('saved', 'Harbour reopens', 'The harbour reopened to fishing boats on Monday.', '<p>…</p>', 1, 1)`,
      )
      .run();
    old.close();

    const backups: BackupInfo[] = [];
    const upgraded = await openCheckedLibrary(file, { onUpgradeBackup: (backup) => backups.push(backup) });
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(searchArticles(upgraded, { query: 'fishing' }).results.map((r) => r.title)).toEqual(['Harbour reopens']);
    upgraded.close();

    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ kind: 'before-upgrade', schemaVersion: 1, articles: 1, problem: null });
    const path = join(backupFolder(file), backups[0]!.name);
    expect(existsSync(path)).toBe(true);
    const copy = new Database(path, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT title FROM articles').get()).toEqual({ title: 'Harbour reopens' });
    copy.close();
  });

  it('takes no backup when creating a new library, nor when opening an up-to-date one', async () => {
    const dir = tempDir();
    const backups: BackupInfo[] = [];
    (await openCheckedLibrary(join(dir, 'fresh.sqlite'), { onUpgradeBackup: (backup) => backups.push(backup) })).close();
    (await openCheckedLibrary(join(dir, 'fresh.sqlite'), { onUpgradeBackup: (backup) => backups.push(backup) })).close();
    expect(backups).toEqual([]);
    expect(readdirSync(dir)).not.toContain('Backups');
  });

  it('refuses a library from a newer Dateline and leaves the file byte for byte as it was', () => {
    const file = join(tempDir(), 'future.sqlite');
    const future = new Database(file);
    future.exec('CREATE TABLE something_new (x); INSERT INTO something_new VALUES (1);');
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    future.close();
    const before = readFileSync(file);

    let error: unknown;
    try {
      Library.open(file);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DatelineError);
    expect((error as DatelineError).code).toBe('LIBRARY_TOO_NEW');
    expect((error as DatelineError).message).toMatch(/newer version of Dateline/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('applies pending migrations all or nothing', () => {
    const file = join(tempDir(), 'broken.sqlite');
    const broken = [...migrations, { name: 'fails half-way', sql: 'CREATE TABLE half (x); SELECT no_such_function();' }];
    expect(() => Library.open(file, { migrations: broken })).toThrow();
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('articles', 'half')").get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('migration 4 (newsroom metadata)', () => {
  it('upgrades a schema-3 library: drafts become status "draft" with a slug from their headline on next save', async () => {
    const { createDraft, updateArticle } = await import('../../../electron/library/drafts.ts');
    const file = join(tempDir(), 'v3.sqlite');
    const old = Library.open(file, { migrations: migrations.slice(0, 3) });
    old.db.prepare(`INSERT INTO articles (kind, title, created_at, updated_at) VALUES ('draft', 'Harbour budget passes', 1, 1)`).run();
    old.db
      .prepare(`INSERT INTO revisions (article_id, created_at, title, body_text, word_count) VALUES (1, 1, 'Harbour budget passes', '', 0)`)
      .run();
    old.close();

    const upgraded = Library.open(file);
    const row = upgraded.db.prepare('SELECT status, slug, dateline, word_target FROM articles WHERE id = 1').get();
    expect(row).toEqual({ status: 'draft', slug: '', dateline: '', word_target: null });
    expect(upgraded.db.prepare('SELECT reason FROM revisions').get()).toEqual({ reason: 'auto' });
    expect(updateArticle(upgraded, 1, { dek: 'A dek' }).slug).toBe('harbour-budget-passes');
    expect(createDraft(upgraded, { status: 'ready' }).status).toBe('ready');
    upgraded.close();
  });
});

describe('migration 5 (list indexes)', () => {
  it('upgrades a schema-4 library with the indexes the list sorts use', () => {
    const file = join(tempDir(), 'v4.sqlite');
    Library.open(file, { migrations: migrations.slice(0, 4) }).close();
    const upgraded = Library.open(file);
    const indexes = (upgraded.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map(
      (row) => row.name,
    );
    expect(indexes).toEqual(expect.arrayContaining(['articles_by_published', 'articles_by_title', 'articles_by_length']));
    const plan = upgraded.db
      .prepare('EXPLAIN QUERY PLAN SELECT id FROM articles a ORDER BY a.title COLLATE NOCASE, a.id LIMIT 10')
      .all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toContain('articles_by_title');
    upgraded.close();
  });
});

describe('migration 6 (saved links waiting to be downloaded)', () => {
  it('upgrades a schema-5 library: existing articles count as downloaded, new link-only ones wait', () => {
    const file = join(tempDir(), 'v5.sqlite');
    const old = Library.open(file, { migrations: migrations.slice(0, 5) });
    old.db
      .prepare(
        "INSERT INTO articles (kind, title, body_html, body_text, created_at, updated_at) VALUES ('saved', 'Kept', '<p>x</p>', 'x', 1, 1)",
      )
      .run();
    old.close();
    const upgraded = Library.open(file);
    const rows = upgraded.db.prepare('SELECT title, fetch_state, fetch_error FROM articles').all();
    expect(rows).toEqual([{ title: 'Kept', fetch_state: null, fetch_error: null }]);
    expect(() => upgraded.db.prepare("UPDATE articles SET fetch_state = 'bogus'").run()).toThrow(/CHECK/);
    upgraded.close();
  });
  it('upgrades a schema-7 library: highlights brought by earlier imports become searchable', () => {
    const file = join(tempDir(), 'v7.sqlite');
    const old = Library.open(file, { migrations: migrations.slice(0, 7) });
    old.db
      .prepare(
        "INSERT INTO articles (id, kind, title, body_html, body_text, created_at, updated_at) VALUES (1, 'saved', 'Kept', '<p>x</p>', 'x', 1, 1)",
      )
      .run();
    old.db
      .prepare(
        "INSERT INTO highlights (article_id, quote, note, created_at, updated_at) VALUES (1, 'the harbour froze', 'check the date', 1, 1)",
      )
      .run();
    old.close();
    const upgraded = Library.open(file);
    expect(findHighlights(upgraded, { query: 'harbour' }).items.map((h) => h.note)).toEqual(['check the date']);
    expect(findHighlights(upgraded, { query: 'date' }).total).toBe(1);
    upgraded.close();
  });
  it('upgrades a schema-8 library: its search indexes delete for good from then on', () => {
    const file = join(tempDir(), 'v8.sqlite');
    const old = Library.open(file, { migrations: migrations.slice(0, 8) });
    const setting = (library: Library) => library.db.prepare("SELECT v FROM articles_fts_config WHERE k = 'secure-delete'").get();
    expect(setting(old)).toBeUndefined();
    old.close();
    const upgraded = Library.open(file);
    expect(setting(upgraded)).toEqual({ v: 1 });
    expect(upgraded.db.prepare("SELECT v FROM highlights_fts_config WHERE k = 'secure-delete'").get()).toEqual({ v: 1 });
    upgraded.close();
  });
});

describe('migration 10 (dates no display can show)', () => {
  it('upgrades a schema-9 library whose list would not load: dates outside the years 1000 to 9999 are cleared, others kept', () => {
    const file = join(tempDir(), 'v9.sqlite');
    const old = Library.open(file, { migrations: migrations.slice(0, 9) });
    const imported = Date.UTC(2026, 10, 2);
    const insert = old.db.prepare(
      "INSERT INTO articles (id, kind, title, body_html, body_text, published_at, created_at, updated_at) VALUES (?, 'saved', ?, '<p>x</p>', ?, ?, ?, ?)",
    );
    insert.run(1, 'Dated in the year 275760', 'one', 8.64e15, 1e20, imported);
    insert.run(2, 'Dated before the year 1000', 'two', -1e14, imported, imported);
    insert.run(3, 'Dated well', 'three', Date.UTC(1912, 3, 15), Date.UTC(2024, 0, 1), imported);
    old.db
      .prepare('INSERT INTO highlights (article_id, quote, note, created_at, updated_at) VALUES (1, ?, ?, ?, ?)')
      .run('one', '', 1e20, 1e20);
    // What the list did with such a date (today's list reads columns a schema 9 lacks).
    const stored = old.db.prepare('SELECT created_at FROM articles WHERE id = 1').pluck().get() as number;
    expect(() => new Date(stored).toISOString()).toThrow(/Invalid time value/);
    old.close();

    const before = Date.now();
    const upgraded = Library.open(file);
    const byId = new Map(listArticles(upgraded).items.map((item) => [item.id, item]));
    expect(byId.get(1)).toMatchObject({ publishedAt: null, createdAt: new Date(imported).toISOString() });
    expect(byId.get(2)).toMatchObject({ publishedAt: null, createdAt: new Date(imported).toISOString() });
    expect(byId.get(3)).toMatchObject({ publishedAt: '1912-04-15T00:00:00.000Z', createdAt: '2024-01-01T00:00:00.000Z' });
    const [highlight] = findHighlights(upgraded, {}).items;
    expect(Date.parse(highlight!.createdAt)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(highlight!.updatedAt).toBe(highlight!.createdAt);
    upgraded.close();
  });
});

describe('migration 11 (tag names the app can use)', () => {
  it('upgrades a schema-10 library: a tag too long or with control characters is renamed, merged into one of the same name, or removed', () => {
    const file = join(tempDir(), 'v10.sqlite');
    const old = Library.open(file, { migrations: migrations.slice(0, 10) });
    const article = old.db.prepare(
      "INSERT INTO articles (id, kind, title, body_html, body_text, created_at, updated_at) VALUES (?, 'saved', ?, '<p>x</p>', ?, 1, 1)",
    );
    article.run(1, 'One', 'one');
    article.run(2, 'Two', 'two');
    const tag = old.db.prepare('INSERT INTO tags (id, name) VALUES (?, ?)');
    const link = old.db.prepare('INSERT INTO article_tags (article_id, tag_id) VALUES (?, ?)');
    [
      [1, 'x'.repeat(150)],
      [2, 'harbour\u0001news'],
      [3, 'Harbour news'],
      [4, '\u0001\u0002'],
      [5, 'kept'],
    ].forEach(([id, name]) => tag.run(id, name));
    [
      [1, 1],
      [1, 2],
      [2, 3],
      [2, 4],
      [2, 5],
      [1, 3],
    ].forEach(([articleId, tagId]) => link.run(articleId, tagId));
    old.close();

    const upgraded = Library.open(file);
    const names = listTags(upgraded).map((item) => [item.name, item.count]);
    expect(names).toEqual(
      expect.arrayContaining([
        ['x'.repeat(100), 1],
        ['Harbour news', 2],
        ['kept', 1],
      ]),
    );
    expect(names).toHaveLength(3);
    for (const [name] of names) expect(tagName.safeParse(name).success).toBe(true);
    upgraded.close();
  });

  it('upgrades a schema-11 library: saved links to two routes of one web app are keyed apart, anchors still ignored', () => {
    const file = join(tempDir(), 'v11.sqlite');
    const old = Library.open(file, { migrations: migrations.slice(0, 11) });
    const insert = old.db.prepare(
      "INSERT INTO articles (id, kind, title, body_html, body_text, created_at, updated_at, source_url, url_key) VALUES (?, 'saved', ?, '<p>x</p>', 'x', 1, 1, ?, ?)",
    );
    insert.run(1, 'Topic', 'https://groups.example/forum/#!topic/harbour/abc', 'groups.example/forum');
    insert.run(2, 'Story', 'https://news.example/story#comments', 'news.example/story');
    old.close();

    const upgraded = Library.open(file);
    const keys = upgraded.db.prepare('SELECT id, url_key FROM articles ORDER BY id').all();
    expect(keys).toEqual([
      { id: 1, url_key: 'groups.example/forum#!topic/harbour/abc' },
      { id: 2, url_key: 'news.example/story' },
    ]);
    upgraded.close();
  });

  it('upgrades a schema-19 library: AMP, mobile and tracked copies of a saved page are keyed as the page', () => {
    const file = join(tempDir(), 'v19.sqlite');
    const old = Library.open(file, { migrations: migrations.slice(0, 19) });
    const insert = old.db.prepare(
      "INSERT INTO articles (id, kind, title, body_html, body_text, created_at, updated_at, source_url, url_key) VALUES (?, 'saved', ?, '<p>x</p>', 'x', 1, 1, ?, ?)",
    );
    insert.run(
      1,
      'AMP',
      'https://news-example.cdn.ampproject.org/c/s/news.example/story',
      'news-example.cdn.ampproject.org/c/s/news.example/story',
    );
    insert.run(2, 'Mobile', 'https://m.news.example/story?at_medium=RSS', 'm.news.example/story?at_medium=RSS');
    insert.run(3, 'Search', 'https://search.example/?q=harbour', 'search.example?q=harbour');
    insert.run(4, 'Camp', 'https://example.com/summer-camp', 'example.com/summer-camp');
    // Which rows the upgrade wrote: a row rewritten is its whole text rewritten.
    old.db.exec(`CREATE TABLE rewritten (id INTEGER);
      CREATE TRIGGER note_rewritten AFTER UPDATE OF url_key ON articles BEGIN INSERT INTO rewritten VALUES (new.id); END;`);
    old.close();

    const upgraded = Library.open(file);
    expect(upgraded.db.prepare('SELECT id, url_key FROM articles ORDER BY id').all()).toEqual([
      { id: 1, url_key: 'news.example/story' },
      { id: 2, url_key: 'news.example/story' },
      { id: 3, url_key: 'search.example?q=harbour' },
      { id: 4, url_key: 'example.com/summer-camp' },
    ]);
    expect(upgraded.db.prepare('SELECT id FROM rewritten ORDER BY id').pluck().all()).toEqual([1, 2]);
    upgraded.close();
  });

  it('upgrades a schema-12 library: its articles are every feed’s none, and deleting one clears what a feed brought', () => {
    const file = join(tempDir(), 'v12.sqlite');
    const old = Library.open(file, { migrations: migrations.slice(0, 12) });
    old.db
      .prepare(
        "INSERT INTO articles (id, kind, title, body_html, body_text, created_at, updated_at) VALUES (1, 'saved', 'Harbour', '<p>x</p>', 'x', 1, 1)",
      )
      .run();
    old.close();

    const upgraded = Library.open(file);
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(listArticles(upgraded, {}).total).toBe(1);
    upgraded.db.prepare("INSERT INTO feeds (id, url, added_at) VALUES (1, 'https://news.example/feed', 1)").run();
    upgraded.db.prepare("INSERT INTO feed_items (feed_id, item_digest, article_id, seen_at) VALUES (1, 'd1', 1, 1)").run();
    expect(listArticles(upgraded, { feed: 1 }).total).toBe(1);
    upgraded.db.prepare('DELETE FROM articles WHERE id = 1').run();
    // The item is still remembered (so it is not brought back), with no article.
    expect(upgraded.db.prepare('SELECT item_digest, article_id FROM feed_items').all()).toEqual([{ item_digest: 'd1', article_id: null }]);
    upgraded.db.prepare('DELETE FROM feeds WHERE id = 1').run();
    expect(upgraded.db.prepare('SELECT count(*) AS n FROM feed_items').get()).toEqual({ n: 0 });
    upgraded.close();
  });

  it('upgrades a schema-13 library: no browser is paired, and a deleted article takes its saves’ record along', () => {
    const file = join(tempDir(), 'v13.sqlite');
    const old = Library.open(file, { migrations: migrations.slice(0, 13) });
    old.db
      .prepare(
        "INSERT INTO articles (id, kind, title, body_html, body_text, created_at, updated_at) VALUES (1, 'saved', 'Harbour', '<p>x</p>', 'x', 1, 1)",
      )
      .run();
    old.close();

    const upgraded = Library.open(file);
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(listArticles(upgraded, {}).total).toBe(1);
    expect(upgraded.db.prepare('SELECT count(*) AS n FROM capture_clients').get()).toEqual({ n: 0 });
    upgraded.db.prepare("INSERT INTO captures (capture_id, article_id, received_at) VALUES ('c1', 1, 1)").run();
    upgraded.db.prepare('DELETE FROM articles WHERE id = 1').run();
    expect(upgraded.db.prepare('SELECT count(*) AS n FROM captures').get()).toEqual({ n: 0 });
    upgraded.close();
  });

  it('upgrades a schema-14 library: its articles are found by the first letters of a word, and deletes still leave nothing', () => {
    const file = libraryAtSchema(14, [
      [1, 'Ministers resign', 'The ministers of the harbour board resigned.'],
      [2, 'Ferries return', 'Ferries resumed at dawn.'],
    ]);

    const upgraded = Library.open(file);
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const sql = upgraded.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").get() as { sql: string };
    expect(sql.sql).toContain("prefix = '2 3 4'");
    const match = (query: string) => matchingIds(upgraded, query);
    expect(match('mini*')).toEqual([1]);
    expect(match('fe*')).toEqual([2]);
    expect(match('harbour')).toEqual([1]);
    // The triggers go on feeding the new index, and secure-delete is still on.
    upgraded.db
      .prepare(
        "INSERT INTO articles (id, kind, title, body_html, body_text, created_at, updated_at) VALUES (3, 'saved', 'Minibus', '', 'Minibuses', 1, 1)",
      )
      .run();
    expect(match('mini*')).toEqual([1, 3]);
    upgraded.db.prepare('DELETE FROM articles WHERE id = 1').run();
    expect(match('mini*')).toEqual([3]);
    const secure = upgraded.db.prepare("SELECT v FROM articles_fts_config WHERE k = 'secure-delete'").get() as { v: number };
    expect(secure.v).toBe(1);
    upgraded.close();
  });

  it('upgrades a schema-15 library: no draft is shared, and deleting a shared draft takes its document along', () => {
    const file = join(tempDir(), 'v15.sqlite');
    const old = Library.open(file, { migrations: migrations.slice(0, 15) });
    old.db
      .prepare(
        "INSERT INTO articles (id, kind, title, body_html, body_text, created_at, updated_at) VALUES (1, 'draft', 'Ferry', '', '', 1, 1)",
      )
      .run();
    old.close();

    const upgraded = Library.open(file);
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(upgraded.db.prepare('SELECT count(*) AS n FROM shared_drafts').get()).toEqual({ n: 0 });
    upgraded.db
      .prepare("INSERT INTO shared_drafts (article_id, story, desk_url, shared_at) VALUES (1, 'story:abcdefgh', 'wss://desk.example', 1)")
      .run();
    upgraded.db.prepare("INSERT INTO shared_draft_updates (article_id, data) VALUES (1, x'00')").run();
    upgraded.db.prepare('DELETE FROM articles WHERE id = 1').run();
    expect(upgraded.db.prepare('SELECT count(*) AS n FROM shared_draft_updates').get()).toEqual({ n: 0 });
    upgraded.close();
  });

  it('upgrades a schema-16 library: its triggers still index every insert, change and delete, and nothing waits to be indexed', () => {
    const file = libraryAtSchema(16, [
      [1, 'Ministers resign', 'The harbour board resigned.'],
      [2, 'Ferries return', 'Ferries resumed at dawn.'],
    ]);

    const upgraded = Library.open(file);
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(upgraded.db.prepare('SELECT count(*) AS n FROM articles_fts_deferred').get()).toEqual({ n: 0 });
    const match = (query: string) => matchingIds(upgraded, query);
    expect(match('harbour')).toEqual([1]);
    upgraded.db
      .prepare(
        "INSERT INTO articles (id, kind, title, body_html, body_text, created_at, updated_at) VALUES (3, 'saved', 'Tides', '', 'Harbour tides.', 1, 1)",
      )
      .run();
    upgraded.db.prepare("UPDATE articles SET body_text = 'Ferries resumed at the harbour.' WHERE id = 2").run();
    upgraded.db.prepare('DELETE FROM articles WHERE id = 1').run();
    expect(match('harbour')).toEqual([2, 3]);
    expect(match('dawn')).toEqual([]);
    upgraded.db.exec("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)");
    upgraded.close();
  });
});

describe("migration 18 (articles' short fields before their text)", () => {
  /** A schema-17 library of long articles, with rows in every table that refers to them. */
  function longArticlesAtSchema17(count: number): string {
    const file = join(tempDir(), 'v17.sqlite');
    const old = Library.open(file, { migrations: migrations.slice(0, 17) });
    const insert = old.db.prepare(
      `INSERT INTO articles (id, kind, title, dek, body_html, body_text, created_at, updated_at, status, fetch_state, revision)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    old.db.transaction(() => {
      old.db.prepare("INSERT INTO tags (id, name) VALUES (1, 'harbour')").run();
      for (let id = 1; id <= count; id++) {
        const text = `Story ${id} about the harbour. ${'The ferries ran late again. '.repeat(400)}`;
        insert.run(
          id,
          id % 5 ? 'saved' : 'draft',
          `Headline ${id}`,
          id % 2 ? '' : `Dek ${id}`,
          `<p>${text}</p>`,
          text,
          id,
          id,
          'editing',
          id % 7 ? null : 'failed',
          id,
        );
        old.db.prepare('INSERT INTO article_tags (article_id, tag_id) VALUES (?, 1)').run(id);
        old.db.prepare("INSERT INTO highlights (article_id, quote, created_at, updated_at) VALUES (?, 'ferries', 1, 1)").run(id);
        old.db.prepare("INSERT INTO related_links (article_id, position, title) VALUES (?, 0, 'More')").run(id);
      }
    })();
    old.db.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    return file;
  }

  const rowsOf = (db: Database.Database) => db.prepare('SELECT * FROM articles ORDER BY id').all() as Record<string, unknown>[];

  it('upgrades a schema-17 library: every field and every row that refers to an article kept, the list read without the text', () => {
    const file = longArticlesAtSchema17(60);
    const old = new Database(file, { readonly: true });
    const before = rowsOf(old);
    const indexes = old
      .prepare("SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = 'articles' ORDER BY name")
      .pluck()
      .all();
    old.close();

    const upgraded = Library.open(file);
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const after = rowsOf(upgraded.db);
    expect(after.map(({ excerpt: _excerpt, ...row }) => row)).toEqual(before);
    expect(after[0]!.excerpt).toBe((before[0]!.body_text as string).slice(0, 200));
    expect(after[1]!.excerpt).toBe('Dek 2');
    expect(
      upgraded.db
        .prepare("SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = 'articles' ORDER BY name")
        .pluck()
        .all(),
    ).toEqual(expect.arrayContaining(indexes));
    // Dropping the old table set off no ON DELETE action.
    for (const table of ['article_tags', 'highlights', 'related_links'])
      expect(upgraded.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(60);

    // Every field a list page shows comes before the text in a row.
    const order = (upgraded.db.pragma('table_xinfo(articles)') as { name: string }[]).map((column) => column.name);
    const firstText = order.indexOf('body_text');
    for (const column of ['title', 'dek', 'byline', 'source_url', 'canonical_url', 'revision', 'status', 'fetch_state', 'excerpt'])
      expect(order.indexOf(column), column).toBeLessThan(firstText);
    expect(order.slice(-3)).toEqual(['body_text', 'body_html', 'editor_state']);
    const page = listArticles(upgraded, { sort: 'saved', limit: 3 });
    expect(page.items.map((item) => [item.id, item.excerpt.slice(0, 24)])).toEqual([
      [60, 'Dek 60'],
      [59, 'Story 59 about the harbo'],
      [58, 'Dek 58'],
    ]);

    // The search index and its triggers go on as before; foreign keys are on again.
    const match = (query: string) => matchingIds(upgraded, query);
    expect(match('"story 7"')).toEqual([7]);
    upgraded.db.prepare("UPDATE articles SET body_text = 'Tides turned.', dek = '' WHERE id = 7").run();
    expect(match('"story 7"')).toEqual([]);
    expect(upgraded.db.prepare('SELECT excerpt FROM articles WHERE id = 7').pluck().get()).toBe('Tides turned.');
    upgraded.db.prepare('DELETE FROM articles WHERE id = 8').run();
    expect(match('tides')).toEqual([7]);
    expect(upgraded.db.prepare('SELECT count(*) FROM highlights WHERE article_id = 8').pluck().get()).toBe(0);
    upgraded.db.exec("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)");
    expect(upgraded.db.pragma('integrity_check', { simple: true })).toBe('ok');
    upgraded.close();
  });

  it('moves the rows in batches into the pages it frees: the file does not grow by the size of the articles', () => {
    const file = longArticlesAtSchema17(800);
    const pagesBefore = new Database(file, { readonly: true }).pragma('page_count', { simple: true }) as number;
    const upgraded = Library.open(file);
    const pagesAfter = upgraded.db.pragma('page_count', { simple: true }) as number;
    upgraded.close();
    // Copied whole before the old table went, it grew by three quarters.
    expect(pagesAfter).toBeLessThan(pagesBefore * 1.25);
  });
});

describe("migration 19 (indexes for the sidebar's views)", () => {
  it('upgrades a schema-18 library: each view is counted from its own index and lists what it listed before', () => {
    const file = libraryAtSchema(18, [
      [1, 'Ferries return', 'Ferries resumed at dawn.'],
      [2, 'Ministers resign', 'The harbour board resigned.'],
      [3, 'Tides turn', 'Tides turned at noon.'],
    ]);
    const old = new Database(file);
    old.exec(
      "UPDATE articles SET is_favorite = 1 WHERE id = 2; UPDATE articles SET is_archived = 1 WHERE id = 3; UPDATE articles SET kind = 'draft' WHERE id = 1",
    );
    old.close();

    const upgraded = Library.open(file);
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const ids = (view: 'unread' | 'favorites' | 'archive' | 'drafts') => listArticles(upgraded, { view }).items.map((item) => item.id);
    expect([ids('unread'), ids('favorites'), ids('archive'), ids('drafts')]).toEqual([[2], [2], [3], [1]]);
    const plan = upgraded.db.prepare('EXPLAIN QUERY PLAN SELECT count(*) FROM articles a WHERE a.is_favorite = 1').all() as {
      detail: string;
    }[];
    expect(plan.map((row) => row.detail).join()).toContain('articles_favorites');
    upgraded.close();
  });
});
