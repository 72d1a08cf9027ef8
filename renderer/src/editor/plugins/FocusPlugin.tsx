import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection } from 'lexical';
import { useEffect } from 'react';

/**
 * Focus mode marks the paragraph being written so the rest can fade; typewriter scrolling
 * keeps the line being typed in the middle of the window.
 */
export function FocusPlugin({ focus, typewriter }: { focus: boolean; typewriter: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (!focus && !typewriter) return;
    let marked: HTMLElement | null = null;
    const stop = editor.registerUpdateListener(({ editorState }) => {
      const key = editorState.read(() => {
        const selection = $getSelection();
        if (!$isRangeSelection(selection)) return null;
        const anchor = selection.anchor.getNode();
        return anchor.getKey() === 'root' ? null : (anchor.getTopLevelElement()?.getKey() ?? null);
      });
      const element = key ? editor.getElementByKey(key) : null;
      if (focus && element !== marked) {
        marked?.removeAttribute('data-current');
        element?.setAttribute('data-current', '');
        marked = element;
      }
      if (typewriter) requestAnimationFrame(centreCaret);
    });
    return () => {
      stop();
      marked?.removeAttribute('data-current');
    };
  }, [editor, focus, typewriter]);
  return null;
}

function centreCaret(): void {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return;
  const caret = selection.getRangeAt(0).getBoundingClientRect();
  const pane = document.querySelector('.content-pane');
  if (!pane || caret.height === 0) return;
  const box = pane.getBoundingClientRect();
  pane.scrollBy({ top: caret.top - (box.top + box.height / 2) });
}
