import { useEffect, useState, type FormEvent } from 'react';
import { draftStatuses, listSorts } from '../../../electron/common/choices.ts';
import type { DraftStatus, LibraryView, ListSort, SearchResults } from '../../../electron/common/model.ts';
import { FeedActions } from './feeds/FeedActions.tsx';
import { keepWhereLeftOff, whereLeftOff } from '../ui/where-left-off.ts';
import { useSharedSettings } from '../ui/settings.ts';

import { STATUS_LABELS } from '../ui/labels.ts';
import type { LibrarySelection } from '../ui/selection.ts';
import { useDebounced, useLibraryVersion } from '../ui/hooks.ts';
import { ApiError, call, messageOf } from '../client/api.ts';
import { Snippet } from './Snippet.tsx';
import { ArticleList } from './list/ArticleList.tsx';
import { HighlightList } from './HighlightList.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { BookButton } from './BookButton.tsx';
import { SavedLinksBar } from './SavedLinksBar.tsx';

const SORT_LABELS: Record<ListSort, string> = { saved: 'Date saved', published: 'Date published', title: 'Title', length: 'Length' };

interface Props {
  selection: LibrarySelection;
  openId: number | null;
  onOpen: (id: number) => void;
  onSelect: (selection: LibrarySelection) => void;
  /** The library's search, kept by the app (a saved search fills it). */
  libraryQuery: string;
  onLibraryQuery: (query: string) => void;
  /** Unfolds the sidebar, where a narrow window has folded it away. */
  onShowSidebar?: () => void;
}

/** The middle pane: the search box, then either the search results or the current list. */
export function LibraryPane({ selection, openId, onOpen, onSelect, libraryQuery, onLibraryQuery, onShowSidebar }: Props) {
  const highlights = selection.view === 'highlights';
  // The Highlights view searches highlights and keeps a query of its own: the library's
  // query there would hide the highlights of the article that is open.
  const [highlightQuery, setHighlightQuery] = useState('');
  const query = highlights ? highlightQuery : libraryQuery;
  const setQuery = highlights ? setHighlightQuery : onLibraryQuery;
  // An emptied box (or a view whose box is empty) shows its list at once, without the delay.
  const debounced = useDebounced(query.trim() === '' ? '' : query, 120);
  const settledQuery = query.trim() === '' ? '' : debounced;
  const searching = settledQuery !== '';
  const label = highlights ? 'Search highlights and notes' : 'Search the library';

  return (
    <section className="library-pane" aria-label={highlights ? 'Highlights' : 'Articles'}>
      <div className="search">
        <button type="button" className="sidebar-toggle" aria-label="Library menu" onClick={onShowSidebar}>
          ☰
        </button>
        <input
          id="search"
          type="search"
          placeholder={label}
          aria-label={label}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setQuery('');
          }}
        />
      </div>
      {selection.view === 'highlights' ? (
        <HighlightList query={settledQuery} openId={openId} onOpen={onOpen} />
      ) : searching ? (
        <SearchResultList
          query={settledQuery}
          openId={openId}
          onOpen={onOpen}
          onHighlights={() => {
            // "3 highlights and notes" names those this query finds: they are shown.
            setHighlightQuery(libraryQuery);
            onSelect({ view: 'highlights', tag: null });
          }}
        />
      ) : (
        <ArticleListView
          view={selection.view}
          tag={selection.tag}
          feed={selection.feed ?? null}
          openId={openId}
          onOpen={onOpen}
          onSelect={onSelect}
        />
      )}
    </section>
  );
}

