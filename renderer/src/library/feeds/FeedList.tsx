import { useState } from 'react';
import { useCommands } from '../../ui/commands.ts';
import { call } from '../../client/api.ts';
import type { LibrarySelection } from '../../ui/selection.ts';
import { FollowDialog } from './FollowDialog.tsx';
import { useFeeds } from './useFeeds.ts';

/** The sidebar's feeds: each with its unread count, a mark when its last refresh failed. */
export function FeedList({ selection, onSelect }: { selection: LibrarySelection; onSelect: (selection: LibrarySelection) => void }) {
  const feeds = useFeeds();
  const [following, setFollowing] = useState(false);
  useCommands([
    { id: 'feeds.follow', title: 'Follow a feed…', section: 'Library', run: () => setFollowing(true) },
    // How it went shows in each feed's row: a failure is its mark and reason there.
    {
      id: 'feeds.refresh',
      title: 'Refresh all feeds',
      section: 'Library',
      run: () => void call('feeds.refresh', {}).catch(() => undefined),
    },
  ]);
  return (
    <>
      <div className="nav-heading-row">
        <h2 className="nav-heading" id="feeds-heading">
          Feeds
        </h2>
        <button
          type="button"
          className="nav-heading-action"
          aria-label="Follow a feed…"
          title="Follow a feed…"
          onClick={() => setFollowing(true)}
        >
          +
        </button>
      </div>
      {feeds.length > 0 && (
        <ul className="nav-list" aria-labelledby="feeds-heading">
          {feeds.map((feed) => (
            <li key={feed.id}>
              <button
                type="button"
                title={feed.error ? `${feed.title}: ${feed.error}` : feed.title}
                aria-current={selection.feed === feed.id ? 'page' : undefined}
                onClick={() => onSelect({ view: 'all', tag: null, feed: feed.id })}
              >
                <span className={`tag-name${feed.paused ? ' paused' : ''}`}>{feed.title}</span>
                {feed.error && (
                  <span className="feed-problem" aria-label="(its last refresh failed)">
                    !
                  </span>
                )}
                {feed.unread > 0 && (
                  <span className="count" aria-label={`${feed.unread} unread`}>
                    {feed.unread}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
      {following && (
        <FollowDialog onFollowed={(feed) => onSelect({ view: 'all', tag: null, feed: feed.id })} onClose={() => setFollowing(false)} />
      )}
    </>
  );
}
