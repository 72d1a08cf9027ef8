import { useEffect, useState } from 'react';
import type { HighlightList as Found } from '../../../electron/common/model.ts';
import { call, messageOf, subscribe } from '../client/api.ts';
import { COLOR_LABELS } from '../ui/labels.ts';
import { revealWhenOpen } from '../ui/reveal-highlight.ts';
import { Snippet } from './Snippet.tsx';
import { useLibraryVersion } from '../ui/hooks.ts';

const PAGE = 200;

/** Grows whenever a highlight changes anywhere, for lists of them to reload. */
function useHighlightsVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => subscribe('highlights.changed', () => setVersion((v) => v + 1)), []);
  return version + useLibraryVersion();
}

/** The library-wide "Highlights" view: every highlight with its article, or those a query finds. */
export function HighlightList({ query, openId, onOpen }: { query: string; openId: number | null; onOpen: (id: number) => void }) {
  const version = useHighlightsVersion();
  const [found, setFound] = useState<Found | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setLimit(PAGE), [query]);
  useEffect(() => {
    let current = true;
    call('highlights.find', { query, limit }).then(
      (value) => current && (setFound(value), setError(null)),
      (reason) => current && setError(messageOf(reason)),
    );
    return () => {
      current = false;
    };
  }, [query, limit, version]);

  if (error)
    return (
      <p className="pane-message" role="alert">
        {error}
      </p>
    );
  if (!found) return <p className="pane-message">Loading…</p>;
  if (found.total === 0) {
    return (
      <p className="pane-message">
        {query ? 'No highlights or notes match.' : 'No highlights yet. Select text in an article and press h to highlight it.'}
      </p>
    );
  }
  return (
    <div className="search-results" aria-live="polite">
      <p className="pane-message">{`${found.total.toLocaleString()} ${found.total === 1 ? 'highlight' : 'highlights'}`}</p>
      <ul className="highlight-list" aria-label="Highlights">
        {found.items.map((item) => (
          <li key={item.id} data-color={item.color}>
            <button
              type="button"
              className="link-button"
              aria-current={item.articleId === openId ? 'true' : undefined}
              onClick={() => {
                revealWhenOpen(item.articleId, item.id);
                onOpen(item.articleId);
              }}
            >
              <span className="visually-hidden">{COLOR_LABELS[item.color]} highlight: </span>
              <Snippet className="row-quote" marked={item.markedQuote} />
              {item.note && <Snippet className="row-note" marked={item.markedNote} />}
              <span className="row-article">{item.articleTitle || 'Untitled'}</span>
            </button>
          </li>
        ))}
      </ul>
      {found.items.length < found.total && (
        <button type="button" className="load-more" onClick={() => setLimit((n) => n + PAGE)}>
          Show more
        </button>
      )}
    </div>
  );
}
