import { describe, expect, it } from 'vitest';
import { type DatelineError } from '../../../electron/common/errors.ts';
import { deleteArticle, getArticle } from '../../../electron/library/articles.ts';
import { insertSavedArticle } from '../../../electron/library/saved-articles.ts';
import { createDraft, updateArticle } from '../../../electron/library/drafts.ts';
import { Library } from '../../../electron/library/library.ts';
import { listTags, setArticleTags } from '../../../electron/library/tags.ts';
import { tempLibrary } from '../../helpers/temp.ts';
import { listArticleIds, listArticles } from '../../helpers/queries.ts';

function editorState(...paragraphs: string[]): string {
  return JSON.stringify({
    root: {
      type: 'root',
      children: paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text, format: 0 }] })),
    },
  });
}

function save(library: Library, title: string, extra: Partial<Parameters<typeof insertSavedArticle>[1]> = {}): number {
  return library.write(() => insertSavedArticle(library, { title, html: `<p>${title}</p>`, text: title, ...extra }));
}

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    return (error as DatelineError).code;
  }
  return undefined;
}

describe('drafts', () => {
  it('derives HTML, text and word count from the editor state when saved', () => {
    const library = tempLibrary();
    const draft = createDraft(library, { title: 'Budget vote' });
    const saved = updateArticle(library, draft.id, { editorState: editorState('Council met on Tuesday.', 'It voted 8-1.') });
    expect(saved.html).toBe('<p>Council met on Tuesday.</p><p>It voted 8-1.</p>');
    expect(saved.text).toBe('Council met on Tuesday.\n\nIt voted 8-1.');
    expect(saved.wordCount).toBe(7);
    expect(saved.kind).toBe('draft');
    expect(draft.revision).toBe(1);
    expect(saved.revision).toBe(2);
  });

  it('regression: a new draft created with a headline starts at revision 1, not 2', () => {
    const library = tempLibrary();
    expect(createDraft(library, { title: 'With a headline' }).revision).toBe(1);
    expect(createDraft(library, {}).revision).toBe(1);
  });

  it('refuses a save built on a stale revision with CONFLICT and keeps the newer text', () => {
    const library = tempLibrary();
    const draft = createDraft(library, {});
    updateArticle(library, draft.id, { editorState: editorState('Newer text') }, draft.revision);
    expect(codeOf(() => updateArticle(library, draft.id, { editorState: editorState('Older text') }, draft.revision))).toBe('CONFLICT');
    expect(getArticle(library, draft.id).text).toBe('Newer text');
  });

  it('rejects an editor state that is not Lexical JSON without changing the draft', () => {
    const library = tempLibrary();
    const draft = createDraft(library, {});
    updateArticle(library, draft.id, { editorState: editorState('Kept') });
    expect(codeOf(() => updateArticle(library, draft.id, { editorState: '{"not":"lexical"}' }))).toBe('INVALID_INPUT');
    expect(getArticle(library, draft.id).text).toBe('Kept');
  });

  it('will not put an editor state on a saved article', () => {
    const library = tempLibrary();
    const id = save(library, 'Imported');
    expect(codeOf(() => updateArticle(library, id, { editorState: editorState('x') }))).toBe('INVALID_INPUT');
  });
});

