import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';

/** Undo and redo, keeping the last `maxDepth` steps so hours of typing do not pile up in memory. */
export function BoundedHistoryPlugin({ maxDepth = 500, delay = 1000 }: { maxDepth?: number; delay?: number }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerHistory(editor, createEmptyHistoryState(), delay, undefined, undefined, maxDepth), [editor, delay, maxDepth]);
  return null;
}
