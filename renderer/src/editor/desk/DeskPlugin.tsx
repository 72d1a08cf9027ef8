import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { useCallback } from 'react';
import * as Y from 'yjs';
import { DeskProvider, type DeskStatus } from './desk-provider.ts';

/**
 * A shared draft's body, bound to its Yjs document (Lexical's collaboration plugin), the
 * document reached through the app (DeskProvider). A draft shared from here seeds the
 * story with what it held; a story joined from the desk waits for the desk's text.
 */
export function DeskPlugin({
  articleId,
  story,
  joined,
  initialEditorState,
  onStatus,
}: {
  articleId: number;
  story: string;
  joined: boolean;
  initialEditorState: string | null;
  onStatus: (status: DeskStatus) => void;
}) {
  const providerFactory = useCallback(
    (id: string, docs: Map<string, Y.Doc>) => {
      const doc = docs.get(id) ?? new Y.Doc();
      docs.set(id, doc);
      return new DeskProvider(articleId, doc, { waitForDesk: joined, onStatus });
    },
    [articleId, joined, onStatus],
  );
  return (
    <CollaborationPlugin
      id={story}
      providerFactory={providerFactory}
      shouldBootstrap={!joined}
      initialEditorState={initialEditorState ?? undefined}
    />
  );
}
