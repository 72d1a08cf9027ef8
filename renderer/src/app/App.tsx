import { useCallback, useEffect, useRef, useState } from 'react';
import { DRAFT_EXTENSIONS } from '../../../electron/common/draft-files.ts';
import { call, messageOf, subscribe } from '../client/api.ts';
import { base64Of } from '../client/media.ts';
import { ContentPane } from './ContentPane.tsx';
import { PaneBoundary } from './PaneBoundary.tsx';
import { ImportPanel, useImporter } from '../library/ImportPanel.tsx';
import { LibraryPane } from '../library/LibraryPane.tsx';
import type { LibrarySelection } from '../library/selection.ts';
import { Sidebar } from '../library/Sidebar.tsx';
import { SettingsContext, useSettings } from './settings.ts';
import { isTyping } from './hooks.ts';
import { deletions, type DeletionBatch } from './deletions.ts';
import { DeletionNotice } from './DeletionNotice.tsx';
import { keepWhereLeftOff, whereLeftOff } from './where-left-off.ts';
import { LinkConfirmDialog, useLinkGuard } from './link-guard.tsx';
import { ExportDialog } from '../library/ExportDialog.tsx';
import { AddressDialog } from '../library/AddressDialog.tsx';
import { SettingsDialog } from '../settings/SettingsDialog.tsx';

export function App() {
  const [start] = useState(whereLeftOff);
  const [selection, setSelection] = useState<LibrarySelection>(start.selection);
  const [openId, setOpenId] = useState<number | null>(start.openId);
  useEffect(() => keepWhereLeftOff({ selection, openId }), [selection, openId]);
  // What was open last time may have been deleted since (in another window, by the CLI).
  useEffect(() => {
    if (start.openId !== null) call('articles.get', { id: start.openId }).catch(() => setOpenId((id) => (id === start.openId ? null : id)));
  }, [start]);
  const [notice, setNotice] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'settings' | 'backups' | 'export' | 'address' | null>(null);
  const [focusMode, setFocusMode] = useState(false);
  const [freshDraft, setFreshDraft] = useState<number | null>(null);
  const [deleted, setDeleted] = useState<DeletionBatch | null>(null);
  const forgetDeleted = useCallback(() => setDeleted(null), []);
  useEffect(() => deletions.reportFailuresTo(setNotice), []);
  const importer = useImporter();
  const settings = useSettings();
  const links = useLinkGuard(setNotice, settings);

  const draftInput = useRef<HTMLInputElement | null>(null);
  const openAsDraft = async (file: File) => {
    try {
      const draft = await call('articles.importDraft', { name: file.name, data: await base64Of(file) });
      setSelection({ view: 'drafts', tag: null });
      setOpenId(draft.id);
    } catch (error) {
      setNotice(`Could not open ${file.name} as a draft: ${messageOf(error)}`);
    }
  };

  const openExport = useCallback(() => {
    if (openId === null) setNotice('Open an article to export it.');
    else setDialog('export');
  }, [openId]);

  const newDraft = useCallback(async () => {
    try {
      const draft = await call('articles.createDraft', {});
      setSelection({ view: 'drafts', tag: null });
      setFreshDraft(draft.id);
      setOpenId(draft.id);
    } catch (error) {
      setNotice(`Could not start a draft: ${messageOf(error)}`);
    }
  }, []);

  // Focus mode from the keyboard too, so browser mode (no menu bar) can enter and leave it.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target)) {
        event.preventDefault();
        document.getElementById('search')?.focus();
        return;
      }
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'd') {
        event.preventDefault();
        setFocusMode((on) => !on);
      } else if (event.key === 'Escape' && focusMode && !document.querySelector('dialog[open]')) {
        setFocusMode(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [focusMode]);

  // A restored backup is a different library: every view starts again from it.
  useEffect(() => subscribe('library.restored', () => window.location.reload()), []);

  useEffect(
    () =>
      subscribe('menu.command', ({ command }) => {
        if (command === 'new-draft') void newDraft();
        if (command === 'import') importer.pickFiles();
        if (command === 'focus-search') document.getElementById('search')?.focus();
        if (command === 'export') openExport();
        if (command === 'open-settings') setDialog('settings');
        if (command === 'open-backups') setDialog('backups');
        if (command === 'toggle-focus-mode') setFocusMode((on) => !on);
      }),
    [newDraft, importer, openExport],
  );

  return (
    <SettingsContext.Provider value={settings}>
      <div className={focusMode ? 'app focus-mode' : 'app'} {...importer.dropTargetProps}>
        <PaneBoundary what="The sidebar">
          <Sidebar
            selection={selection}
            onSelect={(next) => setSelection(next)}
            onNewDraft={newDraft}
            onImport={importer.pickFiles}
            onImportFolder={importer.pickFolder}
            onImportAddress={() => setDialog('address')}
            onSettings={() => setDialog('settings')}
            onOpenAsDraft={() => draftInput.current?.click()}
          />
        </PaneBoundary>
        <input
          ref={draftInput}
          type="file"
          hidden
          accept={DRAFT_EXTENSIONS.join(',')}
          data-testid="draft-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void openAsDraft(file);
          }}
        />
        <PaneBoundary what="The article list" resetKey={selection}>
          <LibraryPane selection={selection} openId={openId} onOpen={setOpenId} onSelect={setSelection} />
        </PaneBoundary>
        <ContentPane
          id={openId}
          freshDraft={freshDraft}
          focusMode={focusMode}
          onDeleted={(batch) => {
            setOpenId(null);
            setDeleted(batch);
          }}
          onExport={openExport}
          onOpen={setOpenId}
          onFocusMode={() => setFocusMode(true)}
        />
        {focusMode && (
          <button type="button" className="exit-focus" onClick={() => setFocusMode(false)}>
            Leave focus mode (Esc)
          </button>
        )}
        {links.pending && (
          <LinkConfirmDialog
            link={links.pending}
            oncePerSite={settings.settings?.linkConfirmation !== 'every-time'}
            onOpen={links.confirm}
            onCancel={links.cancel}
          />
        )}
        {(dialog === 'settings' || dialog === 'backups') && (
          <SettingsDialog settings={settings} section={dialog === 'backups' ? 'backups' : undefined} onClose={() => setDialog(null)} />
        )}
        {dialog === 'address' && <AddressDialog onImport={importer.importUrls} onClose={() => setDialog(null)} />}
        {dialog === 'export' && openId !== null && <ExportDialog articleId={openId} onClose={() => setDialog(null)} />}
        <ImportPanel importer={importer} />
        {importer.dragging && (
          <div className="drop-overlay" aria-hidden="true">
            Drop files to import them
          </div>
        )}
        <div className="toasts">
          {deleted && <DeletionNotice key={deleted.batch} batch={deleted} onUndone={setOpenId} onGone={forgetDeleted} />}
          {notice && (
            <div className="toast" role="alert">
              {notice}
              <button type="button" onClick={() => setNotice(null)} aria-label="Dismiss">
                ×
              </button>
            </div>
          )}
        </div>
      </div>
    </SettingsContext.Provider>
  );
}
