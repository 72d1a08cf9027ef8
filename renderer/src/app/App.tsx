import { useCallback, useEffect, useRef, useState } from 'react';
import { DRAFT_EXTENSIONS } from '../../../electron/common/draft-files.ts';
import { call, messageOf, subscribe } from '../client/api.ts';
import { base64Of } from '../client/media.ts';
import { ContentPane } from './ContentPane.tsx';
import { PaneBoundary } from './PaneBoundary.tsx';
import { ImportPanel, useImporter } from '../library/ImportPanel.tsx';
import { LibraryPane } from '../library/LibraryPane.tsx';
import type { LibrarySelection } from '../ui/selection.ts';
import { Sidebar } from '../library/Sidebar.tsx';
import { SettingsContext, useSettings } from '../ui/settings.ts';
import { deletions, type DeletionBatch } from '../ui/deletions.ts';
import { DeletionNotice } from './DeletionNotice.tsx';
import { keepWhereLeftOff, whereLeftOff } from '../ui/where-left-off.ts';
import { MOD, useCommands } from '../ui/commands.ts';
import { paneWidths, usePaneLayout } from './panes.ts';
import { PaneSplitter } from './PaneSplitter.tsx';
import { CommandPalette, ShortcutHelp } from './CommandPalette.tsx';
import { LinkConfirmDialog, useLinkGuard } from './link-guard.tsx';
import { ExportDialog } from '../library/ExportDialog.tsx';
import { AddressDialog } from '../library/AddressDialog.tsx';
import { JoinStoryDialog } from '../desk/JoinStoryDialog.tsx';
import { SettingsDialog } from '../settings/SettingsDialog.tsx';

