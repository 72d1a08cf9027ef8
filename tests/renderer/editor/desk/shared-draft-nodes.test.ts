// @vitest-environment jsdom
import { $wrapSelectionInMarkNode } from '@lexical/mark';
import { createBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical, type Provider } from '@lexical/yjs';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  createEditor,
  type LexicalEditor,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { $createImageNode } from '../../../../renderer/src/editor/nodes/ImageNode.tsx';
import { EDITOR_NODES } from '../../../../renderer/src/editor/nodes/index.ts';
import { $createPullQuoteNode } from '../../../../renderer/src/editor/nodes/PullQuoteNode.tsx';

/** An editor with the app's nodes, bound to a document as Lexical's collaboration plugin binds it. */
function collaborator(doc: Y.Doc): LexicalEditor {
  const editor = createEditor({
    nodes: [...EDITOR_NODES],
    onError: (error) => {
      throw error;
    },
  });
  const provider = { awareness: new Awareness(doc) } as unknown as Provider;
  const binding = createBinding(editor, provider, 'story', doc, new Map([['story', doc]]));
  binding.root.getSharedType().observeDeep((events, transaction) => {
    if (transaction.origin !== binding) syncYjsChangesToLexical(binding, provider, events, false);
  });
  editor.registerUpdateListener(({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) =>
    syncLexicalUpdateToYjs(binding, provider, prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags),
  );
  return editor;
}

const stored = (editor: LexicalEditor) => JSON.stringify(editor.getEditorState().toJSON());
const settled = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('a shared draft', () => {
  it('carries pictures, pull quotes and comment marks to the other editor (each node made with no arguments)', async () => {
    const anaDoc = new Y.Doc();
    const benDoc = new Y.Doc();
    anaDoc.on('update', (update: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(benDoc, update, 'peer'));
    benDoc.on('update', (update: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(anaDoc, update, 'peer'));
    const ana = collaborator(anaDoc);
    const ben = collaborator(benDoc);
    await settled();

    ana.update(() => {
      const text = $createTextNode('Ferries resume at dawn.');
      $getRoot().append(
        $createParagraphNode().append(text),
        $createImageNode({ mediaId: 7, altText: 'The harbour', caption: 'Ferries at dawn', credit: 'Ana Ruiz' }),
        $createPullQuoteNode({ quote: 'We sail at six.', attribution: 'The harbour master' }),
      );
      text.select(18, 23);
    });
    await settled();
    ana.update(() => {
      const selection = $getSelection();
      if ($isRangeSelection(selection)) $wrapSelectionInMarkNode(selection, false, 'thread-1');
    });
    await settled();

    expect(stored(ben)).toContain('"caption":"Ferries at dawn"');
    expect(stored(ben)).toContain('"attribution":"The harbour master"');
    expect(stored(ben)).toContain('"ids":["thread-1"]');
    expect(stored(ben)).toBe(stored(ana));
  });

  it('takes a restored version as one change the other editor receives', async () => {
    const anaDoc = new Y.Doc();
    const benDoc = new Y.Doc();
    const changes: Uint8Array[] = [];
    anaDoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'peer') return;
      changes.push(update);
      Y.applyUpdate(benDoc, update, 'peer');
    });
    benDoc.on('update', (update: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(anaDoc, update, 'peer'));
    const ana = collaborator(anaDoc);
    const ben = collaborator(benDoc);
    await settled();
    ana.update(() => $getRoot().append($createParagraphNode().append($createTextNode('Ferries resume at dawn.'))));
    await settled();
    const version = stored(ana);
    ana.update(() => $getRoot().append($createParagraphNode().append($createTextNode('Talks end.'))));
    await settled();
    expect(stored(ben)).toContain('Talks end.');

    changes.length = 0;
    ana.setEditorState(ana.parseEditorState(version));
    await settled();
    expect(changes).toHaveLength(1);
    expect(stored(ben)).toBe(version);
  });
});
