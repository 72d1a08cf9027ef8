import { useEffect } from 'react';
import { deletions, usePendingDeletions, type DeletionBatch } from '../ui/deletions.ts';

/**
 * "Deleted “…”. Undo" for an article or draft deleted from its own pane, while the deletion
 * waits; Undo takes it back and opens it again.
 */
export function DeletionNotice({ batch, onUndone, onGone }: { batch: DeletionBatch; onUndone: (id: number) => void; onGone: () => void }) {
  const pending = usePendingDeletions();
  const waiting = batch.ids.some((id) => pending.get(id)?.batch === batch.batch);
  useEffect(() => {
    if (!waiting) onGone();
  }, [waiting, onGone]);
  if (!waiting) return null;
  return (
    <div className="toast" role="status">
      Deleted “{batch.title || 'Untitled'}”.{' '}
      <button
        type="button"
        onClick={() => {
          deletions.undo(batch.ids[0]!);
          onUndone(batch.ids[0]!);
        }}
      >
        Undo
      </button>
    </div>
  );
}
