import { describe, expect, it } from 'vitest';
import { insertSavedArticle } from '../../../electron/library/saved-articles.ts';
import type { Library } from '../../../electron/library/library.ts';
import { COUNT_CAP, toMatchExpression } from '../../../electron/library/search.ts';
import { fillLibrary } from '../../helpers/synthetic.ts';
import { tempLibrary } from '../../helpers/temp.ts';
import { searchArticles } from '../../helpers/queries.ts';

function add(library: Library, title: string, text: string): number {
  return library.write(() => insertSavedArticle(library, { title, text, html: '' }));
}

describe('toMatchExpression', () => {
  it('quotes every word so no input is an FTS5 syntax error', () => {
    expect(toMatchExpression('kursk troops ')).toBe('"kursk" AND "troops"');
    expect(toMatchExpression('AND OR NOT')).toBe('"AND" AND "OR" AND "NOT"*');
    expect(toMatchExpression('( ) * : ^ -')).toBeNull();
    expect(toMatchExpression('title:x')).toBe('"title:x"*');
  });

  it('matches the last word as a prefix while it is being typed', () => {
    expect(toMatchExpression('north kor')).toBe('"north" AND "kor"*');
  });

  it('supports "phrases" and -exclusions', () => {
    expect(toMatchExpression('"north korean" -russia')).toBe('"north korean" NOT "russia"');
    expect(toMatchExpression('-russia')).toBeNull();
    expect(toMatchExpression('"unclosed phrase')).toBe('"unclosed phrase"');
  });
});

