import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { useCallback, useEffect, useRef, type MutableRefObject } from 'react';
import * as Y from 'yjs';
import { DeskProvider, type DeskPerson, type DeskStatus } from './desk-provider.ts';
import { hasSharedFields, observeSharedFields, readSharedFields, writeSharedFields, type SharedFields } from './shared-fields.ts';

/** Writes the story's shared fields changed in this window; null until the story is open. */
export type PublishFields = (patch: Partial<SharedFields>) => void;

/**
 * A shared draft's body, bound to its Yjs document (Lexical's collaboration plugin), the
 * document reached through the app (DeskProvider). A draft shared from here seeds the
 * story with what it held, its desk fields too; a story joined from the desk waits for the
 * desk's text, and takes the desk's fields. The name and colour others see are set by the
 * app's main side from who the desk says this person is (a changed name here would make
 * Lexical's plugin reconnect).
 */
export function DeskPlugin({
  articleId,
  story,
  joined,
  initialEditorState,
  fields,
  publishRef,
  onFields,
  onStatus,
  onPeople,
  onDoc,
}: {
  articleId: number;
  story: string;
  joined: boolean;
  initialEditorState: string | null;
  /** The draft's own values, which seed a story that has none. */
  fields: () => SharedFields;
  publishRef: MutableRefObject<PublishFields | null>;
  onFields: (patch: Partial<SharedFields>) => void;
  onStatus: (status: DeskStatus) => void;
  onPeople: (people: DeskPerson[]) => void;
  /** The story's document, once it is open: its comments live there too. */
  onDoc: (doc: Y.Doc) => void;
}) {
  const doc = useRef<Y.Doc | null>(null);
  const latest = useRef({ fields, onFields });
  latest.current = { fields, onFields };

  const providerFactory = useCallback(
    (id: string, docs: Map<string, Y.Doc>) => {
      const storyDoc = docs.get(id) ?? new Y.Doc();
      docs.set(id, storyDoc);
      doc.current = storyDoc;
      onDoc(storyDoc);
      const provider = new DeskProvider(articleId, storyDoc, { waitForDesk: joined, onStatus, onPeople });
      // A collaborator's change to the fields, or the library's copy as it loads.
      observeSharedFields(storyDoc, (patch) => latest.current.onFields(patch));
      provider.on('sync', () => {
        if (!joined && !hasSharedFields(storyDoc)) writeSharedFields(storyDoc, latest.current.fields());
        else latest.current.onFields(readSharedFields(storyDoc));
      });
      return provider;
    },
    [articleId, joined, onStatus, onPeople, onDoc],
  );

  useEffect(() => {
    publishRef.current = (patch) => doc.current && writeSharedFields(doc.current, patch);
    return () => {
      publishRef.current = null;
    };
  }, [publishRef]);

  return (
    <CollaborationPlugin
      id={story}
      providerFactory={providerFactory}
      shouldBootstrap={!joined}
      initialEditorState={initialEditorState ?? undefined}
    />
  );
}
