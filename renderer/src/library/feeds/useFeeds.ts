import { useEffect, useState } from 'react';
import type { Feed } from '../../../../electron/common/feeds.ts';
import { useLibraryVersion } from '../../ui/hooks.ts';
import { call, subscribe } from '../../client/api.ts';

/**
 * The feeds followed, kept current: loaded again when a feed is followed, refreshed or
 * changed (in any window), and when articles change (their unread counts).
 */
export function useFeeds(): Feed[] {
  const version = useLibraryVersion();
  const [feedsVersion, setFeedsVersion] = useState(0);
  const [feeds, setFeeds] = useState<Feed[]>([]);
  useEffect(() => subscribe('feeds.changed', () => setFeedsVersion((v) => v + 1)), []);
  useEffect(() => {
    let current = true;
    call('feeds.list', {}).then(
      (list) => current && setFeeds(list),
      () => current && setFeeds([]),
    );
    return () => {
      current = false;
    };
  }, [version, feedsVersion]);
  return feeds;
}
