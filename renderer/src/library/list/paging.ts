import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleSummary, ListQuery } from '../../../../electron/common/model.ts';
import { call, messageOf, subscribe } from '../../client/api.ts';
import { useProgressUpdates } from '../../ui/reading-progress.ts';

export const PAGE_SIZE = 200;

export type Query = Omit<ListQuery, 'limit' | 'offset'>;

/**
 * The rows of one list, fetched a page at a time as they scroll into view, so a library of
 * 100,000 articles costs what one screen of rows costs. A change in the library reads again
 * only the rows it names, when it can only have changed them in place.
 */
export function usePagedList(query: Query) {
  const [total, setTotal] = useState<number | null>(null);
  const [pages, setPages] = useState<Map<number, ArticleSummary[]>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const loading = useRef(new Set<number>());
  const key = JSON.stringify(query);
  const generation = useRef(0);

  const load = useCallback(
    (page: number, fresh = false) => {
      if (!fresh && loading.current.has(page)) return;
      loading.current.add(page);
      const mine = generation.current;
      call('articles.list', { ...query, limit: PAGE_SIZE, offset: page * PAGE_SIZE }).then(
        (result) => {
          if (mine !== generation.current) return;
          loading.current.delete(page);
          setTotal(result.total);
          setPages((current) => new Map(current).set(page, result.items));
          setError(null);
        },
        (reason) => mine === generation.current && (loading.current.delete(page), setError(messageOf(reason))),
      );
    },
    // `key` stands for the query's contents: a new object with the same query is no change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );

  // A new query starts over; a change in the library reloads the pages on hand in place.
  useEffect(() => {
    generation.current += 1;
    loading.current.clear();
    setPages(new Map());
    setTotal(null);
    load(0, true);
  }, [load]);
  const loaded = useRef(pages);
  loaded.current = pages;
  const reloadAll = useCallback(() => {
    generation.current += 1;
    loading.current.clear();
    const onHand = [...loaded.current.keys()];
    for (const page of onHand.length ? onHand : [0]) load(page, true);
  }, [load]);
  const refresh = useCallback(
    (ids: readonly number[] | undefined) => {
      const onHand = loaded.current;
      // A change that may add, remove or move rows (an import, a deletion, one off-screen) reads
      // every page on hand again; one that only alters rows on screen reads just those rows.
      if (!ids || ids.length > PAGE_SIZE || !ids.every((id) => rowOf(onHand, id))) return reloadAll();
      const mine = generation.current;
      call('articles.list', { ...query, ids: [...ids], limit: ids.length, offset: 0 }).then(
        (result) => {
          if (mine !== generation.current) return;
          const movedOrGone =
            result.items.length !== ids.length || result.items.some((item) => placeChanged(rowOf(onHand, item.id)!, item, query.sort));
          if (movedOrGone) reloadAll();
          else setPages((current) => withRows(current, result.items));
        },
        () => mine === generation.current && reloadAll(),
      );
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the query, as above
    [key, reloadAll],
  );
  useEffect(() => subscribe('library.changed', ({ ids }) => refresh(ids)), [refresh]);

  // A place saved in the reader shows on its row at once, without reloading the list.
  useProgressUpdates(
    useCallback((id: number, progress: number) => {
      setPages((current) => {
        for (const [page, items] of current) {
          const index = items.findIndex((item) => item.id === id);
          if (index === -1) continue;
          const updated = items.with(index, { ...items[index]!, readingProgress: progress });
          return new Map(current).set(page, updated);
        }
        return current;
      });
    }, []),
  );

  const itemAt = (index: number) => pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  const ensure = (first: number, last: number) => {
    for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page += 1) {
      if (!pages.has(page)) load(page);
    }
  };
  return { total, itemAt, ensure, error };
}

function rowOf(pages: ReadonlyMap<number, ArticleSummary[]>, id: number): ArticleSummary | undefined {
  for (const items of pages.values()) {
    const found = items.find((item) => item.id === id);
    if (found) return found;
  }
  return undefined;
}

/** The pages with `rows` put in place of the rows of the same articles. */
function withRows(pages: ReadonlyMap<number, ArticleSummary[]>, rows: readonly ArticleSummary[]): Map<number, ArticleSummary[]> {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return new Map([...pages].map(([page, items]) => [page, items.map((item) => byId.get(item.id) ?? item)]));
}

/** Whether a row's new state could move it in the list's order. */
function placeChanged(before: ArticleSummary, after: ArticleSummary, sort: Query['sort']): boolean {
  switch (sort ?? 'saved') {
    case 'published':
      return (before.publishedAt ?? before.createdAt) !== (after.publishedAt ?? after.createdAt);
    case 'title':
      return before.title !== after.title;
    case 'length':
      return before.wordCount !== after.wordCount;
    default:
      return before.createdAt !== after.createdAt;
  }
}
