import { useEffect, useState } from 'react';
import { messageOf } from '../../client/api.ts';
import { deletions, usePendingDeletions } from '../../ui/deletions.ts';
import { articles, type Done } from '../BulkBar.tsx';
import type { useSelection } from './selection.ts';

/**
 * Deleting from the list: rows show "Deleted" with Undo for a few seconds, then the articles
 * are deleted together; a bulk deletion has one notice with one Undo, gone once it is carried out.
 */
export function useDeferredDelete(selection: ReturnType<typeof useSelection>, onError: (message: string) => void) {
  const deleting = usePendingDeletions();
  const [done, setDone] = useState<Done | null>(null);
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
  const undoDone = () => {
    const action = done;
    setDone(null);
    action?.undo().catch((reason) => onError(messageOf(reason)));
  };
  return { deleting, remove, undo, removeSelected, done, setDone, undoDone };
}
