import { $getMarkIDs, $isMarkNode, $wrapSelectionInMarkNode, MarkNode } from '@lexical/mark';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  COMMAND_PRIORITY_EDITOR,
  createCommand,
  type LexicalCommand,
  type NodeKey,
  type RangeSelection,
} from 'lexical';
import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { SidePanel } from '../../panels/SidePanel.tsx';
import { CommentStore, MAX_COMMENT_CHARACTERS, type CommentThread } from './comment-store.ts';

/** Opens the comments beside a shared story, starting a thread on the selected words if any. */
export const COMMENT_COMMAND: LexicalCommand<void> = createCommand('DATELINE_COMMENT');

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

interface Composing {
  selection: RangeSelection;
  quote: string;
}

/**
 * Comments on a shared story (the Lexical playground's comment plugin, shaped for the desk):
 * threads live in the story's document (CommentStore), the passage each is on is a mark in
 * the text, so it moves as the text is edited, and a thread whose passage was deleted stays
 * in the panel as detached. Resolved threads keep their mark, unhighlighted.
 */
export function CommentsPlugin({
  doc,
  author,
  open,
  onOpen,
  onClose,
  onNotice,
}: {
  doc: Y.Doc;
  /** This person's name on the desk, which their comments carry. */
  author: string;
  open: boolean;
  onOpen: () => void;
  onClose: () => void;
  onNotice: (message: string) => void;
}) {
  const [editor] = useLexicalComposerContext();
  const store = useMemo(() => new CommentStore(doc), [doc]);
  const [threads, setThreads] = useState<CommentThread[]>(() => store.list());
  // Which thread ids are marked in the text, and by which nodes (a passage may be split).
  const [marks, setMarks] = useState<Map<string, NodeKey[]>>(new Map());
  const [active, setActive] = useState<string[]>([]);
  const [composing, setComposing] = useState<Composing | null>(null);

  useEffect(() => {
    setThreads(store.list());
    return store.observe(() => setThreads(store.list()));
  }, [store]);

  useEffect(() => {
    const keysById = new Map<string, Set<NodeKey>>();
    const publish = () => setMarks(new Map([...keysById].map(([id, keys]) => [id, [...keys]])));
    return mergeRegister(
      editor.registerMutationListener(
        MarkNode,
        (mutations) => {
          editor.getEditorState().read(() => {
            for (const [key, mutation] of mutations) {
              for (const keys of keysById.values()) keys.delete(key);
              if (mutation === 'destroyed') continue;
              const node = $getNodeByKey(key);
              if (!$isMarkNode(node)) continue;
              for (const id of node.getIDs()) {
                if (!keysById.has(id)) keysById.set(id, new Set());
                keysById.get(id)!.add(key);
              }
            }
            for (const [id, keys] of keysById) if (!keys.size) keysById.delete(id);
          });
          publish();
        },
        { skipInitialization: false },
      ),
      editor.registerUpdateListener(({ editorState }) => {
        const ids = editorState.read(() => {
          const selection = $getSelection();
          if (!$isRangeSelection(selection)) return [];
          const node = selection.anchor.getNode();
          return $isTextNode(node) ? ($getMarkIDs(node, selection.anchor.offset) ?? []) : [];
        });
        setActive((current) => (current.join() === ids.join() ? current : ids));
      }),
    );
  }, [editor]);

  // Kept apart from the marks' listeners: opening the panel must not make them count again.
  useEffect(
    () =>
      editor.registerCommand(
        COMMENT_COMMAND,
        () => {
          const selected = editor.getEditorState().read(() => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection) || selection.isCollapsed()) return null;
            return { selection: selection.clone(), quote: selection.getTextContent() };
          });
          if (selected && selected.quote.trim()) setComposing(selected);
          else if (!open) onNotice('Select the words to comment on, then Comment.');
          onOpen();
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor, open, onOpen, onNotice],
  );

  // A resolved thread's passage stays marked but is not highlighted.
  useEffect(() => {
    const resolved = new Set(threads.filter((thread) => thread.resolved).map((thread) => thread.id));
    for (const [id, keys] of marks) {
      for (const key of keys) {
        const element = editor.getElementByKey(key);
        element?.classList.toggle('resolved', resolved.has(id));
        element?.classList.toggle('active', active.includes(id));
      }
    }
  }, [editor, marks, threads, active]);

  const start = (text: string) => {
    if (!composing) return;
    const { selection, quote } = composing;
    const id = store.start(quote, text, author);
    editor.update(() => $wrapSelectionInMarkNode(selection, selection.isBackward(), id));
    setComposing(null);
  };

  const show = (id: string) => editor.getElementByKey(marks.get(id)?.[0] ?? '')?.scrollIntoView({ block: 'center' });

  if (!open) return null;
  const openThreads = threads.filter((thread) => !thread.resolved);
  const resolvedThreads = threads.filter((thread) => thread.resolved);
  const threadView = (thread: CommentThread) => (
    <Thread
      key={thread.id}
      thread={thread}
      detached={!marks.has(thread.id)}
      active={active.includes(thread.id)}
      onShow={() => show(thread.id)}
      onReply={(text) => store.reply(thread.id, text, author)}
      onResolved={(resolved) => store.setResolved(thread.id, resolved, author)}
    />
  );
  return (
    <SidePanel className="comments" label="Comments" title="Comments" closeLabel="Close comments" onClose={onClose}>
      {composing && (
        <div className="comment-composer">
          <blockquote>{composing.quote}</blockquote>
          <CommentBox label="New comment" submit="Comment" onSubmit={start} onCancel={() => setComposing(null)} autoFocus />
        </div>
      )}
      {!threads.length && !composing && <p className="muted">No comments yet. Select words in the story, then Comment.</p>}
      <ol className="comment-threads">{openThreads.map(threadView)}</ol>
      {resolvedThreads.length > 0 && (
        <details className="resolved-threads">
          <summary>Resolved ({resolvedThreads.length})</summary>
          <ol className="comment-threads">{resolvedThreads.map(threadView)}</ol>
        </details>
      )}
    </SidePanel>
  );
}

