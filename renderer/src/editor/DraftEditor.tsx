import { ListItemNode, ListNode } from '@lexical/list';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { $getRoot, BLUR_COMMAND, COMMAND_PRIORITY_LOW, mergeRegister } from 'lexical';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Article, DraftFields } from '../../../electron/common/model.ts';
import { countWords, readingMinutes } from '../../../electron/common/text.ts';
import { call, messageOf } from '../client/api.ts';
import { DraftSaver, type SaveStatus } from './draft-saver.ts';
import { editorTheme } from './theme.ts';
import { Toolbar } from './Toolbar.tsx';

const STATUS_TEXT: Record<SaveStatus['state'], string> = {
  saved: 'Saved',
  pending: 'Not saved yet',
  saving: 'Saving…',
  error: 'Not saved',
};

export function DraftEditor({ draft, onDeleted, onExport }: { draft: Article; onDeleted: () => void; onExport: () => void }) {
  const [status, setStatus] = useState<SaveStatus>({ state: 'saved' });
  const [fields, setFields] = useState<Required<Pick<DraftFields, 'title' | 'dek' | 'byline'>>>({
    title: draft.title,
    dek: draft.dek,
    byline: draft.byline,
  });
  const [words, setWords] = useState(draft.wordCount);
  const saver = useMemo(() => new DraftSaver(draft.id, draft.revision, setStatus), [draft.id, draft.revision]);
  const changeField = (name: keyof typeof fields) => (value: string) => {
    setFields((current) => ({ ...current, [name]: value }));
    saver.changeFields({ [name]: value });
  };

  // Leaving the draft, hiding the tab or closing the window saves what is waiting.
  useEffect(() => {
    const flush = () => void saver.flush();
    const onHidden = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
      flush();
    };
  }, [saver]);

  const initialConfig: InitialConfigType = {
    namespace: 'dateline-draft',
    theme: editorTheme,
    nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode],
    editorState: draft.editorState ?? undefined,
    onError: (error) => setStatus({ state: 'error', message: error.message }),
  };

  const flush = () => void saver.flush();

  const remove = async () => {
    if (!window.confirm('Delete this draft? This cannot be undone.')) return;
    try {
      await call('articles.delete', { id: draft.id });
      onDeleted();
    } catch (reason) {
      setStatus({ state: 'error', message: messageOf(reason) });
    }
  };

  return (
    <div className="draft-editor">
      <LexicalComposer initialConfig={initialConfig}>
        <div className="editor-chrome">
          <Toolbar />
          <div className="editor-actions">
            <button
              type="button"
              onClick={() => {
                void saver.flush().then(onExport);
              }}
            >
              Export…
            </button>
            <button type="button" className="danger" onClick={remove}>
              Delete draft
            </button>
          </div>
        </div>
        <div className="editor-page">
          <MetaField label="Headline" className="headline-input" value={fields.title} onChange={changeField('title')} onBlur={flush} />
          <MetaField
            label="Dek"
            placeholder="Dek: the line under the headline"
            className="dek-input"
            value={fields.dek}
            onChange={changeField('dek')}
            onBlur={flush}
          />
          <MetaField label="Byline" className="byline-input" value={fields.byline} onChange={changeField('byline')} onBlur={flush} />
          <div className="editor-body">
            <RichTextPlugin
              contentEditable={<ContentEditable className="editor-content" aria-label="Article body" spellCheck />}
              placeholder={<div className="editor-placeholder">Start writing…</div>}
              ErrorBoundary={LexicalErrorBoundary}
            />
          </div>
          <HistoryPlugin />
          <ListPlugin />
          <AutosavePlugin saver={saver} onWords={setWords} />
        </div>
      </LexicalComposer>
      <footer className="status-bar" aria-label="Draft status">
        <span data-testid="word-count">
          {words.toLocaleString()} {words === 1 ? 'word' : 'words'}
          {words > 0 ? ` · ${readingMinutes(words)} min read` : ''}
        </span>
        <span className={`save-status ${status.state}`} role="status" data-testid="save-status">
          {STATUS_TEXT[status.state]}
          {status.state === 'error' ? `: ${status.message}` : ''}
        </span>
      </footer>
    </div>
  );
}

interface MetaFieldProps {
  label: string;
  className: string;
  value: string;
  placeholder?: string;
  onChange: (value: string) => void;
  onBlur: () => void;
}

/** One line of newsroom metadata above the body; it grows with its text. */
function MetaField({ label, className, value, placeholder, onChange, onBlur }: MetaFieldProps) {
  return (
    <textarea
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

/** Hands every content change to the saver and keeps the word count current. */
function AutosavePlugin({ saver, onWords }: { saver: DraftSaver; onWords: (words: number) => void }) {
  const [editor] = useLexicalComposerContext();
  const countTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, tags }) => {
          if ((dirtyElements.size === 0 && dirtyLeaves.size === 0) || tags.has('history-merge')) return;
          saver.changeBody(() => JSON.stringify(editorState.toJSON()));
          if (countTimer.current) clearTimeout(countTimer.current);
          countTimer.current = setTimeout(() => {
            onWords(editorState.read(() => countWords($getRoot().getTextContent())));
          }, 150);
        }),
        editor.registerCommand(
          BLUR_COMMAND,
          () => {
            void saver.flush();
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor, saver, onWords],
  );
  return null;
}
