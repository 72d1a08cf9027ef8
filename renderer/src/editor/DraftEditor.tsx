// Before any schema of the editor's nodes is built or parsed (the window's first chunk has no zod).
import '../client/zod-jitless.ts';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HorizontalRulePlugin } from '@lexical/react/LexicalHorizontalRulePlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { $getRoot, FORMAT_TEXT_COMMAND, REDO_COMMAND, UNDO_COMMAND, type LexicalEditor, type TextFormatType } from 'lexical';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Article, DraftFields, DraftStatus } from '../../../electron/common/model.ts';
import { readingMinutes } from '../../../electron/common/text.ts';
import { deletions, type DeletionBatch } from '../ui/deletions.ts';
import { MOD, useCommands } from '../ui/commands.ts';
import { DraftSaver, type SaveStatus } from './draft-saver.ts';
import { MAX_EDITOR_NESTING, withinEditorNesting } from '../../../electron/common/editor-state.ts';
import { MetadataPanel, StatusSelect, type Metadata } from './panels/MetadataPanel.tsx';
import { RevisionsPanel } from './panels/RevisionsPanel.tsx';
import { AutosavePlugin } from './plugins/AutosavePlugin.tsx';
import { BoundedHistoryPlugin } from './plugins/BoundedHistoryPlugin.tsx';
import { CountsPlugin, type DraftCounts } from './plugins/CountsPlugin.tsx';
import { FocusPlugin } from './plugins/FocusPlugin.tsx';
import { ImagesPlugin } from './plugins/ImagesPlugin.tsx';
import { LinkEditorPlugin } from './plugins/LinkEditorPlugin.tsx';
import { isAllowedLink } from './plugins/links.ts';
import { MARKDOWN_SHORTCUTS } from './plugins/markdown.ts';
import { PastePlugin } from './plugins/PastePlugin.tsx';
import { EDITOR_NODES } from './nodes/index.ts';
import { editorTheme } from './theme.ts';
import { Toolbar } from './Toolbar.tsx';
import { DeskBar } from './desk/DeskBar.tsx';
import { COMMENT_COMMAND, CommentsPlugin } from './desk/comments/CommentsPlugin.tsx';
import type * as Y from 'yjs';
import { DeskPlugin, type PublishFields } from './desk/DeskPlugin.tsx';
import type { SharedFields } from './desk/shared-fields.ts';
import { SpellCheckPlugin } from './spelling/SpellCheckPlugin.tsx';
import type { DeskPerson, DeskStatus } from './desk/desk-provider.ts';
import { REPORTER_STATUSES } from '../../../electron/common/desk.ts';
import type { ChannelOutput } from '../../../electron/ipc/contract.ts';
import { call, messageOf } from '../client/api.ts';

const STATUS_TEXT: Record<SaveStatus['state'], string> = {
  saved: 'Saved',
  pending: 'Not saved yet',
  saving: 'Saving…',
  error: 'Not saved',
};

interface Props {
  draft: Article;
  focusMode: boolean;
  /** Starts with the cursor in the headline (a draft just made). */
  fresh: boolean;
  onDeleted: (batch: DeletionBatch) => void;
  onExport: () => void;
  onRestored: () => void;
  onFocusMode: () => void;
}

/**
 * The draft in the editor. A stored state deeper than the editor can open (from before the
 * contract refused them) fails here, in its pane, before the editor starts: shown empty, it
 * would be saved over as soon as the journalist typed.
 */
export function DraftEditor(props: Props) {
  if (props.draft.editorState !== null && !withinEditorNesting(props.draft.editorState)) {
    throw new Error(`it nests more than ${MAX_EDITOR_NESTING} levels deep, more than the editor can open.`);
  }
  const [desk, setDesk] = useState<DeskInfo | null>(null);
  // What the body held when it was shared: the story on the desk starts from it.
  const [seed, setSeed] = useState<string | null>(null);
  // The draft as stored when it was shared: the shared editor's saves build on its revision.
  const [sharedDraft, setSharedDraft] = useState<Article | null>(null);
  const id = props.draft.id;
  useEffect(() => {
    let current = true;
    call('desk.info', { id }).then(
      (info) => current && setDesk(info),
      () => current && setDesk({ configured: false, story: null, joined: false }),
    );
    return () => {
      current = false;
    };
  }, [id]);
  // The editor starts once it is known whether the body is the desk's document or the library's.
  if (!desk) return <div className="draft-editor" aria-busy="true" />;
  return (
    <OpenDraft
      key={desk.story ?? 'private'}
      {...props}
      draft={sharedDraft ?? props.draft}
      desk={desk}
      seed={seed}
      onShared={(story, body, stored) => {
        setSeed(body);
        setSharedDraft(stored);
        setDesk({ ...desk, story });
      }}
    />
  );
}

