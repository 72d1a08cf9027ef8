import { useEffect, useState } from 'react';
import type { ArticleSummary } from '../../../../electron/common/model.ts';
import type { Query } from './paging.ts';

function withoutKeys<K, V>(map: Map<K, V>, keys: readonly K[]): Map<K, V> {
  const next = new Map(map);
  for (const key of keys) next.delete(key);
  return next;
}

/**
 * The rows chosen for a bulk action, by article id (so they stay chosen while pages reload),
 * with the titles the "Deleted" rows show. A new list (another view, a filter) starts empty.
 */
export function useSelection(query: Query, itemAt: (index: number) => ArticleSummary | undefined) {
  const [chosen, setChosen] = useState<Map<number, string>>(new Map());
  const [anchor, setAnchor] = useState<number | null>(null);
  const key = JSON.stringify(query);
  useEffect(() => {
    setChosen(new Map());
    setAnchor(null);
  }, [key]);
  return {
    size: chosen.size,
    anchor,
    titles: chosen,
    has: (id: number) => chosen.has(id),
    ids: () => [...chosen.keys()],
    clear: () => (setChosen(new Map()), setAnchor(null)),
    /** Chooses exactly these, most not loaded: a "Deleted" row takes its title from its own row. */
    replace: (ids: readonly number[]) => setChosen((current) => new Map(ids.map((id) => [id, current.get(id) ?? '']))),
    toggle: (item: ArticleSummary, index: number) => {
      setAnchor(index);
      setChosen((current) => (current.has(item.id) ? withoutKeys(current, [item.id]) : new Map(current).set(item.id, item.title)));
    },
    /** Adds every loaded row from `from` to `to` (Shift with a move or a click). */
    extend: (from: number, to: number) => {
      setAnchor((current) => current ?? from);
      setChosen((current) => {
        const next = new Map(current);
        for (let index = Math.min(from, to); index <= Math.max(from, to); index += 1) {
          const item = itemAt(index);
          if (item) next.set(item.id, item.title);
        }
        return next;
      });
    },
  };
}
