import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleSummary, ListQuery } from '../../../../electron/common/model.ts';
import { call, messageOf } from '../../client/api.ts';
import { useProgressUpdates } from '../../ui/reading-progress.ts';

export const PAGE_SIZE = 200;

export type Query = Omit<ListQuery, 'limit' | 'offset'>;

/**
 * The rows of one list, fetched a page at a time as they scroll into view, so a library of
 * 100,000 articles costs what one screen of rows costs.
 */
export function usePagedList(query: Query, version: number) {
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
  const loadedPages = useRef<number[]>([]);
  loadedPages.current = [...pages.keys()];
  useEffect(() => {
    if (version === 0) return;
    generation.current += 1;
    loading.current.clear();
    for (const page of loadedPages.current.length ? loadedPages.current : [0]) load(page, true);
  }, [version, load]);

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