export function App() {
  const [start] = useState(whereLeftOff);
  const [selection, setSelection] = useState<LibrarySelection>(start.selection);
  const [openId, setOpenId] = useState<number | null>(start.openId);
  // The library's search box, here so that a saved search in the sidebar can fill it.
  const [libraryQuery, setLibraryQuery] = useState('');
  useEffect(() => keepWhereLeftOff({ selection, openId }), [selection, openId]);
  // What was open last time may have been deleted since (in another window, by the CLI).
  useEffect(() => {
    if (start.openId !== null) call('articles.get', { id: start.openId }).catch(() => setOpenId((id) => (id === start.openId ? null : id)));
  }, [start]);
  const [notice, setNotice] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'settings' | 'backups' | 'export' | 'address' | 'commands' | 'shortcuts' | 'desk-story' | null>(
    null,
  );
  const [focusMode, setFocusMode] = useState(false);
  // Narrow windows fold the sidebar into a button; this is whether it is unfolded.
  const [sidebarOpen, setSidebarOpen] = useState(false);
  const [freshDraft, setFreshDraft] = useState<number | null>(null);
  const [deleted, setDeleted] = useState<DeletionBatch | null>(null);
  const forgetDeleted = useCallback(() => setDeleted(null), []);
  useEffect(() => deletions.reportFailuresTo(setNotice), []);
  // A newsroom's policy may require encryption; a plain library is told so at every start.
  useEffect(() => {
    call('security.status', {}).then(
      (status) => {
        if (status.required && !status.encrypted) {
          setNotice('Your organization requires this library to be encrypted: Settings ▸ Security ▸ Encrypt this library.');
        }
      },
      () => undefined,
    );
  }, []);
  const panes = usePaneLayout();
  const importer = useImporter();
  const settings = useSettings();
  const links = useLinkGuard(setNotice, settings);

  const draftInput = useRef<HTMLInputElement | null>(null);
  // While a draft is being made the pane shows that instead of what was open: keys typed at
  // once must reach the new draft, never rename the draft open before it or work the
  // reading view's letter keys.
  const [startingDraft, setStartingDraft] = useState<string | null>(null);
  const openMadeDraft = useCallback(
    async (
      { waiting, failed, fresh = false }: { waiting: string; failed: string; fresh?: boolean },
      make: () => Promise<{ id: number }>,
    ) => {
      setStartingDraft(waiting);
      try {
        const draft = await make();
        setSelection({ view: 'drafts', tag: null });
        if (fresh) setFreshDraft(draft.id);
        setOpenId(draft.id);
      } catch (error) {
        setNotice(`${failed}: ${messageOf(error)}`);
      } finally {
        setStartingDraft(null);
      }
    },
    [],
  );
  const openAsDraft = (file: File) =>
    openMadeDraft({ waiting: `Opening ${file.name} as a draft…`, failed: `Could not open ${file.name} as a draft` }, async () =>
      call('articles.importDraft', { name: file.name, data: await base64Of(file) }),
    );
  const newDraft = useCallback(
    () =>
      openMadeDraft({ waiting: 'Starting a draft…', failed: 'Could not start a draft', fresh: true }, () =>
        call('articles.createDraft', {}),
      ),
    [openMadeDraft],
  );
  const followUp = (id: number, excerpt: string | undefined) =>
    void openMadeDraft({ waiting: 'Starting a follow-up draft…', failed: 'Could not start a follow-up draft' }, () =>
      call('articles.draftFrom', { id, excerpt }),
    );

  const openExport = useCallback(() => {
    if (openId === null) setNotice('Open an article to export it.');
    else setDialog('export');
  }, [openId]);

  /** A sidebar action: where the sidebar is unfolded over the list, it folds away first. */
  const fromSidebar = (action: () => void) => () => {
    setSidebarOpen(false);
    action();
  };

  const focusSearch = () => document.getElementById('search')?.focus();
  const go = (view: LibrarySelection['view']) => () => setSelection({ view, tag: null });
  useCommands([
    { id: 'app.new-draft', title: 'New draft', section: 'Library', run: () => void newDraft() },
    { id: 'app.desk-story', title: 'Open a desk story…', section: 'Library', run: () => setDialog('desk-story') },
    { id: 'app.import', title: 'Import files…', section: 'Library', run: importer.pickFiles },
    { id: 'app.import-folder', title: 'Import a folder…', section: 'Library', run: importer.pickFolder },
    { id: 'app.import-address', title: 'Import from a web address…', section: 'Library', run: () => setDialog('address') },
    { id: 'app.open-as-draft', title: 'Open a file as a draft…', section: 'Library', run: () => draftInput.current?.click() },
    { id: 'app.search', title: 'Search the library', section: 'Library', shortcut: '/', keys: { key: '/' }, run: focusSearch },
    { id: 'app.view-all', title: 'Show all articles', section: 'Library', run: go('all') },
    { id: 'app.view-unread', title: 'Show unread articles', section: 'Library', run: go('unread') },
    { id: 'app.view-favorites', title: 'Show favorites', section: 'Library', run: go('favorites') },
    { id: 'app.view-archive', title: 'Show the archive', section: 'Library', run: go('archive') },
    { id: 'app.view-drafts', title: 'Show drafts', section: 'Library', run: go('drafts') },
    { id: 'app.view-highlights', title: 'Show highlights and notes', section: 'Library', run: go('highlights') },
    {
      id: 'app.toggle-sidebar',
      title: 'Show or hide the sidebar',
      section: 'App',
      run: () => panes.setCollapsed('sidebar', !panes.layout.sidebarCollapsed),
    },
    {
      id: 'app.toggle-list',
      title: 'Show or hide the article list',
      section: 'App',
      run: () => panes.setCollapsed('list', !panes.layout.listCollapsed),
    },
    { id: 'app.settings', title: 'Settings', section: 'App', run: () => setDialog('settings') },
    { id: 'app.backups', title: 'Backups', section: 'App', run: () => setDialog('backups') },
    {
      id: 'app.focus-mode',
      title: 'Focus mode on or off',
      section: 'App',
      shortcut: `${MOD}Shift+D`,
      // From the keyboard too, so browser mode (no menu bar) can enter and leave it.
      keys: { key: 'd', mod: true, shift: true, inFields: true, inDialogs: true },
      run: () => setFocusMode((on) => !on),
    },
    {
      id: 'app.commands',
      title: 'Show all commands',
      section: 'App',
      shortcut: `${MOD}Shift+P`,
      keys: { key: 'p', mod: true, shift: true, inFields: true },
      run: () => setDialog('commands'),
    },
    {
      id: 'app.shortcuts',
      title: 'Show keyboard shortcuts',
      section: 'App',
      shortcut: '?',
      keys: { key: '?' },
      run: () => setDialog('shortcuts'),
    },
    {
      id: 'app.fold-sidebar',
      title: 'Fold the sidebar away',
      section: 'App',
      unlisted: true,
      keys: { key: 'Escape', inFields: true },
      run: () => (sidebarOpen ? setSidebarOpen(false) : false),
    },
    {
      id: 'app.leave-focus-mode',
      title: 'Leave focus mode',
      section: 'App',
      unlisted: true,
      keys: { key: 'Escape', inFields: true },
      run: () => (focusMode ? setFocusMode(false) : false),
    },
  ]);

  // A restored backup is a different library: every view starts again from it.
  useEffect(() => subscribe('library.restored', () => window.location.reload()), []);
  // The check after a fast start found damage: the window starts again on the recovery page.
  // It is told once, so a window that began listening only now asks whether it was.
  useEffect(() => {
    const stop = subscribe('library.damaged', () => window.location.reload());
    call('library.status', {}).then(
      (status) => !status.healthy && window.location.reload(),
      () => undefined,
    );
    return stop;
  }, []);

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
      <div
        className={[
          'app',
          focusMode && 'focus-mode',
          sidebarOpen && 'sidebar-open',
          panes.layout.sidebarCollapsed && 'sidebar-collapsed',
          panes.layout.listCollapsed && 'list-collapsed',
        ]
          .filter(Boolean)
          .join(' ')}
        style={paneWidths(panes.layout)}
        {...importer.dropTargetProps}
      >
        <PaneBoundary what="The sidebar">
          <Sidebar
            selection={selection}
            onSelect={(next) => {
              setSelection(next);
              setSidebarOpen(false);
            }}
            onNewDraft={fromSidebar(() => void newDraft())}
            onImport={fromSidebar(importer.pickFiles)}
            onImportFolder={fromSidebar(importer.pickFolder)}
            onImportAddress={fromSidebar(() => setDialog('address'))}
            onSettings={fromSidebar(() => setDialog('settings'))}
            onOpenAsDraft={fromSidebar(() => draftInput.current?.click())}
            searchQuery={selection.view === 'highlights' ? '' : libraryQuery.trim()}
            onSearch={(query) => {
              if (selection.view === 'highlights') setSelection({ view: 'all', tag: null });
              setLibraryQuery(query);
              setSidebarOpen(false);
            }}
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
          <LibraryPane
            selection={selection}
            openId={openId}
            onOpen={setOpenId}
            onSelect={setSelection}
            libraryQuery={libraryQuery}
            onLibraryQuery={setLibraryQuery}
            onShowSidebar={() => (panes.layout.sidebarCollapsed ? panes.setCollapsed('sidebar', false) : setSidebarOpen((open) => !open))}
          />
        </PaneBoundary>
        <PaneSplitter
          pane="sidebar"
          label="Sidebar width"
          width={panes.layout.sidebar}
          collapsed={panes.layout.sidebarCollapsed}
          target={() => document.querySelector('.sidebar')}
          onResize={(width) => panes.resize('sidebar', width)}
          onCollapse={(collapsed) => panes.setCollapsed('sidebar', collapsed)}
        />
        <PaneSplitter
          pane="list"
          label="Article list width"
          width={panes.layout.list}
          collapsed={panes.layout.listCollapsed}
          target={() => document.querySelector('.library-pane')}
          onResize={(width) => panes.resize('list', width)}
          onCollapse={(collapsed) => panes.setCollapsed('list', collapsed)}
        />
        <ContentPane
          id={startingDraft === null ? openId : null}
          waiting={startingDraft}
          freshDraft={freshDraft}
          focusMode={focusMode}
          onDeleted={(batch) => {
            setOpenId(null);
            setDeleted(batch);
          }}
          onExport={openExport}
          onFollowUp={followUp}
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
        {dialog === 'commands' && <CommandPalette onClose={() => setDialog(null)} />}
        {dialog === 'shortcuts' && <ShortcutHelp onClose={() => setDialog(null)} />}
        {dialog === 'address' && <AddressDialog onImport={importer.importUrls} onClose={() => setDialog(null)} />}
        {dialog === 'desk-story' && (
          <JoinStoryDialog
            onOpened={(id) => {
              setSelection({ view: 'drafts', tag: null });
              setOpenId(id);
            }}
            onClose={() => setDialog(null)}
          />
        )}
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