function ArticleListView({
  view,
  tag,
  feed,
  openId,
  onOpen,
  onSelect,
}: Pick<Props, 'openId' | 'onOpen' | 'onSelect'> & { view: LibraryView; tag: string | null; feed: number | null }) {
  const selection = { view, tag, feed };
  const [error, setError] = useState<string | null>(null);
  // The sort and the drafts' filter are kept as the window left them, as the view is.
  const [status, setStatus] = useState<DraftStatus | ''>(() => whereLeftOff().status);
  const [sort, setSort] = useState<ListSort>(() => whereLeftOff().sort);
  useEffect(() => keepWhereLeftOff({ sort, status }), [sort, status]);
  const drafts = selection.view === 'drafts';
  const query = {
    view: selection.view,
    tag: selection.tag ?? undefined,
    feed: selection.feed ?? undefined,
    status: drafts && status ? status : undefined,
    sort,
  };

  return (
    <>
      <div className="list-filter">
        {selection.feed && <FeedActions feedId={selection.feed} onError={setError} onGone={() => onSelect({ view: 'all', tag: null })} />}
        {selection.tag && (
          <TagActions
            tag={selection.tag}
            onError={setError}
            onRenamed={(to) => onSelect({ ...selection, tag: to })}
            onDeleted={() => onSelect({ view: 'all', tag: null })}
          />
        )}
        <label>
          Sort{' '}
          <select aria-label="Sort articles" value={sort} onChange={(event) => setSort(event.target.value as ListSort)}>
            {listSorts.map((value) => (
              <option key={value} value={value}>
                {SORT_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        {drafts && (
          <label>
            Show{' '}
            <select
              aria-label="Filter drafts by status"
              value={status}
              onChange={(event) => setStatus(event.target.value as DraftStatus | '')}
            >
              <option value="">All</option>
              {draftStatuses.map((value) => (
                <option key={value} value={value}>
                  {STATUS_LABELS[value]}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {selection.view !== 'drafts' && <SavedLinksBar />}
      {error && (
        <p className="pane-message" role="alert">
          {error}
        </p>
      )}
      <ArticleList
        query={query}
        openId={openId}
        onOpen={onOpen}
        onError={setError}
        empty={status ? <p className="pane-message">No drafts with this status.</p> : <EmptyList view={selection.view} />}
      />
    </>
  );
}

/** Rename (or merge into another tag) and delete, for the tag being shown. */
function TagActions({
  tag,
  onError,
  onRenamed,
  onDeleted,
}: {
  tag: string;
  onError: (message: string) => void;
  onRenamed: (to: string) => void;
  onDeleted: () => void;
}) {
  // An inline field, not window.prompt(): Electron does not implement prompt().
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(tag);
  const [confirming, setConfirming] = useState(false);
  const [merged, setMerged] = useState<string | null>(null);
  const rename = async () => {
    const to = name.trim();
    setRenaming(false);
    if (!to || to === tag) return;
    try {
      const { merged } = await call('tags.rename', { from: tag, to });
      onRenamed(to);
      setMerged(merged ? `“${tag}” was merged into the existing tag “${to}”.` : null);
    } catch (reason) {
      onError(messageOf(reason));
    }
  };
  const remove = async () => {
    setConfirming(false);
    try {
      await call('tags.delete', { name: tag });
      onDeleted();
    } catch (reason) {
      onError(messageOf(reason));
    }
  };
  return (
    <span className="tag-actions">
      Tag <strong>{tag}</strong>
      {renaming ? (
        <form
          className="tag-rename"
          onSubmit={(event) => {
            event.preventDefault();
            void rename();
          }}
        >
          <input
            aria-label={`New name for the tag ${tag}`}
            value={name}
            maxLength={200}
            autoFocus
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => event.key === 'Escape' && setRenaming(false)}
          />
          <button type="submit">Rename</button>
          <button type="button" onClick={() => setRenaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button
          type="button"
          onClick={() => {
            setName(tag);
            setRenaming(true);
          }}
        >
          Rename…
        </button>
      )}
      <BookButton source={{ tag }} onError={onError} />
      <button type="button" className="danger" onClick={() => setConfirming(true)}>
        Delete tag
      </button>
      {merged && (
        <span role="status" className="tag-merged">
          {merged}
        </span>
      )}
      {confirming && (
        <ConfirmDialog
          title="Delete this tag?"
          message={`Remove the tag “${tag}” from every article? The articles stay.`}
          confirmLabel="Delete tag"
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </span>
  );
}

function EmptyList({ view }: { view: LibrarySelection['view'] }) {
  const text =
    view === 'drafts'
      ? 'No drafts yet. Start one with “New draft”.'
      : view === 'all'
        ? 'Your library is empty. Import articles with “Import…” or drop files here.'
        : 'Nothing here yet.';
  return <p className="pane-message">{text}</p>;
}

/** Saved searches the sidebar can hold. */
const SAVED_SEARCH_LIMIT = 100;

/** "Save search": keeps this query, with its filters, in the sidebar under a name. */
function SaveSearch({ query, onError }: { query: string; onError: (message: string) => void }) {
  const { settings, change } = useSharedSettings();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const saved = settings?.savedSearches ?? [];
  const trimmed = query.trim();
  if (saved.some((search) => search.query === trimmed)) return <span className="search-saved">Saved in the sidebar</span>;
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (saved.length >= SAVED_SEARCH_LIMIT) {
      onError(`The sidebar holds ${SAVED_SEARCH_LIMIT} saved searches; remove one to save another.`);
      return;
    }
    const search = { name: (name.trim() || trimmed).slice(0, 100), query: trimmed };
    change({ savedSearches: [...saved, search] }).then(
      () => setNaming(false),
      (reason: unknown) => onError(messageOf(reason)),
    );
  };
  if (!naming)
    return (
      <button
        type="button"
        className="link-button inline-link"
        onClick={() => {
          setName(trimmed.slice(0, 100));
          setNaming(true);
        }}
      >
        Save search
      </button>
    );
  return (
    <form className="save-search" onSubmit={save}>
      <input
        aria-label="Name of the saved search"
        value={name}
        maxLength={100}
        autoFocus
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => event.key === 'Escape' && (event.stopPropagation(), setNaming(false))}
      />
      <button type="submit">Save</button>
      <button type="button" onClick={() => setNaming(false)}>
        Cancel
      </button>
    </form>
  );
}

/** This window's search box: its newer searches supersede its older ones, not other windows'. */
const SEARCH_SESSION = `window-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** Says how a search too broad to rank every match was ordered, so nobody takes it for the best of all. */
function boundedNote(bounded: NonNullable<SearchResults['bounded']>): string {
  return bounded.order === 'newest'
    ? ' · newest first'
    : ` · best matches among the ${bounded.rankedAmong.toLocaleString()} most recently saved`;
}

function SearchResultList({
  query,
  openId,
  onOpen,
  onHighlights,
}: {
  query: string;
  openId: number | null;
  onOpen: (id: number) => void;
  onHighlights: () => void;
}) {
  const version = useLibraryVersion();
  const [results, setResults] = useState<SearchResults | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [highlightCount, setHighlightCount] = useState(0);
  useEffect(() => {
    let current = true;
    call('highlights.find', { query, limit: 1 }).then(
      (found) => current && setHighlightCount(found.total),
      () => current && setHighlightCount(0),
    );
    return () => {
      current = false;
    };
  }, [query, version]);
  useEffect(() => {
    let current = true;
    call('search.query', { query, limit: 50, session: SEARCH_SESSION }).then(
      (value) => current && (setResults(value), setError(null)),
      // Superseded: the newer search this box sent is on its way.
      (reason) => current && !(reason instanceof ApiError && reason.code === 'SUPERSEDED') && setError(messageOf(reason)),
    );
    return () => {
      current = false;
    };
  }, [query, version]);

  if (error)
    return (
      <p className="pane-message" role="alert">
        {error}
      </p>
    );
  if (!results) return <p className="pane-message">Searching…</p>;
  return (
    <div className="search-results" aria-live="polite">
      <p className="pane-message">
        <span>
          {results.total === 0
            ? 'No articles match.'
            : `${results.total.toLocaleString()}${results.totalCapped ? '+' : ''} ${results.total === 1 ? 'article' : 'articles'}`}
        </span>
        {results.bounded && <span className="search-bounded">{boundedNote(results.bounded)}</span>}
        {results.total > 0 && (
          <>
            {' '}
            <BookButton source={{ query }} onError={setError} />
          </>
        )}{' '}
        <SaveSearch query={query} onError={setError} />
        {highlightCount > 0 && (
          <>
            {' · '}
            <button type="button" className="link-button inline-link" onClick={onHighlights}>
              {`${highlightCount.toLocaleString()} ${highlightCount === 1 ? 'highlight or note' : 'highlights and notes'}`}
            </button>
          </>
        )}
      </p>
      <ul className="article-list" aria-label="Search results">
        {results.results.map((result) => (
          <li key={result.id}>
            <button
              type="button"
              className="article-row"
              aria-current={result.id === openId ? 'true' : undefined}
              onClick={() => onOpen(result.id)}
            >
              <span className="row-title">{result.title || 'Untitled draft'}</span>
              <Snippet marked={result.snippet} />
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
