import { useEffect, useState } from 'react';
import type { TagCount } from '../../../electron/common/model.ts';
import type { LibrarySelection } from '../ui/selection.ts';
import { useLibraryVersion } from '../ui/hooks.ts';
import { call, messageOf } from '../client/api.ts';
import { useSharedSettings } from '../ui/settings.ts';
import { FeedList } from './feeds/FeedList.tsx';

const VIEWS: { view: LibrarySelection['view']; label: string }[] = [
  { view: 'all', label: 'All articles' },
  { view: 'unread', label: 'Unread' },
  { view: 'favorites', label: 'Favorites' },
  { view: 'archive', label: 'Archive' },
  { view: 'drafts', label: 'Drafts' },
  { view: 'highlights', label: 'Highlights' },
];

interface Props {
  selection: LibrarySelection;
  onSelect: (selection: LibrarySelection) => void;
  onNewDraft: () => void;
  onImport: () => void;
  onImportFolder: () => void;
  onImportAddress: () => void;
  onSettings: () => void;
  onOpenAsDraft: () => void;
  /** The library search under way ('' for none), and how a saved search starts one. */
  searchQuery: string;
  onSearch: (query: string) => void;
}

export function Sidebar({
  selection,
  onSelect,
  onNewDraft,
  onImport,
  onImportFolder,
  onImportAddress,
  onSettings,
  onOpenAsDraft,
  searchQuery,
  onSearch,
}: Props) {
  const version = useLibraryVersion();
  const [tags, setTags] = useState<TagCount[]>([]);
  useEffect(() => {
    call('tags.list', {}).then(setTags, () => setTags([]));
  }, [version]);

  return (
    <nav className="sidebar" aria-label="Library">
      <div className="brand">Dateline</div>
      <div className="sidebar-actions">
        <button type="button" className="primary" onClick={onNewDraft}>
          New draft
        </button>
        <button type="button" onClick={onImport}>
          Import…
        </button>
        <button type="button" onClick={onImportFolder}>
          Import folder…
        </button>
        <button type="button" onClick={onImportAddress}>
          Import from address…
        </button>
        <button type="button" onClick={onOpenAsDraft}>
          Open as draft…
        </button>
      </div>
      <ul className="nav-list">
        {VIEWS.map(({ view, label }) => (
          <li key={view}>
            <button
              type="button"
              aria-current={selection.view === view && selection.tag === null && !selection.feed ? 'page' : undefined}
              onClick={() => onSelect({ view, tag: null })}
            >
              {label}
            </button>
          </li>
        ))}
      </ul>
      <SavedSearches current={searchQuery} onSearch={onSearch} />
      <FeedList selection={selection} onSelect={onSelect} />
      {tags.length > 0 && (
        <>
          <h2 className="nav-heading">Tags</h2>
          <ul className="nav-list" aria-label="Tags">
            {tags.map((tag) => (
              <li key={tag.name}>
                <button
                  type="button"
                  aria-current={selection.tag === tag.name ? 'page' : undefined}
                  onClick={() => onSelect({ view: 'all', tag: tag.name })}
                >
                  <span className="tag-name">{tag.name}</span>
                  <span className="count">{tag.count}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" className="sidebar-settings" onClick={onSettings}>
        Settings
      </button>
    </nav>
  );
}

/** The searches kept from the search results ("Save search"), one click from running again. */
function SavedSearches({ current, onSearch }: { current: string; onSearch: (query: string) => void }) {
  const { settings, change } = useSharedSettings();
  const [error, setError] = useState<string | null>(null);
  const saved = settings?.savedSearches ?? [];
  if (saved.length === 0) return null;
  const remove = (query: string) =>
    change({ savedSearches: saved.filter((search) => search.query !== query) }).then(
      () => setError(null),
      (reason: unknown) => setError(messageOf(reason)),
    );
  return (
    <>
      <h2 className="nav-heading">Saved searches</h2>
      <ul className="nav-list" aria-label="Saved searches">
        {saved.map((search) => (
          <li key={search.query} className="saved-search">
            <button
              type="button"
              title={search.query}
              aria-current={current === search.query ? 'page' : undefined}
              onClick={() => onSearch(search.query)}
            >
              <span className="tag-name">{search.name}</span>
            </button>
            <button
              type="button"
              className="saved-search-remove"
              aria-label={`Remove the saved search “${search.name}”`}
              onClick={() => void remove(search.query)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
