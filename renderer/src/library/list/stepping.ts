import { useEffect, useRef } from 'react';
import type { ArticleSummary } from '../../../../electron/common/model.ts';
import { useCommands } from '../../ui/commands.ts';
import { PAGE_SIZE } from './paging.ts';

/**
 * A list that opens with an article already open (the window reopened where it was left)
 * scrolls to that article's row and puts the cursor there, once, if it is in the first page.
 */
export function useOpenRowInView(
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
export function useReaderStepping(
  count: number,
  openId: number | null,
  itemAt: (index: number) => ArticleSummary | undefined,
  open: (index: number, id: number) => void,
): void {
  const step = (by: 1 | -1) => () => {
    if (!document.querySelector('.reader')) return false;
    let current = -1;
    for (let index = 0; index < count && current < 0; index += 1) if (itemAt(index)?.id === openId) current = index;
    const next = current < 0 ? -1 : current + by;
    const item = next >= 0 && next < count ? itemAt(next) : undefined;
    if (!item) return false;
    open(next, item.id);
  };
  const notInList = '.article-list';
  useCommands(
    openId === null
      ? []
      : [
          {
            id: 'reader.next',
            title: 'Open the next article of the list',
            section: 'Reading',
            shortcut: 'j',
            keys: { key: 'j', shift: false, notOn: notInList },
            run: step(1),
          },
          {
            id: 'reader.previous',
            title: 'Open the previous article of the list',
            section: 'Reading',
            shortcut: 'k',
            keys: { key: 'k', shift: false, notOn: notInList },
            run: step(-1),
          },
        ],
  );
}
