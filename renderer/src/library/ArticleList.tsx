import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { ArticleSummary, ListQuery } from '../../../electron/common/model.ts';
import { formatDate, formatReadingTime } from '../ui/format.ts';
import { call, messageOf } from '../client/api.ts';
import { isTyping } from '../ui/hooks.ts';
import { STATUS_LABELS } from '../ui/labels.ts';
import { articles, BulkBar, type Done } from './BulkBar.tsx';
import { useProgressUpdates } from '../ui/reading-progress.ts';
import { deletions, usePendingDeletions } from '../ui/deletions.ts';
import { MOD, useCommands } from '../ui/commands.ts';
import { useMediaUrl } from '../client/media.ts';
import { useSharedSettings } from '../ui/settings.ts';

const PAGE_SIZE = 200;
/** Row heights of the two densities: the virtualizer places rows by them. */
const ROW_HEIGHTS = { comfortable: 104, compact: 40 } as const;

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
  const deleting = usePendingDeletions();
  const selection = useSelection(query, itemAt);
  const [done, setDone] = useState<Done | null>(null);
  const count = total ?? 0;
  const density = useSharedSettings().settings?.listDensity ?? 'comfortable';
  const rowHeight = ROW_HEIGHTS[density];
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);
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
    requestAnimationFrame(() =>
      scroller.current?.querySelector<HTMLElement>(`[data-index="${next}"] button, [data-index="${next}"] .deleted[tabindex]`)?.focus(),
    );
  };

  /** Rows show "Deleted" with Undo for a few seconds; then the articles are deleted, together. */
  const remove = (items: { id: number; title: string }[]) => deletions.schedule(items);
  const undo = (id: number) => deletions.undo(id);
  const removeSelected = (ids: number[]) => {
    const pending = remove(ids.map((id) => ({ id, title: selection.titles.get(id) ?? '' })));
    selection.clear();
    if (pending) setDone({ message: `Deleted ${articles(ids.length)}.`, deletion: pending.batch, undo: async () => undo(pending.ids[0]!) });
  };
  // The notice of a deletion goes once the deletion is carried out.
  useEffect(() => {
    if (done?.deletion !== undefined && !deletions.isPending(done.deletion)) setDone(null);
  }, [deleting, done]);

  useOpenRowInView(total, openId, itemAt, (index) => {
    setCursor(index);
    virtualizer.scrollToIndex(index, { align: 'center' });
  });

  useReaderStepping(count, openId, itemAt, (index, id) => {
    setCursor(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
    onOpen(id);
  });

  const moveTo = (index: number, extend: boolean) => {
    const next = Math.max(0, Math.min(count - 1, index));
    if (extend) selection.extend(cursor, next);
    focusRow(next);
  };
  /** Every article of the list, loaded or not (Ctrl/Cmd+A, or "Select all" in the bar). */
  const selectAll = () =>
    call('articles.ids', query).then(
      ({ ids }) => selection.replace(ids),
      (reason) => onError(messageOf(reason)),
    );
  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      void selectAll();
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const item = itemAt(cursor);
    const handled = (() => {
      switch (event.key) {
        case 'j':
        case 'J':
        case 'ArrowDown':
          moveTo(cursor + 1, event.shiftKey);
          return true;
        case 'k':
        case 'K':
        case 'ArrowUp':
          moveTo(cursor - 1, event.shiftKey);
          return true;
        case 'x':
          if (item) selection.toggle(item, cursor);
          return Boolean(item);
        case 'Escape':
          if (selection.size === 0) return false;
          selection.clear();
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
          if (selection.size > 0) removeSelected(selection.ids());
          else if (item) remove([item]);
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

  useCommands([
    { id: 'list.next', title: 'Next article', section: 'List', shortcut: 'j or ↓', run: () => moveTo(cursor + 1, false) },
    { id: 'list.previous', title: 'Previous article', section: 'List', shortcut: 'k or ↑', run: () => moveTo(cursor - 1, false) },
    {
      id: 'list.open',
      title: 'Open the article',
      section: 'List',
      shortcut: 'Enter',
      run: () => itemAt(cursor) && onOpen(itemAt(cursor)!.id),
    },
    {
      id: 'list.select',
      title: 'Select the article',
      section: 'List',
      shortcut: 'x',
      run: () => itemAt(cursor) && selection.toggle(itemAt(cursor)!, cursor),
    },
    {
      id: 'list.extend',
      title: 'Extend the selection',
      section: 'List',
      shortcut: 'Shift+j or Shift+k',
      run: () => moveTo(cursor + 1, true),
    },
    { id: 'list.select-all', title: 'Select every article in the list', section: 'List', shortcut: `${MOD}A`, run: () => void selectAll() },
    { id: 'list.clear', title: 'Clear the selection', section: 'List', shortcut: 'Escape', run: selection.clear },
    {
      id: 'list.delete',
      title: 'Delete (Undo follows)',
      section: 'List',
      shortcut: 'Delete',
      run: () => (selection.size ? removeSelected(selection.ids()) : itemAt(cursor) && remove([itemAt(cursor)!])),
    },
    { id: 'list.undo', title: 'Undo a deletion', section: 'List', shortcut: 'z', run: () => itemAt(cursor) && undo(itemAt(cursor)!.id) },
  ]);

  const undoDone = () => {
    const action = done;
    setDone(null);
    action?.undo().catch((reason) => onError(messageOf(reason)));
  };
  const onRowClick = (event: MouseEvent, item: ArticleSummary, index: number) => {
    if (event.shiftKey) selection.extend(selection.anchor ?? cursor, index);
    else if (event.ctrlKey || event.metaKey) selection.toggle(item, index);
    else return false;
    setCursor(index);
    return true;
  };

  if (error)
    return (
      <p className="pane-message" role="alert">
        {error}
      </p>
    );
  if (total === null) return <p className="pane-message">Loading…</p>;
  if (total === 0) return <>{empty}</>;
  return (
    <>
      {selection.size > 0 && (
        <BulkBar
          ids={selection.ids()}
          total={count}
          onSelectAll={() => void selectAll()}
          onDone={(action) => (setDone(action), selection.clear())}
          onDelete={removeSelected}
          onClear={selection.clear}
          onError={onError}
        />
      )}
      {done && (
        <div className="bulk-done" role="status">
          <span>{done.message}</span>
          <button type="button" onClick={undoDone}>
            Undo
          </button>
          <button type="button" aria-label="Dismiss" onClick={() => setDone(null)}>
            ×
          </button>
        </div>
      )}
      <div ref={scroller} className={`article-scroller list-${density}`} data-testid="article-scroller">
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
                style={{ transform: `translateY(${row.start}px)`, height: rowHeight }}
              >
                {!item ? (
                  <div className="article-row placeholder" aria-hidden="true" />
                ) : pending && pending.together > 1 ? (
                  // One of several deleted at once: they are undone together, from the one notice.
                  <div className="article-row deleted" tabIndex={row.index === cursor ? 0 : -1} onFocus={() => setCursor(row.index)}>
                    <span>Deleted “{pending.title || item.title || 'Untitled draft'}”.</span>
                  </div>
                ) : pending ? (
                  <div className="article-row deleted">
                    <span>Deleted “{pending.title || item.title || 'Untitled draft'}”.</span>
                    <button type="button" tabIndex={row.index === cursor ? 0 : -1} onClick={() => undo(item.id)}>
                      Undo
                    </button>
                  </div>
                ) : (
                  <div className={selection.has(item.id) ? 'row-with-check selected' : 'row-with-check'}>
                    <input
                      type="checkbox"
                      className="row-check"
                      tabIndex={-1}
                      aria-label={`Select “${item.title || 'Untitled draft'}”`}
                      checked={selection.has(item.id)}
                      onChange={() => selection.toggle(item, row.index)}
                    />
                    <ArticleRow
                      compact={density === 'compact'}
                      item={item}
                      current={item.id === openId}
                      tabIndex={row.index === cursor ? 0 : -1}
                      onFocus={() => setCursor(row.index)}
                      onOpen={(event) => {
                        if (onRowClick(event, item, row.index)) return;
                        setCursor(row.index);
                        onOpen(item.id);
                      }}
                    />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
        <p id="article-list-keys" hidden>
          j and k or the arrow keys move, Enter opens, x selects (Shift with a move extends the selection, Escape clears it), Delete deletes
          (Undo follows), slash searches.
        </p>
      </div>
    </>
  );
}

function withoutKeys<K, V>(map: Map<K, V>, keys: readonly K[]): Map<K, V> {
  const next = new Map(map);
  for (const key of keys) next.delete(key);
  return next;
}

/**
 * The rows chosen for a bulk action, by article id (so they stay chosen while pages reload),
 * with the titles the "Deleted" rows show. A new list (another view, a filter) starts empty.
 */
function useSelection(query: Query, itemAt: (index: number) => ArticleSummary | undefined) {
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

function ArticleRow({
  item,
  current,
  compact,
  tabIndex,
  onFocus,
  onOpen,
}: {
  item: ArticleSummary;
  current: boolean;
  compact: boolean;
  tabIndex: number;
  onFocus: () => void;
  onOpen: (event: MouseEvent) => void;
}) {
  const progress = Math.round(item.readingProgress * 100);
  return (
    <button
      type="button"
      className={item.read || item.kind === 'draft' ? 'article-row' : 'article-row unread'}
      aria-current={current ? 'true' : undefined}
      tabIndex={tabIndex}
      onFocus={onFocus}
      onClick={onOpen}
    >
      {!compact && item.thumbnailId !== null && <Thumbnail id={item.thumbnailId} />}
      <span className="row-title">{item.title || 'Untitled draft'}</span>
      {!compact && item.excerpt && <span className="row-excerpt">{item.excerpt}</span>}
      <span className="row-meta">
        {item.kind === 'draft' && <span className={`status-badge status-${item.status}`}>{STATUS_LABELS[item.status]}</span>}
        {item.fetchState === 'pending' && <span className="link-badge">Not downloaded yet</span>}
        {item.fetchState === 'failed' && <span className="link-badge failed">Download failed</span>}
        {[
          item.kind === 'draft' ? null : item.sourceName,
          formatDate(item.publishedAt ?? item.createdAt),
          formatReadingTime(item.readingMinutes),
        ]
          .filter(Boolean)
          .join(' · ')}
        {progress > 0 && progress < 100 && <span className="row-progress"> · {progress}% read</span>}
      </span>
    </button>
  );
}

/** The article's own first picture, from the library (nothing is fetched from the web). */
function Thumbnail({ id }: { id: number }) {
  const url = useMediaUrl(id);
  return <span className="row-thumbnail" aria-hidden="true" style={url ? { backgroundImage: `url("${url}")` } : undefined} />;
}

/**
 * A list that opens with an article already open (the window reopened where it was left)
 * scrolls to that article's row and puts the cursor there, once, if it is in the first page.
 */
function useOpenRowInView(
  total: number | null,
  openId: number | null,
  itemAt: (index: number) => ArticleSummary | undefined,
  show: (index: number) => void,
): void {
  const done = useRef(false);
  useEffect(() => {
    if (done.current || total === null) return;
    done.current = true;
    for (let index = 0; index < Math.min(total, PAGE_SIZE); index += 1) {
      if (itemAt(index)?.id !== openId) continue;
      if (index > 0) show(index);
      return;
    }
  });
}

/**
 * j and k in the reading view open the next and previous article of this list (the list's
 * own rows handle j and k themselves, to move between rows).
 */
function useReaderStepping(
  count: number,
  openId: number | null,
  itemAt: (index: number) => ArticleSummary | undefined,
  open: (index: number, id: number) => void,
): void {
  const latest = useRef({ count, openId, itemAt, open });
  latest.current = { count, openId, itemAt, open };
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'j' && event.key !== 'k') return;
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || document.querySelector('dialog[open]')) return;
      if (!document.querySelector('.reader') || (event.target instanceof Element && event.target.closest('.article-list'))) return;
      const { count, openId, itemAt, open } = latest.current;
      let current = -1;
      for (let index = 0; index < count && current < 0; index += 1) if (itemAt(index)?.id === openId) current = index;
      const next = current < 0 ? -1 : current + (event.key === 'j' ? 1 : -1);
      const item = next >= 0 && next < count ? itemAt(next) : undefined;
      if (!item) return;
      event.preventDefault();
      open(next, item.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
