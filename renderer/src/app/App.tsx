import { useCallback, useEffect, useState } from 'react';
import type { LibraryView } from '../../../electron/common/model.ts';
import { call, messageOf, subscribe } from '../client/api.ts';
import { ContentPane } from './ContentPane.tsx';
import { ImportPanel, useImporter } from '../library/ImportPanel.tsx';
import { LibraryPane } from '../library/LibraryPane.tsx';
import { Sidebar } from '../library/Sidebar.tsx';
import { useSettings } from './settings.ts';

export interface Selection {
  view: LibraryView;
  tag: string | null;
}

export function App() {
  const [selection, setSelection] = useState<Selection>({ view: 'all', tag: null });
  const [openId, setOpenId] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const importer = useImporter();
  useSettings();

  const newDraft = useCallback(async () => {
    try {
      const draft = await call('articles.createDraft', {});
      setSelection({ view: 'drafts', tag: null });
      setOpenId(draft.id);
    } catch (error) {
      setNotice(`Could not start a draft: ${messageOf(error)}`);
    }
  }, []);

  useEffect(
    () =>
      subscribe('menu.command', ({ command }) => {
        if (command === 'new-draft') void newDraft();
        if (command === 'import') importer.pickFiles();
        if (command === 'focus-search') document.getElementById('search')?.focus();
      }),
    [newDraft, importer],
  );

  return (
    <div className="app" {...importer.dropTargetProps}>
      <Sidebar
        selection={selection}
        onSelect={(next) => setSelection(next)}
        onNewDraft={newDraft}
        onImport={importer.pickFiles}
      />
      <LibraryPane selection={selection} openId={openId} onOpen={setOpenId} />
      <ContentPane id={openId} onClosed={() => setOpenId(null)} />
      <ImportPanel importer={importer} />
      {importer.dragging && <div className="drop-overlay" aria-hidden="true">Drop files to import them</div>}
      {notice && (
        <div className="toast" role="alert">
          {notice}
          <button type="button" onClick={() => setNotice(null)} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}
    </div>
  );
}
