import { useState, type FormEvent } from 'react';
import type { StateChange } from '../../../electron/common/model.ts';
import { call, messageOf } from '../client/api.ts';

/** What an action did, said in a line, and how to take it back. */
export interface Done {
  message: string;
  undo: () => Promise<unknown>;
  /** For a deletion still waiting: its batch, so the notice goes when the deletion is done. */
  deletion?: number;
}

interface Props {
  ids: number[];
  /** How many articles the list holds, loaded or not. */
  total: number;
  onSelectAll: () => void;
  onDone: (done: Done) => void;
  onDelete: (ids: number[]) => void;
  onClear: () => void;
  onError: (message: string) => void;
}

/** "1 article", "2,000 articles". */
export const articles = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'article' : 'articles'}`;

/** Actions on the selected articles; each one can be undone from the notice that follows. */
export function BulkBar({ ids, total, onSelectAll, onDone, onDelete, onClear, onError }: Props) {
  const [tagging, setTagging] = useState(false);
  const [tag, setTag] = useState('');

  const setStates = (change: Omit<StateChange, 'id'>, verb: string) => {
    call('articles.setStates', { changes: ids.map((id) => ({ id, ...change })) }).then(
      ({ previous }) =>
        onDone({ message: `${verb} ${articles(ids.length)}.`, undo: () => call('articles.setStates', { changes: previous }) }),
      (reason) => onError(messageOf(reason)),
    );
  };
  const addTag = (event: FormEvent) => {
    event.preventDefault();
    const name = tag.trim();
    if (!name) return;
    call('tags.add', { ids, name }).then(
      ({ changed }) => {
        setTagging(false);
        setTag('');
        onDone({
          message: changed.length
            ? `Tagged ${articles(changed.length)} “${name}”.`
            : `The selected articles already had the tag “${name}”.`,
          undo: () => (changed.length ? call('tags.remove', { ids: changed, name }) : Promise.resolve()),
        });
      },
      (reason) => onError(messageOf(reason)),
    );
  };

  return (
    <div className="bulk-bar" role="toolbar" aria-label="Selected articles">
      <span className="bulk-count">{ids.length.toLocaleString()} selected</span>
      {ids.length < total && (
        <button type="button" onClick={onSelectAll}>
          Select all {total.toLocaleString()}
        </button>
      )}
      <button type="button" onClick={() => setStates({ read: true }, 'Marked read:')}>
        Mark read
      </button>
      <button type="button" onClick={() => setStates({ read: false }, 'Marked unread:')}>
        Mark unread
      </button>
      <button type="button" onClick={() => setStates({ favorite: true }, 'Added to favorites:')}>
        Favorite
      </button>
      <button type="button" onClick={() => setStates({ archived: true }, 'Archived')}>
        Archive
      </button>
      <button type="button" onClick={() => setStates({ archived: false }, 'Moved out of the archive:')}>
        Unarchive
      </button>
      {tagging ? (
        <form className="bulk-tag" onSubmit={addTag}>
          <input
            aria-label="Tag to add to the selected articles"
            value={tag}
            autoFocus
            maxLength={100}
            onChange={(event) => setTag(event.target.value)}
          />
          <button type="submit">Add</button>
          <button type="button" onClick={() => setTagging(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setTagging(true)}>
          Add tag…
        </button>
      )}
      <button type="button" className="danger" onClick={() => onDelete(ids)}>
        Delete
      </button>
      <button type="button" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