describe('the article list', () => {
  it('lists newest first and filters by view and tag', () => {
    const library = tempLibrary();
    const first = save(library, 'First', { createdAt: 1_000 });
    const second = save(library, 'Second', { createdAt: 2_000, favorite: true });
    const third = save(library, 'Third', { createdAt: 3_000, archived: true, read: true });
    const draft = createDraft(library, { title: 'My draft' });
    setArticleTags(library, first, ['Ukraine', 'defence']);

    const titles = (view: Parameters<typeof listArticles>[1]) => listArticles(library, view).items.map((item) => item.title);
    expect(titles({})).toEqual(['My draft', 'Third', 'Second', 'First']);
    expect(titles({ view: 'unread' })).toEqual(['Second', 'First']);
    expect(titles({ view: 'favorites' })).toEqual(['Second']);
    expect(titles({ view: 'archive' })).toEqual(['Third']);
    expect(titles({ view: 'drafts' })).toEqual(['My draft']);
    expect(titles({ tag: 'ukraine' })).toEqual(['First']);
    // Only the rows named, of those the list shows: what a list reads again when they change.
    expect(titles({ ids: [first, third, draft.id] })).toEqual(['My draft', 'Third', 'First']);
    expect(titles({ view: 'unread', ids: [first, third] })).toEqual(['First']);
    expect(listArticles(library, { limit: 2, offset: 1 })).toMatchObject({ total: 4, items: [{ id: third }, { id: second }] });
    expect(getArticle(library, first).tags).toEqual(['defence', 'Ukraine']);
    expect(draft.read).toBe(true);
  });

  it('names every article of a list by id, in its order, past the first page', () => {
    const library = tempLibrary();
    const ids = Array.from({ length: 250 }, (_, i) => save(library, `Story ${i}`, { createdAt: 1_000 + i, favorite: i % 2 === 0 }));
    for (const id of ids.slice(0, 30)) setArticleTags(library, id, ['port']);
    const favorites = listArticles(library, { view: 'favorites', limit: 200 });
    expect(listArticleIds(library, { view: 'favorites' }, 10_000)).toEqual(ids.filter((_, i) => i % 2 === 0).reverse());
    expect(listArticleIds(library, { view: 'favorites' }, 10_000).slice(0, 200)).toEqual(favorites.items.map((item) => item.id));
    expect(listArticleIds(library, { tag: 'PORT', sort: 'title' }, 10_000)).toHaveLength(30);
    expect(listArticleIds(library, {}, 7)).toEqual(ids.slice(-7).reverse());
  });
});

describe('the list count', () => {
  it('regression: is counted once while a list is scrolled (every page counted the whole list), and again after any change', () => {
    const library = tempLibrary();
    for (let i = 0; i < 5; i++) save(library, `Story ${i}`);
    const counted: string[] = [];
    const statement = library.statement.bind(library);
    library.statement = ((sql: string) => (sql.includes('count(*)') && counted.push(sql), statement(sql))) as typeof library.statement;
    expect(listArticles(library, { limit: 2 }).total).toBe(5);
    expect(listArticles(library, { limit: 2, offset: 2 }).total).toBe(5);
    expect(listArticles(library, { limit: 2, offset: 4 }).total).toBe(5);
    expect(counted).toHaveLength(1);

    // A write on this connection, then a commit on another one: each is seen at once.
    save(library, 'Story 5');
    expect(listArticles(library, { limit: 2 }).total).toBe(6);
    const other = Library.open(library.file);
    try {
      other.db.prepare('UPDATE articles SET is_favorite = 1 WHERE id = 1').run();
      other.db.prepare('DELETE FROM articles WHERE id = 2').run();
    } finally {
      other.close();
    }
    expect(listArticles(library, { limit: 2 }).total).toBe(5);
    expect(listArticles(library, { view: 'favorites' }).total).toBe(1);
    // A write rolled back still counts as a change: counted again, and right.
    expect(() =>
      library.write(() => {
        library.db.prepare('DELETE FROM articles').run();
        throw new Error('changed my mind');
      }),
    ).toThrow('changed my mind');
    expect(listArticles(library, { limit: 2 }).total).toBe(5);
  });
});

describe('tags', () => {
  it('treats names differing in case as one tag and drops tags no article uses', () => {
    const library = tempLibrary();
    const a = save(library, 'A');
    const b = save(library, 'B');
    expect(setArticleTags(library, a, ['Politics', 'politics', 'Europe'])).toEqual(['Europe', 'politics']);
    setArticleTags(library, b, ['POLITICS']);
    expect(listTags(library)).toEqual([
      { name: 'Europe', count: 1 },
      { name: 'politics', count: 2 },
    ]);
    setArticleTags(library, a, []);
    expect(listTags(library)).toEqual([{ name: 'politics', count: 1 }]);
  });

  it('reports NOT_FOUND for a missing article', () => {
    expect(codeOf(() => setArticleTags(tempLibrary(), 404, ['x']))).toBe('NOT_FOUND');
  });
});

describe('deleting', () => {
  it('removes the article, its related links, its tags and its search entry', () => {
    const library = tempLibrary();
    const id = save(library, 'Zanzibar ferry schedule', { related: [{ title: 'Other story', url: null }], tags: ['travel'] });
    deleteArticle(library, id);
    expect(codeOf(() => getArticle(library, id))).toBe('NOT_FOUND');
    expect(library.db.prepare('SELECT count(*) AS n FROM related_links').get()).toEqual({ n: 0 });
    expect(listTags(library)).toEqual([]);
    expect(library.db.prepare("SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH 'zanzibar'").get()).toEqual({ n: 0 });
    expect(codeOf(() => deleteArticle(library, id))).toBe('NOT_FOUND');
  });
});

