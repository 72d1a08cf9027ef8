import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { ArticleSummary } from '../../../../electron/common/model.ts';
import { call, messageOf } from '../../client/api.ts';
import { MOD, useCommands } from '../../ui/commands.ts';
import { useSharedSettings } from '../../ui/settings.ts';
import { BulkBar } from '../BulkBar.tsx';
import { useDeferredDelete } from './deferred-delete.ts';
import { ListRow } from './ArticleRow.tsx';
import { usePagedList, type Query } from './paging.ts';
import { useSelection } from './selection.ts';
import { useOpenRowInView, useReaderStepping } from './stepping.ts';

/** Row heights of the two densities: the virtualizer places rows by them. */
const ROW_HEIGHTS = { comfortable: 104, compact: 40 } as const;

interface Props {
  query: Query;
  openId: number | null;
  onOpen: (id: number) => void;
  empty: React.ReactNode;
  onError: (message: string) => void;
}

/**
 * The article list: virtualized, one tab stop, and a keyboard of its own — j/k or the arrows
 * to move, Enter to open, Delete to delete with a moment to undo.
 */
export function ArticleList({ query, openId, onOpen, empty, onError }: Props) {
  const { total, itemAt, ensure, error } = usePagedList(query);
  const scroller = useRef<HTMLDivElement | null>(null);
  const [cursor, setCursor] = useState(0);
  const selection = useSelection(query, itemAt);
  const { deleting, remove, undo, removeSelected, done, setDone, undoDone } = useDeferredDelete(selection, onError);
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
            return (
              <li
                key={item?.id ?? `row-${row.index}`}
                data-index={row.index}
                aria-setsize={count}
                aria-posinset={row.index + 1}
                style={{ transform: `translateY(${row.start}px)`, height: rowHeight }}
              >
                <ListRow
                  item={item}
                  pending={item ? deleting.get(item.id) : undefined}
                  selected={item ? selection.has(item.id) : false}
                  compact={density === 'compact'}
                  current={item?.id === openId}
                  tabIndex={row.index === cursor ? 0 : -1}
                  onFocus={() => setCursor(row.index)}
                  onUndo={() => item && undo(item.id)}
                  onToggle={() => item && selection.toggle(item, row.index)}
                  onOpen={(event) => {
                    if (!item || onRowClick(event, item, row.index)) return;
                    setCursor(row.index);
                    onOpen(item.id);
                  }}
                />
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
