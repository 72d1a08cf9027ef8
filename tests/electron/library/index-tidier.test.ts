import { describe, expect, it, vi } from 'vitest';
import { SearchIndexTidier } from '../../../electron/library/index-tidier.ts';
import type { Library } from '../../../electron/library/library.ts';
import { insertSavedArticle } from '../../../electron/library/saved-articles.ts';
import { indexedOnceAtEnd } from '../../../electron/library/search-index.ts';
import { searchArticles } from '../../helpers/queries.ts';
import { tempLibrary } from '../../helpers/temp.ts';

const segments = (library: Library) =>
  (library.db.prepare('SELECT count(DISTINCT segid) AS n FROM articles_fts_idx').get() as { n: number }).n;

/** What an import leaves: twelve batches, each a segment of the index of its own. */
function imported(): Library {
  const library = tempLibrary();
  for (let batch = 0; batch < 12; batch += 1) {
    indexedOnceAtEnd(library, () => {
      for (let i = 0; i < 5; i += 1) {
        insertSavedArticle(library, { title: `Story ${batch}.${i}`, html: '<p>Harbour words.</p>', text: `Harbour words zqx${batch}.` });
      }
    });
  }
  expect(segments(library)).toBe(12);
  return library;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SearchIndexTidier', () => {
  it('merges what imports left once the app is quiet, and every article is still found', async () => {
    const library = imported();
    const tidier = new SearchIndexTidier(library, { quietMs: 20 });
    await vi.waitFor(() => expect(segments(library)).toBeLessThan(4), { timeout: 5_000 });
    tidier.stop();
    expect(searchArticles(library, { query: 'harbour' }).total).toBe(60);
    expect(searchArticles(library, { query: 'zqx7' }).total).toBe(5);
    library.db.exec("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)");
  });

  it('waits while calls keep coming, and goes on once they stop', async () => {
    const library = imported();
    const tidier = new SearchIndexTidier(library, { quietMs: 80 });
    for (let i = 0; i < 15; i += 1) {
      tidier.called();
      await sleep(15);
    }
    expect(segments(library)).toBe(12);
    await vi.waitFor(() => expect(segments(library)).toBeLessThan(4), { timeout: 5_000 });
    tidier.stop();
  });

  it('leaves the index alone while other work is busy with the library', async () => {
    const library = imported();
    let busy = true;
    const tidier = new SearchIndexTidier(library, { quietMs: 10, busy: () => busy });
    await sleep(150);
    expect(segments(library)).toBe(12);
    busy = false;
    await vi.waitFor(() => expect(segments(library)).toBeLessThan(4), { timeout: 5_000 });
    tidier.stop();
  });

  it('does nothing once stopped', async () => {
    const library = imported();
    new SearchIndexTidier(library, { quietMs: 10 }).stop();
    await sleep(100);
    expect(segments(library)).toBe(12);
  });
});
