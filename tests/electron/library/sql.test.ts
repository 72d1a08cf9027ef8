import { describe, expect, it } from 'vitest';
import { insertSavedArticle } from '../../../electron/library/saved-articles.ts';
import { likeContaining } from '../../../electron/library/sql.ts';
import { tempLibrary } from '../../helpers/temp.ts';
import { listArticles, searchArticles } from '../../helpers/queries.ts';

describe('the shared SQL pieces', () => {
  it('take LIKE wildcards in a filter literally', () => {
    expect(likeContaining('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
  });

  it('filter the list and search by source alike, wildcards literal', () => {
    const library = tempLibrary();
    for (const sourceName of ['100% News', '1000 News', 'Radio_One', 'RadioXOne']) {
      library.write(() =>
        insertSavedArticle(library, { title: sourceName, sourceName, html: '<p>Harbour news.</p>', text: 'Harbour news.' }),
      );
    }
    const listed = (source: string) => listArticles(library, { source }).items.map((item) => item.title);
    const found = (source: string) => searchArticles(library, { query: `harbour source:"${source}"` }).results.map((r) => r.title);
    expect(listed('100%')).toEqual(['100% News']);
    expect(listed('o_O')).toEqual(['Radio_One']);
    expect(found('100%')).toEqual(['100% News']);
  });
});