describe('sorting and filtering the list', () => {
  it('sorts by date saved, date published, title and length, either way', () => {
    const library = tempLibrary();
    const add = (title: string, createdAt: number, publishedAt: number | null, words: number, sourceName = 'Harbour Times') =>
      library.write(() =>
        insertSavedArticle(library, { title, createdAt, publishedAt, sourceName, html: '', text: 'word '.repeat(words).trim() }),
      );
    add('bravo', 3_000, 1_000, 50);
    add('Alpha', 1_000, 5_000, 500);
    add('charlie', 2_000, null, 5, 'World Desk');
    const titles = (query: Parameters<typeof listArticles>[1]) => listArticles(library, query).items.map((item) => item.title);
    expect(titles({ sort: 'saved' })).toEqual(['bravo', 'charlie', 'Alpha']);
    expect(titles({ sort: 'saved', order: 'asc' })).toEqual(['Alpha', 'charlie', 'bravo']);
    expect(titles({ sort: 'published' })).toEqual(['Alpha', 'charlie', 'bravo']);
    expect(titles({ sort: 'title' })).toEqual(['Alpha', 'bravo', 'charlie']);
    expect(titles({ sort: 'length' })).toEqual(['Alpha', 'bravo', 'charlie']);
    expect(titles({ source: 'world' })).toEqual(['charlie']);
    expect(titles({ kind: 'draft' })).toEqual([]);
    expect(titles({ from: new Date(2_000).toISOString(), to: new Date(3_000).toISOString() })).toEqual(['charlie']);
  });
});

describe('managing tags', () => {
  it('renames a tag, merges it into one that exists, and deletes one without touching articles', async () => {
    const { deleteTag, renameTag } = await import('../../../electron/library/tags.ts');
    const library = tempLibrary();
    const a = save(library, 'A');
    const b = save(library, 'B');
    setArticleTags(library, a, ['ukraine', 'war']);
    setArticleTags(library, b, ['Ukraine-war']);
    expect(renameTag(library, 'Ukraine-war', 'conflict')).toEqual({ merged: false });
    expect(renameTag(library, 'war', 'conflict')).toEqual({ merged: true });
    expect(listTags(library)).toEqual([
      { name: 'conflict', count: 2 },
      { name: 'ukraine', count: 1 },
    ]);
    deleteTag(library, 'ukraine');
    expect(getArticle(library, a).tags).toEqual(['conflict']);
    expect(codeOf(() => deleteTag(library, 'ukraine'))).toBe('NOT_FOUND');
    expect(codeOf(() => renameTag(library, 'missing', 'x'))).toBe('NOT_FOUND');
  });
});

describe('the tag filter at size', () => {
  it('lists a common tag and a rare one in the same order, page after page, whichever way it finds them', async () => {
    const { fillLibrary, syntheticArticles } = await import('../../helpers/synthetic.ts');
    const library = tempLibrary();
    fillLibrary(
      library,
      [...syntheticArticles(3000, { words: [5, 10] })].map((article, i) => ({
        ...article,
        tags: i % 1000 === 0 ? ['common', 'rare'] : ['common'],
      })),
    );
    const expected = (tag: string) =>
      library.db
        .prepare(
          `SELECT a.id FROM articles a JOIN article_tags at ON at.article_id = a.id JOIN tags t ON t.id = at.tag_id
           WHERE t.name = ? ORDER BY a.created_at DESC, a.id DESC`,
        )
        .all(tag)
        .map((row) => (row as { id: number }).id);
    const page = (tag: string, offset: number) => listArticles(library, { tag, limit: 100, offset });
    expect(page('common', 0).total).toBe(3000);
    expect([...page('common', 0).items, ...page('common', 2900).items].map((item) => item.id)).toEqual([
      ...expected('common').slice(0, 100),
      ...expected('common').slice(2900),
    ]);
    expect(page('rare', 0)).toMatchObject({ total: 3 });
    expect(page('rare', 0).items.map((item) => item.id)).toEqual(expected('rare'));
    expect(listArticles(library, { tag: 'common', view: 'unread', limit: 5 }).total).toBe(2000);
  });
});

