import type { MouseEvent } from 'react';
import type { ArticleSummary } from '../../../../electron/common/model.ts';
import { useMediaUrl } from '../../client/media.ts';
import type { PendingDeletion } from '../../ui/deletions.ts';
import { formatDate, formatReadingTime } from '../../ui/format.ts';
import { STATUS_LABELS } from '../../ui/labels.ts';

interface ListRowProps {
  /** Undefined while its page loads. */
  item: ArticleSummary | undefined;
  /** Its deletion, while it can be undone. */
  pending: PendingDeletion | undefined;
  selected: boolean;
  compact: boolean;
  current: boolean;
  tabIndex: number;
  onFocus: () => void;
  onUndo: () => void;
  onToggle: () => void;
  onOpen: (event: MouseEvent) => void;
}

/** A row of the list in each of its states: loading, deleted (with Undo), or an article to open or select. */
export function ListRow({ item, pending, selected, compact, current, tabIndex, onFocus, onUndo, onToggle, onOpen }: ListRowProps) {
  if (!item) return <div className="article-row placeholder" aria-hidden="true" />;
  const title = item.title || 'Untitled draft';
  if (pending && pending.together > 1) {
    // One of several deleted at once: they are undone together, from the one notice.
    return (
      <div className="article-row deleted" tabIndex={tabIndex} onFocus={onFocus}>
        <span>Deleted “{pending.title || title}”.</span>
      </div>
    );
  }
  if (pending) {
    return (
      <div className="article-row deleted">
        <span>Deleted “{pending.title || title}”.</span>
        <button type="button" tabIndex={tabIndex} onClick={onUndo}>
          Undo
        </button>
      </div>
    );
  }
  return (
    <div className={selected ? 'row-with-check selected' : 'row-with-check'}>
      <input type="checkbox" className="row-check" tabIndex={-1} aria-label={`Select “${title}”`} checked={selected} onChange={onToggle} />
      <ArticleRow compact={compact} item={item} current={current} tabIndex={tabIndex} onFocus={onFocus} onOpen={onOpen} />
    </div>
  );
}

/** One article of the list: its headline, excerpt, picture and details, as a button that opens it. */
function ArticleRow({
  item,
  current,
  compact,
  tabIndex,
  onFocus,
  onOpen,
}: {
  item: ArticleSummary;
  current: boolean;
  compact: boolean;
  tabIndex: number;
  onFocus: () => void;
  onOpen: (event: MouseEvent) => void;
}) {
  const progress = Math.round(item.readingProgress * 100);
  return (
    <button
      type="button"
      className={item.read || item.kind === 'draft' ? 'article-row' : 'article-row unread'}
      aria-current={current ? 'true' : undefined}
      tabIndex={tabIndex}
      onFocus={onFocus}
      onClick={onOpen}
    >
      {!compact && item.thumbnailId !== null && <Thumbnail id={item.thumbnailId} />}
      <span className="row-title">{item.title || 'Untitled draft'}</span>
      {!compact && item.excerpt && <span className="row-excerpt">{item.excerpt}</span>}
      <span className="row-meta">
        {item.kind === 'draft' && <span className={`status-badge status-${item.status}`}>{STATUS_LABELS[item.status]}</span>}
        {item.fetchState === 'pending' && <span className="link-badge">Not downloaded yet</span>}
        {item.fetchState === 'failed' && <span className="link-badge failed">Download failed</span>}
        {[
          item.kind === 'draft' ? null : item.sourceName,
          formatDate(item.publishedAt ?? item.createdAt),
          formatReadingTime(item.readingMinutes),
        ]
          .filter(Boolean)
          .join(' · ')}
        {progress > 0 && progress < 100 && <span className="row-progress"> · {progress}% read</span>}
      </span>
    </button>
  );
}

/** The article's own first picture, from the library (nothing is fetched from the web). */
function Thumbnail({ id }: { id: number }) {
  const url = useMediaUrl(id);
  return <span className="row-thumbnail" aria-hidden="true" style={url ? { backgroundImage: `url("${url}")` } : undefined} />;
}
