import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ArticleSummary, ListQuery } from '../../../electron/common/model.ts';
import { formatDate, formatReadingTime } from '../app/format.ts';
import { call, messageOf } from '../client/api.ts';
import { STATUS_LABELS } from '../editor/panels/MetadataPanel.tsx';

const PAGE_SIZE = 200;
const ROW_HEIGHT = 64;
/** How long a deleted row offers "Undo" before the article is really deleted. */
export const UNDO_DELETE_MS = 6000;

type Query = Omit<ListQuery, 'limit' | 'offset'>;

/**
 * The rows of one list, fetched a page at a time as they scroll into view, so a library of
 * 100,000 articles costs what one screen of rows costs.
 */
function usePagedList(query: Query, version: number) {
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
    // `key` stands for the query's contents.
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

  const itemAt = (index: number) => pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  const ensure = (first: number, last: number) => {
    for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page += 1) {
      if (!pages.has(page)) load(page);
    }
  };
  return { total, itemAt, ensure, error };
}

interface Props {
  query: Query;
  version: number;
  openId: number | null;
  onOpen: (id: number) => void;
  empty: React.ReactNode;
  onError: (message: string) => void;
}

/**
 * The article list: virtualized, one tab stop, and a keyboard of its own — j/k or the arrows
 * to move, Enter to open, Delete to delete with a moment to undo.
 */
export function ArticleList({ query, version, openId, onOpen, empty, onError }: Props) {
  const { total, itemAt, ensure, error } = usePagedList(query, version);
  const scroller = useRef<HTMLDivElement | null>(null);
  const [cursor, setCursor] = useState(0);
  const [deleting, setDeleting] = useState<Map<number, { title: string; timer: number }>>(new Map());
  const count = total ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const rows = virtualizer.getVirtualItems();
  const firstRow = rows[0]?.index ?? 0;
  const lastRow = rows[rows.length - 1]?.index ?? 0;
  useEffect(() => {
    if (count > 0) ensure(firstRow, lastRow);
  });
  useEffect(() => {
    if (cursor >= count && count > 0) setCursor(count - 1);
  }, [count, cursor]);

  const focusRow = (index: number) => {
    const next = Math.max(0, Math.min(count - 1, index));
    setCursor(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    // The row exists once the virtualizer has rendered it.
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${next}"] button`)?.focus());
  };

  const remove = (item: ArticleSummary) => {
    if (deleting.has(item.id)) return;
    const timer = window.setTimeout(() => {
      setDeleting((current) => {
        const next = new Map(current);
        next.delete(item.id);
        return next;
      });
      call('articles.delete', { id: item.id }).catch((reason) => onError(messageOf(reason)));
    }, UNDO_DELETE_MS);
    setDeleting((current) => new Map(current).set(item.id, { title: item.title, timer }));
  };
  const undo = (id: number) => {
    const pending = deleting.get(id);
    if (!pending) return;
    window.clearTimeout(pending.timer);
    setDeleting((current) => {
      const next = new Map(current);
      next.delete(id);
      return next;
    });
  };
  // Leaving the list (another view, a search) carries out the deletions still waiting.
  const deletingRef = useRef(deleting);
  deletingRef.current = deleting;
  useEffect(
    () => () => {
      for (const [id, { timer }] of deletingRef.current) {
        window.clearTimeout(timer);
        void call('articles.delete', { id }).catch(() => undefined);
      }
    },
    [],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const item = itemAt(cursor);
    const handled = (() => {
      switch (event.key) {
        case 'j':
        case 'ArrowDown':
          focusRow(cursor + 1);
          return true;
        case 'k':
        case 'ArrowUp':
          focusRow(cursor - 1);
          return true;
        case 'Home':
          focusRow(0);
          return true;
        case 'End':
          focusRow(count - 1);
          return true;
        case 'PageDown':
          focusRow(cursor + 10);
          return true;
        case 'PageUp':
          focusRow(cursor - 10);
          return true;
        case 'Enter':
          if (item) onOpen(item.id);
          return Boolean(item);
        case 'Delete':
        case 'Backspace':
          if (item) remove(item);
          return Boolean(item);
        case 'z':
          if (item && deleting.has(item.id)) undo(item.id);
          return Boolean(item);
        default:
          return false;
      }
    })();
    if (handled) event.preventDefault();
  };

  if (error) return <p className="pane-message" role="alert">{error}</p>;
  if (total === null) return <p className="pane-message">Loading…</p>;
  if (total === 0) return <>{empty}</>;
  return (
    <div ref={scroller} className="article-scroller" data-testid="article-scroller">
      <ul
        className="article-list"
        aria-label="Article list"
        aria-describedby="article-list-keys"
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
      >
        {rows.map((row) => {
          const item = itemAt(row.index);
          const pending = item ? deleting.get(item.id) : undefined;
          return (
            <li
              key={item?.id ?? `row-${row.index}`}
              data-index={row.index}
              aria-setsize={count}
              aria-posinset={row.index + 1}
              style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
            >
              {!item ? (
                <div className="article-row placeholder" aria-hidden="true" />
              ) : pending ? (
                <div className="article-row deleted">
                  <span>Deleted “{pending.title || 'Untitled draft'}”.</span>
                  <button type="button" tabIndex={row.index === cursor ? 0 : -1} onClick={() => undo(item.id)}>
                    Undo
                  </button>
                </div>
              ) : (
                <ArticleRow
                  item={item}
                  current={item.id === openId}
                  tabIndex={row.index === cursor ? 0 : -1}
                  onFocus={() => setCursor(row.index)}
                  onOpen={() => {
                    setCursor(row.index);
                    onOpen(item.id);
                  }}
                />
              )}
            </li>
          );
        })}
      </ul>
      <p id="article-list-keys" hidden>
        j and k or the arrow keys move, Enter opens, Delete deletes (Undo follows), slash searches.
      </p>
    </div>
  );
}

function ArticleRow({ item, current, tabIndex, onFocus, onOpen }: { item: ArticleSummary; current: boolean; tabIndex: number; onFocus: () => void; onOpen: () => void }) {
  return (
    <button
      type="button"
      className={item.read || item.kind === 'draft' ? 'article-row' : 'article-row unread'}
      aria-current={current ? 'true' : undefined}
      tabIndex={tabIndex}
      onFocus={onFocus}
      onClick={onOpen}
    >
      <span className="row-title">{item.title || 'Untitled draft'}</span>
      <span className="row-meta">
        {item.kind === 'draft' && <span className={`status-badge status-${item.status}`}>{STATUS_LABELS[item.status]}</span>}
        {item.fetchState === 'pending' && <span className="link-badge">Not downloaded yet</span>}
        {item.fetchState === 'failed' && <span className="link-badge failed">Download failed</span>}
        {[item.kind === 'draft' ? null : item.sourceName, formatDate(item.publishedAt ?? item.createdAt), formatReadingTime(item.readingMinutes)]
          .filter(Boolean)
          .join(' · ')}
        {item.readingProgress > 0 && item.readingProgress < 1 && (
          <span className="row-progress" aria-label={`${Math.round(item.readingProgress * 100)}% read`}>
            {' '}· {Math.round(item.readingProgress * 100)}% read
          </span>
        )}
      </span>
    </button>
  );
}