describe('the sidebar views at size', () => {
  /** 5,000 articles: about 3,000 unread (found walking the sort's index), 700 favorites and 50 drafts (found through their own). */
  async function libraryWithViews(): Promise<Library> {
    const { fillLibrary, syntheticArticles } = await import('../../helpers/synthetic.ts');
    const library = tempLibrary();
    fillLibrary(library, syntheticArticles(5000, { words: [5, 10] }));
    library.db.exec(`UPDATE articles SET is_archived = (id % 4 = 0), is_read = (id % 5 = 0), is_favorite = (id % 7 = 0),
      kind = CASE WHEN id % 100 = 1 THEN 'draft' ELSE 'saved' END`);
    return library;
  }

  const SORTED_BY = {
    saved: 'a.created_at DESC, a.id DESC',
    published: 'coalesce(a.published_at, a.created_at) DESC, a.id DESC',
    title: 'a.title COLLATE NOCASE ASC, a.id ASC',
    length: 'a.word_count DESC, a.id DESC',
  } as const;
  const VIEWS = {
    unread: "a.kind = 'saved' AND a.is_read = 0 AND a.is_archived = 0",
    favorites: 'a.is_favorite = 1',
    archive: 'a.is_archived = 1',
    drafts: "a.kind = 'draft'",
  } as const;

  it('lists every view in every sort, page after page, whichever way it finds them', async () => {
    const library = await libraryWithViews();
    for (const [view, condition] of Object.entries(VIEWS)) {
      for (const [sort, order] of Object.entries(SORTED_BY)) {
        const expected = library.db.prepare(`SELECT a.id FROM articles a WHERE ${condition} ORDER BY ${order}`).pluck().all() as number[];
        for (const offset of [0, 100, 1200, expected.length - 50]) {
          const page = listArticles(library, {
            view: view as keyof typeof VIEWS,
            sort: sort as keyof typeof SORTED_BY,
            limit: 100,
            offset,
          });
          expect(page.total, `${view} by ${sort}`).toBe(expected.length);
          expect(
            page.items.map((item) => item.id),
            `${view} by ${sort} from ${offset}`,
          ).toEqual(expected.slice(Math.max(offset, 0), Math.max(offset, 0) + 100));
        }
      }
    }
    expect(listArticles(library, { view: 'unread' }).total).toBeGreaterThan(2000);
    // "Select all" names the same articles in the same order.
    for (const [view, condition] of Object.entries(VIEWS)) {
      const expected = library.db.prepare(`SELECT a.id FROM articles a WHERE ${condition} ORDER BY ${SORTED_BY.title}`).pluck().all();
      expect(listArticleIds(library, { view: view as keyof typeof VIEWS, sort: 'title' }, 10_000), view).toEqual(expected);
    }
  });

  it('regression: a view of a few articles is found through its own index, not by reading every article (0.3–0.5 s at 100,000)', async () => {
    const library = await libraryWithViews();
    const statements: string[] = [];
    const statement = library.statement.bind(library);
    library.statement = ((sql: string) => (statements.push(sql), statement(sql))) as typeof library.statement;
    const plan = (sql: string, ...params: unknown[]) =>
      (library.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join('; ');
    for (const [view, index] of [
      ['favorites', 'articles_favorites'],
      ['archive', 'articles_archived'],
      ['drafts', 'articles_drafts'],
    ] as const) {
      for (const sort of ['saved', 'title', 'length'] as const) {
        statements.length = 0;
        listArticles(library, { view, sort, limit: 100 });
        const [count, page] = [
          statements.find((sql) => sql.includes('count(*)')),
          statements.find((sql) => sql.includes('LIMIT ? OFFSET ?'))!,
        ];
        // Counted at its first sort (the count is kept until the library changes).
        if (sort === 'saved') expect(plan(count!), `${view} counted`).toContain(index);
        expect(plan(page, 100, 0), `${view} by ${sort}`).toMatch(new RegExp(`^SCAN a USING (COVERING )?INDEX ${index}\\b`));
        // And "Select all" in it.
        statements.length = 0;
        listArticleIds(library, { view, sort }, 10_000);
        const all = statements.find((sql) => sql.startsWith('SELECT a.id FROM'))!;
        expect(plan(all, 10_000), `select all of ${view} by ${sort}`).toMatch(new RegExp(`^SCAN a USING (COVERING )?INDEX ${index}\\b`));
      }
    }
  });
});