type DeskInfo = ChannelOutput<'desk.info'>;

const DESK_TEXT: Record<DeskStatus['state'], string> = {
  live: 'Live',
  offline: 'Offline: edits kept, will merge',
  'not-connected': 'Not connected',
};

function OpenDraft({
  draft,
  focusMode,
  fresh,
  onDeleted,
  onExport,
  onRestored,
  onFocusMode,
  desk,
  seed,
  onShared,
}: Props & { desk: DeskInfo; seed: string | null; onShared: (story: string, body: string | null, stored: Article) => void }) {
  const [deskStatus, setDeskStatus] = useState<DeskStatus | null>(null);
  const [people, setPeople] = useState<DeskPerson[]>([]);
  const [assignee, setAssignee] = useState('');
  const publishFields = useRef<PublishFields | null>(null);
  const [deskDoc, setDeskDoc] = useState<Y.Doc | null>(null);
  const [comments, setComments] = useState(false);
  const [status, setStatus] = useState<SaveStatus>({ state: 'saved' });
  const [fields, setFields] = useState({ title: draft.title, dek: draft.dek, byline: draft.byline });
  const [metadata, setMetadata] = useState<Metadata>({
    dateline: draft.dateline,
    slug: draft.slug,
    slugEdited: draft.slugEdited,
    editorNote: draft.editorNote,
    wordTarget: draft.wordTarget,
    tags: draft.tags,
  });
  const [draftStatus, setDraftStatus] = useState<DraftStatus>(draft.status);
  const [counts, setCounts] = useState<DraftCounts | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [history, setHistory] = useState(false);
  const [typewriter, setTypewriter] = useState(false);
  const editorRef = useRef<LexicalEditor | null>(null);
  const saver = useMemo(() => new DraftSaver(draft.id, draft.revision, setStatus), [draft.id, draft.revision]);

  // Leaving the draft, hiding the tab or closing the window saves what is waiting. A window
  // that would close with a save still under way waits for it (the desktop app closes
  // itself once it is stored; a browser asks first).
  useEffect(() => {
    const flush = () => void saver.flush();
    const onHidden = () => document.visibilityState === 'hidden' && flush();
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!saver.busy) return;
      event.preventDefault();
      event.returnValue = '';
      void saver.flush().then(() => window.close());
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('visibilitychange', onHidden);
      flush();
    };
  }, [saver]);

  const initialConfig: InitialConfigType = {
    namespace: 'dateline-draft',
    theme: editorTheme,
    nodes: EDITOR_NODES,
    // A shared draft's body is its desk document's: the collaboration plugin fills it.
    editorState: desk.story ? null : (draft.editorState ?? undefined),
    // An update the editor could not apply (a paste nested too deeply) is not made; the draft
    // as it was stays, and is what gets saved.
    onError: (error) =>
      setStatus({
        state: 'error',
        message:
          error instanceof RangeError
            ? 'That change nests too deeply for the editor and was not made.'
            : `The editor could not make that change (${error.message}).`,
        retryInMs: null,
      }),
  };

  const changeField = (name: keyof typeof fields) => (value: string) => {
    setFields((current) => ({ ...current, [name]: value }));
    saver.changeFields({ [name]: value });
  };

  const changeMetadata = (patch: Partial<Metadata>) => {
    setMetadata((current) => ({ ...current, ...patch }));
    const { tags: _tags, slugEdited: _edited, ...stored } = patch;
    if (Object.keys(stored).length) saver.changeFields(stored as DraftFields);
    const { slug, dateline, wordTarget } = patch;
    publishFields.current?.({ slug, dateline, wordTarget });
  };

  const changeStatus = (next: DraftStatus) => {
    setDraftStatus(next);
    saver.changeFields({ status: next });
    publishFields.current?.({ status: next });
    void saver.flush();
  };

  const changeAssignee = (next: string) => {
    setAssignee(next);
    publishFields.current?.({ assignee: next });
  };

  // A shared story's fields as its collaborators set them: kept in the draft as if typed here.
  const deskFields = useRef({ draftStatus, metadata, assignee });
  deskFields.current = { draftStatus, metadata, assignee };
  const currentFields = useCallback(
    (): SharedFields => ({
      status: deskFields.current.draftStatus,
      assignee: deskFields.current.assignee,
      slug: deskFields.current.metadata.slug,
      dateline: deskFields.current.metadata.dateline,
      wordTarget: deskFields.current.metadata.wordTarget,
    }),
    [],
  );
  const onDeskFields = useCallback(
    ({ assignee: assigned, status: nextStatus, ...stored }: Partial<SharedFields>) => {
      if (assigned !== undefined) setAssignee(assigned);
      if (nextStatus) setDraftStatus(nextStatus);
      // A slug a collaborator set is fixed, as if set here (an empty one follows the headline).
      setMetadata((current) => ({ ...current, ...stored, ...(stored.slug !== undefined ? { slugEdited: stored.slug !== '' } : {}) }));
      const draftFields: DraftFields = { ...stored, ...(nextStatus ? { status: nextStatus } : {}) };
      if (Object.keys(draftFields).length) saver.changeFields(draftFields);
    },
    [saver],
  );
  const allowedStatuses = desk.story && deskStatus?.user?.role === 'reporter' ? (REPORTER_STATUSES as ReadonlySet<DraftStatus>) : undefined;

  const flush = () => void saver.flush();
  const share = async () => {
    await saver.flush();
    try {
      const { story } = await call('desk.share', { id: draft.id });
      const body = editorRef.current ? JSON.stringify(editorRef.current.getEditorState().toJSON()) : null;
      // The editor opens again on the desk's document: from the draft as now stored (its
      // revision moved on with every save), or its first save would be refused as a conflict.
      onShared(story, body, await call('articles.get', { id: draft.id }));
    } catch (error) {
      setNotice(`Could not share the draft: ${messageOf(error)}`);
    }
  };
  const onCounts = useCallback((next: DraftCounts) => setCounts(next), []);
  const onNotice = useCallback((message: string) => setNotice(message), []);

  // What is typed is saved first, so Undo brings the draft back as it was left.
  const remove = async () => {
    await saver.flush();
    const batch = deletions.schedule([{ id: draft.id, title: fields.title }]);
    if (batch) onDeleted(batch);
  };

  // A private draft opens again as restored. A shared one takes the version into its editor,
  // one change in the story's document that every collaborator receives (opened again, the
  // document would bring back what was there).
  const restored = (restoredDraft: Article) => {
    const editor = editorRef.current;
    if (!desk.story || !editor || !restoredDraft.editorState) return onRestored();
    saver.rebase(restoredDraft.revision);
    setFields({ title: restoredDraft.title, dek: restoredDraft.dek, byline: restoredDraft.byline });
    editor.setEditorState(editor.parseEditorState(restoredDraft.editorState));
  };

  // One panel beside the story at a time: its history, or its comments.
  const showHistory = () => {
    setComments(false);
    setHistory(true);
  };
  const openComments = useCallback(() => {
    setHistory(false);
    setComments(true);
  }, []);
  const closeComments = useCallback(() => setComments(false), []);

  const format = (style: TextFormatType) => () => editorRef.current?.dispatchCommand(FORMAT_TEXT_COMMAND, style);
  useCommands([
    {
      id: 'editor.headline',
      title: 'Go to the headline',
      section: 'Writing',
      run: () => document.querySelector<HTMLElement>('.headline-input')?.focus(),
    },
    { id: 'editor.body', title: 'Go to the story', section: 'Writing', run: () => editorRef.current?.focus() },
    { id: 'editor.bold', title: 'Bold', section: 'Writing', shortcut: `${MOD}B`, run: format('bold') },
    { id: 'editor.italic', title: 'Italic', section: 'Writing', shortcut: `${MOD}I`, run: format('italic') },
    { id: 'editor.underline', title: 'Underline', section: 'Writing', shortcut: `${MOD}U`, run: format('underline') },
    {
      id: 'editor.undo',
      title: 'Undo',
      section: 'Writing',
      shortcut: `${MOD}Z`,
      run: () => editorRef.current?.dispatchCommand(UNDO_COMMAND, undefined),
    },
    {
      id: 'editor.redo',
      title: 'Redo',
      section: 'Writing',
      shortcut: `${MOD}Shift+Z`,
      run: () => editorRef.current?.dispatchCommand(REDO_COMMAND, undefined),
    },
    {
      id: 'editor.plain-paste',
      title: 'Paste as plain text',
      section: 'Writing',
      shortcut: `${MOD}Shift+V`,
      run: () => editorRef.current?.focus(),
    },
    {
      id: 'editor.history',
      title: 'Show the draft’s history',
      section: 'Writing',
      run: () => void saver.flush().then(showHistory),
    },
    ...(desk.story
      ? [
          {
            id: 'editor.comment',
            title: 'Comment on the selection',
            section: 'Writing',
            shortcut: `${MOD}Shift+M`,
            keys: { key: 'm', mod: true, shift: true, inFields: true },
            run: () => editorRef.current?.dispatchCommand(COMMENT_COMMAND, undefined),
          },
        ]
      : []),
    { id: 'editor.export', title: 'Export the draft…', section: 'Writing', run: () => void saver.flush().then(onExport) },
    { id: 'editor.delete', title: 'Delete the draft', section: 'Writing', run: () => void remove() },
  ]);

  return (
    <div className={`draft-editor${history || comments ? ' with-panel' : ''}`}>
      <LexicalComposer initialConfig={initialConfig}>
        <div className="editor-chrome">
          <Toolbar />
          <div className="editor-actions">
            <StatusSelect value={draftStatus} allowed={allowedStatuses} onChange={changeStatus} />
            <button type="button" title="Focus mode (Ctrl+Shift+D)" onClick={onFocusMode}>
              Focus
            </button>
            <button
              type="button"
              aria-pressed={history}
              onClick={() => void saver.flush().then(() => (history ? setHistory(false) : showHistory()))}
            >
              History
            </button>
            {desk.story && (
              <button
                type="button"
                aria-pressed={comments}
                title={`Comment on the selected words (${MOD}Shift+M)`}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => (comments ? closeComments() : editorRef.current?.dispatchCommand(COMMENT_COMMAND, undefined))}
              >
                Comments
              </button>
            )}
            <button type="button" onClick={() => void saver.flush().then(onExport)}>
              Export…
            </button>
            {desk.story && (
              <span className="desk-story" title="Pass this on to the people the desk shares the story with">
                Desk story <code data-testid="desk-story">{desk.story}</code>
              </span>
            )}
            {desk.configured && !desk.story && (
              <button type="button" onClick={() => void share()}>
                Share to desk
              </button>
            )}
            <button type="button" className="danger" onClick={remove}>
              Delete
            </button>
          </div>
        </div>
        <div className="editor-columns">
          <div className={`editor-page${focusMode ? ' focus' : ''}`}>
            <MetaField
              label="Headline"
              className="headline-input"
              value={fields.title}
              startHere={fresh}
              onChange={changeField('title')}
              onBlur={flush}
            />
            <MetaField
              label="Dek"
              placeholder="Dek: the line under the headline"
              className="dek-input"
              value={fields.dek}
              onChange={changeField('dek')}
              onBlur={flush}
            />
            <MetaField label="Byline" className="byline-input" value={fields.byline} onChange={changeField('byline')} onBlur={flush} />
            {!focusMode && <MetadataPanel article={draft} title={fields.title} metadata={metadata} onChange={changeMetadata} />}
            {desk.story && !focusMode && <DeskBar people={people} assignee={assignee} onAssignee={changeAssignee} />}
            <div className="editor-body">
              <RichTextPlugin
                contentEditable={
                  // Dateline's own spell checker marks the words (spelling/): the browser's would
                  // mark them twice, and Electron's downloads its dictionaries.
                  <ContentEditable className="editor-content" aria-label="Article body" spellCheck={false} />
                }
                placeholder={<div className="editor-placeholder">Start writing…</div>}
                ErrorBoundary={LexicalErrorBoundary}
              />
            </div>
            {desk.story ? (
              <DeskPlugin
                articleId={draft.id}
                story={desk.story}
                joined={desk.joined}
                initialEditorState={seed ?? draft.editorState}
                fields={currentFields}
                publishRef={publishFields}
                onFields={onDeskFields}
                onStatus={setDeskStatus}
                onPeople={setPeople}
                onDoc={setDeskDoc}
              />
            ) : (
              <BoundedHistoryPlugin />
            )}
            <ListPlugin />
            <LinkPlugin validateUrl={isAllowedLink} />
            <LinkEditorPlugin />
            <HorizontalRulePlugin />
            <TablePlugin hasCellMerge={false} hasCellBackgroundColor={false} />
            <MarkdownShortcutPlugin transformers={MARKDOWN_SHORTCUTS} />
            <PastePlugin onNotice={onNotice} />
            <ImagesPlugin articleId={draft.id} onNotice={onNotice} />
            <AutosavePlugin saver={saver} />
            <CountsPlugin onCounts={onCounts} />
            <SpellCheckPlugin />
            <EditorRefPlugin editorRef={editorRef} />
            <FocusPlugin focus={focusMode} typewriter={typewriter} />
          </div>
          {deskDoc && (
            <CommentsPlugin
              doc={deskDoc}
              author={deskStatus?.user?.name ?? 'You'}
              open={comments}
              onOpen={openComments}
              onClose={closeComments}
              onNotice={onNotice}
            />
          )}
          {history && (
            <RevisionsPanel
              articleId={draft.id}
              currentText={() => editorRef.current?.getEditorState().read(() => $getRoot().getTextContent()) ?? draft.text}
              beforeChange={() => saver.flush()}
              onRestored={restored}
              onClose={() => setHistory(false)}
            />
          )}
        </div>
      </LexicalComposer>
      {notice && (
        <div className="editor-notice" role="status">
          {notice}
          <button type="button" aria-label="Dismiss" onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      )}
      <StatusBar
        counts={counts}
        headline={fields.title}
        target={metadata.wordTarget}
        status={status}
        typewriter={typewriter}
        onTypewriter={setTypewriter}
        desk={desk.story ? { story: desk.story, status: deskStatus } : null}
      />
    </div>
  );
}

