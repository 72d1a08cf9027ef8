import { useState } from 'react';
import { Dialog, FIRST_FIELD } from '../ui/dialog.tsx';
import { call, messageOf } from '../client/api.ts';
import { DESK_STORY_NAME } from '../../../electron/common/desk.ts';

/** "Open a desk story…": a story someone shared with you, by the name they pass on, as a draft here. */
export function JoinStoryDialog({ onOpened, onClose }: { onOpened: (id: number) => void; onClose: () => void }) {
  const [story, setStory] = useState('');
  const [error, setError] = useState<string | null>(null);
  const name = story.trim();
  const invalid = name !== '' && !DESK_STORY_NAME.test(name);
  return (
    <Dialog title="Open a desk story" onClose={onClose}>
      <form
        className="address-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!DESK_STORY_NAME.test(name)) return;
          call('desk.join', { story: name }).then(
            ({ id }) => {
              onOpened(id);
              onClose();
            },
            (reason: unknown) => setError(messageOf(reason)),
          );
        }}
      >
        <label htmlFor="desk-story">Story on the desk</label>
        <input
          id="desk-story"
          {...FIRST_FIELD}
          placeholder="story:…"
          value={story}
          aria-invalid={invalid || undefined}
          aria-describedby="desk-story-help"
          onChange={(event) => setStory(event.target.value)}
        />
        <p id="desk-story-help" className="hint">
          {invalid
            ? 'A desk story’s name starts with story: (the one who shared it sees it under the draft).'
            : 'It opens as a draft you co-edit, once its owner shared it with you.'}
        </p>
        {error && (
          <p role="alert" className="inline-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!DESK_STORY_NAME.test(name)}>
            Open story
          </button>
        </div>
      </form>
    </Dialog>
  );
}
