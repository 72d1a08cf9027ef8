import { $isLinkNode, $toggleLink } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent } from '@lexical/utils';
import {
  $createRangeSelectionFromDom,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_LOW,
  createCommand,
  KEY_DOWN_COMMAND,
  mergeRegister,
  type BaseSelection,
} from 'lexical';
import { useEffect, useRef, useState } from 'react';
import { normaliseLink } from './links.ts';

/** Opens the link editor for the selection (toolbar button, Ctrl/Cmd+K). */
export const EDIT_LINK_COMMAND = createCommand<void>('EDIT_LINK_COMMAND');

interface Popover {
  url: string;
  top: number;
  left: number;
  isNew: boolean;
}

/**
 * A small popover under a link: change its address, or remove it. Only http, https and
 * mailto addresses are accepted.
 */
export function LinkEditorPlugin() {
  const [editor] = useLexicalComposerContext();
  const [popover, setPopover] = useState<Popover | null>(null);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement | null>(null);
  // The text the popover was opened for: typing in the popover takes focus from the editor.
  const target = useRef<BaseSelection | null>(null);

  useEffect(() => {
    /** What the popover is for, from the selection as it is now. Call where $ functions work. */
    const $describe = (forceNew: boolean): { url: string; isNew: boolean; selection: BaseSelection } | null => {
      // A keydown can arrive before the browser's selectionchange has reached Lexical, so the
      // page's own selection, which is always current, decides what is being linked.
      const dom = forceNew ? window.getSelection() : null;
      const selection = (dom && dom.rangeCount ? $createRangeSelectionFromDom(dom, editor) : null) ?? $getSelection();
      if (!$isRangeSelection(selection)) return null;
      const link = $findMatchingParent(selection.anchor.getNode(), $isLinkNode);
      if (link) return { url: link.getURL(), isNew: false, selection: selection.clone() };
      return forceNew && !selection.isCollapsed() ? { url: '', isNew: true, selection: selection.clone() } : null;
    };
    const show = (state: ReturnType<typeof $describe>, forceNew: boolean) => {
      if (!state) {
        if (!forceNew) setPopover((open) => (open === null ? open : null));
        return;
      }
      const range = window.getSelection()?.rangeCount ? window.getSelection()!.getRangeAt(0).getBoundingClientRect() : null;
      const page = document.querySelector('.editor-page')?.getBoundingClientRect();
      if (!range || !page) return;
      target.current = state.selection;
      setPopover({ url: state.url, isNew: state.isNew, top: range.bottom - page.top + 6, left: Math.max(0, range.left - page.left) });
      setDraft(state.url);
      setError(null);
      if (forceNew) requestAnimationFrame(() => input.current?.focus());
    };
    // Command handlers run inside an update, where the selection is the live one.
    const open = () => {
      show($describe(true), true);
      return true;
    };
    return mergeRegister(
      editor.registerUpdateListener(({ editorState }) => {
        // While the person types an address the editor has no selection; keep the popover.
        if (document.activeElement === input.current) return;
        show(
          editorState.read(() => $describe(false)),
          false,
        );
      }),
      editor.registerCommand(EDIT_LINK_COMMAND, open, COMMAND_PRIORITY_LOW),
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'k') {
            event.preventDefault();
            return open();
          }
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
  }, [editor]);

  if (!popover) return null;
  const apply = () => {
    const url = normaliseLink(draft);
    if (!url) {
      setError('Use a web address (https://…) or an e-mail address.');
      return;
    }
    // One update: put back the selection the popover was opened for, link it, and leave the
    // caret after the link, so the next keystroke continues the sentence instead of replacing it.
    editor.update(() => {
      if (target.current) $setSelection(target.current.clone());
      $toggleLink(url);
      const selection = $getSelection();
      if ($isRangeSelection(selection)) {
        const end = selection.isBackward() ? selection.anchor : selection.focus;
        selection.anchor.set(end.key, end.offset, end.type);
        selection.focus.set(end.key, end.offset, end.type);
      }
    });
    target.current = null;
    setPopover(null);
    editor.focus();
  };
  return (
    <div className="link-popover" role="dialog" aria-label="Link" style={{ top: popover.top, left: popover.left }}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          apply();
        }}
      >
        <input
          ref={input}
          aria-label="Link address"
          placeholder="https://"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit">{popover.isNew ? 'Add link' : 'Save'}</button>
        {!popover.isNew && (
          <button
            type="button"
            onClick={() => {
              editor.update(() => {
                if (target.current) $setSelection(target.current.clone());
                $toggleLink(null);
              });
              setPopover(null);
            }}
          >
            Remove
          </button>
        )}
      </form>
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
    </div>
  );
}