function Thread({
  thread,
  detached,
  active,
  onShow,
  onReply,
  onResolved,
}: {
  thread: CommentThread;
  detached: boolean;
  active: boolean;
  onShow: () => void;
  onReply: (text: string) => void;
  onResolved: (resolved: boolean) => void;
}) {
  const [replying, setReplying] = useState(false);
  return (
    <li className={`comment-thread${active ? ' active' : ''}${detached ? ' detached' : ''}`} aria-label={`Comment on “${thread.quote}”`}>
      {detached ? (
        <p className="comment-detached">
          Detached: the words it was on were deleted. <q>{thread.quote}</q>
        </p>
      ) : (
        <button type="button" className="comment-quote" onClick={onShow} title="Show in the story">
          {thread.quote}
        </button>
      )}
      <ol className="comment-list">
        {thread.comments.map((comment) => (
          <li key={comment.id}>
            <div className="comment-meta">
              <strong>{comment.author}</strong>{' '}
              <time dateTime={new Date(comment.createdAt).toISOString()}>{time.format(comment.createdAt)}</time>
            </div>
            <p className="comment-text">{comment.text}</p>
          </li>
        ))}
      </ol>
      {thread.resolved && thread.resolvedBy && <p className="muted">Resolved by {thread.resolvedBy}</p>}
      <div className="comment-actions">
        {!thread.resolved && !replying && (
          <button type="button" onClick={() => setReplying(true)}>
            Reply
          </button>
        )}
        <button type="button" onClick={() => onResolved(!thread.resolved)}>
          {thread.resolved ? 'Reopen' : 'Resolve'}
        </button>
      </div>
      {replying && (
        <CommentBox
          label="Reply"
          submit="Reply"
          autoFocus
          onSubmit={(text) => {
            onReply(text);
            setReplying(false);
          }}
          onCancel={() => setReplying(false)}
        />
      )}
    </li>
  );
}

function CommentBox({
  label,
  submit,
  autoFocus,
  onSubmit,
  onCancel,
}: {
  label: string;
  submit: string;
  autoFocus?: boolean;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState('');
  const send = () => text.trim() && onSubmit(text.trim());
  return (
    <form
      className="comment-box"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <textarea
        aria-label={label}
        value={text}
        maxLength={MAX_COMMENT_CHARACTERS}
        rows={3}
        autoFocus={autoFocus}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) send();
          if (event.key === 'Escape') onCancel();
        }}
      />
      <div className="comment-box-actions">
        <button type="submit" disabled={!text.trim()}>
          {submit}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
