import { getFeed, listFeeds, markFeedRead, removeFeed, updateFeed } from '../../library/feeds.ts';
import { base64, type Services } from './services.ts';
import type { HandlersOf } from './types.ts';

/** Fetching feeds (undici, the worker) loads with the first subscription, not at start. */
const follow = () => import('../../import/feeds/follow.ts');

export function feedHandlers({
  library,
  app,
  emit,
  feeds,
  feedRefreshed,
  changed,
  requireFetching,
  background,
}: Services): HandlersOf<'feeds'> {
  const told = <T>(value: T): T => {
    emit('feeds.changed', {});
    return value;
  };
  return {
    'feeds.list': () => listFeeds(library),
    'feeds.subscribe': async ({ address }) => {
      requireFetching();
      const { subscribe } = await follow();
      const { feed, added, stored } = await subscribe(library, address, { allowHosts: app.policy.intranetHosts });
      if (added) feedRefreshed(stored);
      return { feed: getFeed(library, feed.id), added };
    },
    'feeds.update': ({ id, patch }) => told(updateFeed(library, id, patch)),
    'feeds.unsubscribe': ({ id, deleteArticles }) => {
      const deleted = removeFeed(library, id, { deleteArticles });
      changed(deleted.length ? deleted : undefined);
      return told({ deleted: deleted.length });
    },
    'feeds.markRead': ({ id }) => {
      const ids = markFeedRead(library, id);
      if (ids.length) changed(ids);
      return told({ changed: ids.length });
    },
    'feeds.refresh': async ({ id }) => {
      requireFetching();
      if (id !== undefined) getFeed(library, id);
      const done = await feeds.refreshNow(id === undefined ? undefined : [id]);
      return {
        refreshed: done.length,
        added: done.reduce((sum, refresh) => sum + refresh.added.length, 0),
        failed: done.filter((refresh) => refresh.error !== null).length,
      };
    },
    'feeds.importOpml': async ({ data }) => {
      requireFetching();
      const { importOpml } = await follow();
      const result = await importOpml(library, Buffer.from(data, 'base64'));
      emit('feeds.changed', {});
      // The new feeds' items come in one feed after another, after the answer (a failure is logged).
      if (result.added.length && background) void feeds.refreshNow(result.added.map((feed) => feed.id)).catch(() => undefined);
      return result;
    },
    'feeds.exportOpml': async () => {
      const { writeOpml } = await import('../../import/feeds/opml.ts');
      const day = new Date().toISOString().slice(0, 10);
      return { fileName: `dateline-feeds-${day}.opml`, mimeType: 'text/x-opml', data: base64(Buffer.from(writeOpml(listFeeds(library)))) };
    },
  };
}
