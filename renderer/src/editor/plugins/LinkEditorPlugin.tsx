import { $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent } from '@lexical/utils';
import {
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
    const place = (forceNew: boolean) => {
      const state = editor.getEditorState().read(() => {
        const selection = $getSelection();
        if (!$isRangeSelection(selection)) return null;
        if (forceNew) target.current = selection.clone();
        const link = $findMatchingParent(selection.anchor.getNode(), $isLinkNode);
        if (link) {
          target.current = selection.clone();
          return { url: link.getURL(), isNew: false };
        }
        return forceNew && !selection.isCollapsed() ? { url: '', isNew: true } : null;
      });
      if (!state) {
        if (!forceNew) setPopover(null);
        return;
      }
      const range = window.getSelection()?.rangeCount ? window.getSelection()!.getRangeAt(0).getBoundingClientRect() : null;
      const page = document.querySelector('.editor-page')?.getBoundingClientRect();
      if (!range || !page) return;
      setPopover({ ...state, top: range.bottom - page.top + 6, left: Math.max(0, range.left - page.left) });
      setDraft(state.url);
      setError(null);
      if (forceNew) requestAnimationFrame(() => input.current?.focus());
    };
    return mergeRegister(
      editor.registerUpdateListener(() => {
        // While the person types an address the editor has no selection; keep the popover.
        if (document.activeElement === input.current) return;
        place(false);
      }),
      editor.registerCommand(
        EDIT_LINK_COMMAND,
        () => {
          place(true);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'k') {
            event.preventDefault();
            place(true);
            return true;
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
    editor.update(() => {
      if (target.current) $setSelection(target.current.clone());
    });
    editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
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
        <input ref={input} aria-label="Link address" placeholder="https://" value={draft} onChange={(event) => setDraft(event.target.value)} />
        <button type="submit">{popover.isNew ? 'Add link' : 'Save'}</button>
        {!popover.isNew && (
          <button
            type="button"
            onClick={() => {
              editor.update(() => {
                if (target.current) $setSelection(target.current.clone());
              });
              editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
              setPopover(null);
            }}
          >
            Remove
          </button>
        )}
      </form>
      {error && <p role="alert" className="inline-error">{error}</p>}
    </div>
  );
}
