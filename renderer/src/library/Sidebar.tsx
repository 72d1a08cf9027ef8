import { useEffect, useState } from 'react';
import type { TagCount } from '../../../electron/common/model.ts';
import type { LibrarySelection } from './selection.ts';
import { useLibraryVersion } from '../app/hooks.ts';
import { call } from '../client/api.ts';

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
}

export function Sidebar({ selection, onSelect, onNewDraft, onImport, onImportFolder, onImportAddress, onSettings, onOpenAsDraft }: Props) {
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
              aria-current={selection.view === view && selection.tag === null ? 'page' : undefined}
              onClick={() => onSelect({ view, tag: null })}
            >
              {label}
            </button>
          </li>
        ))}
      </ul>
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