function StatusBar({
  counts,
  headline,
  target,
  status,
  typewriter,
  onTypewriter,
  desk,
}: {
  desk: { story: string; status: DeskStatus | null } | null;
  counts: DraftCounts | null;
  headline: string;
  target: number | null;
  status: SaveStatus;
  typewriter: boolean;
  onTypewriter: (on: boolean) => void;
}) {
  const words = counts?.words ?? 0;
  return (
    <footer className="status-bar" aria-label="Draft status">
      <span className="counts">
        {/* Nothing until the draft is counted (at once, as it opens): never a "0 words" first. */}
        {counts && (
          <span data-testid="word-count">
            {words.toLocaleString()} {words === 1 ? 'word' : 'words'}
          </span>
        )}
        {counts && (
          <>
            <span data-testid="character-count">{counts.characters.toLocaleString()} characters</span>
            <span data-testid="paragraph-count">
              {counts.paragraphs} {counts.paragraphs === 1 ? 'paragraph' : 'paragraphs'}
            </span>
            {words > 0 && <span>{readingMinutes(words)} min read</span>}
            {counts.captionWords > 0 && <span data-testid="caption-count">captions {counts.captionWords} words</span>}
            {counts.selectionCharacters > 0 && (
              <span data-testid="selection-count">
                selected {counts.selectionWords} words, {counts.selectionCharacters} characters
              </span>
            )}
          </>
        )}
        <span data-testid="headline-length">headline {[...headline].length} characters</span>
        {target && (
          <span className="target" data-testid="word-target">
            <progress max={target} value={Math.min(words, target)} aria-label="Progress towards the length goal" />{' '}
            {Math.round((words / target) * 100)}% of {target.toLocaleString()}
          </span>
        )}
        {counts && counts.placeholders > 0 && (
          <span className="tk-warning" role="alert" data-testid="tk-count">
            {counts.placeholders} TK {counts.placeholders === 1 ? 'placeholder' : 'placeholders'} left
          </span>
        )}
      </span>
      <span className="status-right">
        {desk && (
          <span
            className={`desk-status ${desk.status?.state ?? 'offline'}`}
            role="status"
            data-testid="desk-status"
            title={`Desk story ${desk.story}${desk.status?.reason ? `: ${desk.status.reason}` : ''}`}
          >
            Desk: {desk.status ? DESK_TEXT[desk.status.state] : 'Connecting…'}
            {desk.status?.state === 'not-connected' && desk.status.reason ? ` (${desk.status.reason})` : ''}
          </span>
        )}
        <label className="typewriter-toggle">
          <input type="checkbox" checked={typewriter} onChange={(event) => onTypewriter(event.target.checked)} /> Typewriter
        </label>
        <span className={`save-status ${status.state}`} role="status" data-testid="save-status">
          {STATUS_TEXT[status.state]}
          {status.state === 'error' ? `: ${status.message}` : ''}
          {status.state === 'error' && status.retryInMs !== null ? ` Trying again in ${Math.round(status.retryInMs / 1000)} s.` : ''}
        </span>
      </span>
    </footer>
  );
}

interface MetaFieldProps {
  label: string;
  className: string;
  value: string;
  placeholder?: string;
  startHere?: boolean;
  onChange: (value: string) => void;
  onBlur: () => void;
}

/** One line of newsroom metadata above the body; it grows with its text. */
function MetaField({ label, className, value, placeholder, startHere, onChange, onBlur }: MetaFieldProps) {
  return (
    <textarea
      autoFocus={startHere}
      className={className}
      aria-label={label}
      placeholder={placeholder ?? label}
      rows={1}
      value={value}
      onChange={(event) => onChange(event.target.value.replace(/\n/g, ' '))}
      onBlur={onBlur}
    />
  );
}
