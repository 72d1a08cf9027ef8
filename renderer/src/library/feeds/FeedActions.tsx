import { useState } from 'react';
import { keepDaysChoices } from '../../../../electron/common/choices.ts';
import type { Feed, FeedPatch } from '../../../../electron/common/feeds.ts';
import { Dialog, FIRST_FIELD } from '../../ui/dialog.tsx';
import { call, messageOf } from '../../client/api.ts';
import { useFeeds } from './useFeeds.ts';

/** What can be done to the feed whose articles the list shows, and how its last refresh went. */
export function FeedActions({
  feedId,
  onError,
  onGone,
}: {
  feedId: number;
  onError: (message: string | null) => void;
  onGone: () => void;
}) {
  const feed = useFeeds().find((candidate) => candidate.id === feedId);
  const [refreshing, setRefreshing] = useState(false);
  const [leaving, setLeaving] = useState(false);
  if (!feed) return null;

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      onError(null);
    } catch (reason) {
      onError(messageOf(reason));
    }
  };
  const change = (patch: FeedPatch) => run(() => call('feeds.update', { id: feed.id, patch }));
  const refresh = async () => {
    setRefreshing(true);
    await run(() => call('feeds.refresh', { id: feed.id }));
    setRefreshing(false);
  };

  return (
    <div className="feed-actions" role="group" aria-label={`Feed ${feed.title}`}>
      <span className="tag-actions">
        Feed <strong>{feed.title}</strong>
      </span>
      <button type="button" onClick={() => void refresh()} disabled={refreshing || feed.paused}>
        {refreshing ? 'Refreshing…' : 'Refresh'}
      </button>
      <button type="button" onClick={() => void run(() => call('feeds.markRead', { id: feed.id }))} disabled={feed.unread === 0}>
        Mark all read
      </button>
      <button type="button" aria-pressed={feed.paused} onClick={() => void change({ paused: !feed.paused })}>
        {feed.paused ? 'Resume' : 'Pause'}
      </button>
      <label>
        Keep{' '}
        <select
          aria-label="Keep the feed’s articles"
          value={feed.keepDays ?? ''}
          onChange={(event) => void change({ keepDays: event.target.value ? Number(event.target.value) : null })}
        >
          <option value="">all</option>
          {keepDaysChoices.map((days) => (
            <option key={days} value={days}>
              {days} days
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => setLeaving(true)}>
        Unsubscribe…
      </button>
      <FeedState feed={feed} />
      {leaving && (
        <UnsubscribeDialog
          feed={feed}
          onCancel={() => setLeaving(false)}
          onDone={(deleteArticles) => {
            setLeaving(false);
            void run(async () => {
              await call('feeds.unsubscribe', { id: feed.id, deleteArticles });
              onGone();
            });
          }}
        />
      )}
    </div>
  );
}

function FeedState({ feed }: { feed: Feed }) {
  if (feed.error) {
    return (
      <p className="feed-error" role="status">
        The last refresh failed: {feed.error}
      </p>
    );
  }
  const checked = feed.checkedAt ? new Date(feed.checkedAt).toLocaleString() : null;
  return (
    <p className="hint feed-checked">
      {feed.paused ? 'Paused: not refreshed until resumed. ' : ''}
      {checked ? `Last refreshed ${checked}.` : 'Not refreshed yet.'}
      {feed.keepDays ? ` Articles older than ${feed.keepDays} days go, unless you kept them (favorite, tagged or highlighted).` : ''}
    </p>
  );
}

function UnsubscribeDialog({ feed, onCancel, onDone }: { feed: Feed; onCancel: () => void; onDone: (deleteArticles: boolean) => void }) {
  return (
    <Dialog title={`Unsubscribe from “${feed.title}”?`} onClose={onCancel}>
      <p>
        Dateline stops refreshing it. Its {feed.total} {feed.total === 1 ? 'article stays' : 'articles stay'} in the library unless you
        delete them; favorites and articles you tagged or highlighted stay either way.
      </p>
      <div className="dialog-actions">
        <button type="button" {...FIRST_FIELD} onClick={onCancel}>
          Cancel
        </button>
        <button type="button" onClick={() => onDone(false)}>
          Unsubscribe, keep articles
        </button>
        <button type="button" className="danger" onClick={() => onDone(true)}>
          Unsubscribe and delete them
        </button>
      </div>
    </Dialog>
  );
}
