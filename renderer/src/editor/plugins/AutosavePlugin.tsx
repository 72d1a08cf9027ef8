import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { BLUR_COMMAND, COMMAND_PRIORITY_LOW, mergeRegister } from 'lexical';
import { useEffect } from 'react';
import type { DraftSaver } from '../draft-saver.ts';

/**
 * Hands every content change to the saver, which serializes the document only when it
 * actually saves; leaving the editor saves at once.
 */
export function AutosavePlugin({ saver }: { saver: DraftSaver }) {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, tags }) => {
          if ((dirtyElements.size === 0 && dirtyLeaves.size === 0) || tags.has('history-merge')) return;
          saver.changeBody(() => JSON.stringify(editorState.toJSON()));
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
    [editor, saver],
  );
  return null;
}