describe('searchArticles', () => {
  it('finds stems ("troop" finds "troops") and ranks a title match above a body match', () => {
    const library = tempLibrary();
    const inBody = add(library, 'Winter arrives early', 'Troops were seen near the border as snow fell.');
    const inTitle = add(library, 'Troops gather at the border', 'Officials described the movement.');
    add(library, 'Unrelated', 'Nothing to see here.');
    const { total, results } = searchArticles(library, { query: 'troop ' });
    expect(total).toBe(2);
    expect(results.map((r) => r.id)).toEqual([inTitle, inBody]);
    expect(results[0]!.score).toBeGreaterThan(results[1]!.score);
  });

  it('marks matches in the snippet and escapes everything else', () => {
    const library = tempLibrary();
    add(library, 'Markup in text', 'Someone wrote <script>alert(1)</script> next to the word harbour & more.');
    const [result] = searchArticles(library, { query: 'harbour' }).results;
    expect(result!.snippet).toContain('<mark>harbour</mark>');
    expect(result!.snippet).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(result!.snippet).toContain('&amp; more');
    expect(result!.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('honours phrases and exclusions', () => {
    const library = tempLibrary();
    const a = add(library, 'A', 'north korean troops in kursk');
    add(library, 'B', 'korean north troops in russia');
    expect(searchArticles(library, { query: '"north korean"' }).results.map((r) => r.id)).toEqual([a]);
    expect(searchArticles(library, { query: 'troops -russia' }).results.map((r) => r.id)).toEqual([a]);
  });

  it('ranks articles holding the word as typed above those matching only its stem', () => {
    const library = tempLibrary();
    const stemmed = add(library, 'Troops, troops and more troops', 'The troops moved; troops waited.');
    const exact = add(library, 'Winter', 'One troop stayed behind in the long winter by the river.');
    expect(searchArticles(library, { query: 'troops ' }).results.map((r) => r.id)).toEqual([stemmed, exact]);
    expect(searchArticles(library, { query: 'troop ' }).results.map((r) => r.id)).toEqual([exact, stemmed]);
  });

  it('counts up to a cap and says there are more', () => {
    const library = tempLibrary();
    const article = (i: number) => ({
      title: `Harbour ${i}`,
      byline: '',
      sourceName: '',
      sourceUrl: `https://example.com/${i}`,
      text: 'harbour news',
      tags: [],
      createdAt: i,
      publishedAt: i,
    });
    fillLibrary(
      library,
      Array.from({ length: COUNT_CAP + 5 }, (_, i) => article(i)),
    );
    expect(searchArticles(library, { query: 'harbour ', limit: 10 })).toMatchObject({ total: COUNT_CAP, totalCapped: true });
    expect(searchArticles(library, { query: 'harbour 17 ' })).toMatchObject({ total: 1, totalCapped: false });
  });

  it('ranks a broad query among its most recently saved matches, and a broad phrase or prefix newest first', () => {
    const library = tempLibrary();
    const article = (i: number, title = `Story ${i}`) => ({
      title,
      byline: '',
      sourceName: '',
      sourceUrl: `https://example.com/${i}`,
      text: 'news of the harbour today',
      tags: [],
      createdAt: i,
      publishedAt: i,
    });
    const count = COUNT_CAP + 5;
    fillLibrary(
      library,
      Array.from({ length: count }, (_, i) =>
        // The best match of all was saved first, long before the newest matches; a good one recently.
        i === 0 ? article(i, 'Harbour harbour harbour harbour') : i === count - 50 ? article(i, 'Harbour harbour') : article(i),
      ),
    );
    const newestIds = (query: string) => searchArticles(library, { query, limit: 3 }).results.map((result) => result.id);
    expect(searchArticles(library, { query: 'harbour ', limit: 3 })).toMatchObject({
      total: COUNT_CAP,
      totalCapped: true,
      bounded: { order: 'best-of-newest', rankedAmong: 2000 },
    });
    // A broad phrase is counted only as far as it is ranked (counting one read its every match).
    expect(searchArticles(library, { query: '"news of the" ', limit: 3 })).toMatchObject({
      total: 2000,
      totalCapped: true,
      bounded: { order: 'newest', rankedAmong: 2000 },
    });
    expect(searchArticles(library, { query: 'Harbour 17 ' }).bounded).toBeUndefined();
    expect(newestIds('harbour ')[0]).toBe(count - 49);
    expect(newestIds('"news of the" ')).toEqual([count, count - 1, count - 2]);
    expect(newestIds('harb')).toEqual([count, count - 1, count - 2]);
    expect(searchArticles(library, { query: 'harb', limit: 3 }).results[0]!.snippet).toContain('<mark>harbour</mark>');
  });

  it('does not expand a last word that is already a whole word filling a page, nor a single letter', () => {
    const library = tempLibrary();
    for (let i = 0; i < 5; i += 1) add(library, `Port ${i}`, 'The harbour was busy.');
    const longer = add(library, 'Master', 'The harbourmaster spoke.');
    expect(searchArticles(library, { query: 'harbour', limit: 5 }).total).toBe(5);
    expect(searchArticles(library, { query: 'harbour', limit: 10 }).total).toBe(6);
    expect(searchArticles(library, { query: 'harbourm', limit: 5 }).results.map((r) => r.id)).toEqual([longer]);
    expect(searchArticles(library, { query: 't', limit: 5 }).total).toBe(0);
  });

  it('returns nothing, not an error, for input with no searchable words', () => {
    expect(searchArticles(tempLibrary(), { query: '"" - * ( ' })).toEqual({ total: 0, results: [] });
  });
});

describe('search syntax', () => {
  it('separates tag: and source: filters from the words to match', async () => {
    const { parseQuery } = await import('../../../electron/library/search.ts');
    expect(parseQuery('troops tag:ukraine source:"World Desk" kur')).toMatchObject({
      match: '"troops" AND "kur"*',
      tags: ['ukraine'],
      sources: ['World Desk'],
    });
    expect(parseQuery('tag:')).toEqual({ terms: [], match: null, tags: [], sources: [] });
  });

  it('filters matches by tag and source, and lists by filter alone', async () => {
    const { insertSavedArticle } = await import('../../../electron/library/saved-articles.ts');
    const { setArticleTags } = await import('../../../electron/library/tags.ts');
    const library = tempLibrary();
    const add = (title: string, sourceName: string, tags: string[]) => {
      const id = library.write(() => insertSavedArticle(library, { title, text: `${title} troops`, html: '', sourceName }));
      setArticleTags(library, id, tags);
      return id;
    };
    const a = add('Kursk front', 'World Desk', ['ukraine']);
    const b = add('Pacific drills', 'World Desk', ['asia']);
    const c = add('Kursk weather', 'Local Times', ['ukraine']);
    const ids = (query: string) =>
      searchArticles(library, { query })
        .results.map((r) => r.id)
        .sort();
    expect(ids('troops tag:ukraine')).toEqual([a, c].sort());
    expect(ids('troops source:"world desk"')).toEqual([a, b].sort());
    expect(ids('kursk tag:ukraine source:local')).toEqual([c]);
    expect(searchArticles(library, { query: 'tag:asia' })).toMatchObject({
      total: 1,
      results: [{ id: b, snippet: 'Pacific drills troops' }],
    });
    expect(ids('troops source:100%_')).toEqual([]);
  });
});
