import { $generateNodesFromDOM } from '@lexical/html';
import { $insertGeneratedNodes } from '@lexical/clipboard';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  COMMAND_PRIORITY_HIGH,
  KEY_DOWN_COMMAND,
  PASTE_COMMAND,
  mergeRegister,
  type LexicalNode,
} from 'lexical';
import { useEffect, useRef } from 'react';
import { cleanPastedHtml } from './paste-cleanup.ts';
import { INSERT_IMAGE_FILES_COMMAND } from './ImagesPlugin.tsx';
import { bytesFromBase64 } from '../../client/bytes.ts';

/**
 * Paste as clean structure: HTML from Word, Google Docs or a web page is reduced to what a
 * story is made of before Lexical reads it. Shift+Ctrl/Cmd+V pastes plain text.
 */
export function PastePlugin({ onNotice }: { onNotice: (message: string) => void }) {
  const [editor] = useLexicalComposerContext();
  const plainNext = useRef(false);

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'v') {
              plainNext.current = true;
              setTimeout(() => (plainNext.current = false), 1000);
            }
            return false;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          PASTE_COMMAND,
          (event) => {
            const data = event instanceof ClipboardEvent ? event.clipboardData : null;
            if (!data) return false;
            const plain = plainNext.current;
            plainNext.current = false;
            const files = Array.from(data.files).filter((file) => file.type.startsWith('image/'));
            const html = data.getData('text/html');
            if (plain) {
              event.preventDefault();
              const text = data.getData('text/plain');
              editor.update(() => {
                const selection = $getSelection();
                if ($isRangeSelection(selection)) selection.insertRawText(text);
              });
              return true;
            }
            if (!html) {
              if (files.length === 0) return false;
              event.preventDefault();
              editor.dispatchCommand(INSERT_IMAGE_FILES_COMMAND, files);
              return true;
            }
            event.preventDefault();
            const clean = cleanPastedHtml(html);
            editor.update(() => {
              const nodes = $generateNodesFromDOM(editor, clean.body.ownerDocument);
              nodes.forEach(stripPresentation);
              const selection = $getSelection();
              if (selection) $insertGeneratedNodes(editor, nodes, selection);
            });
            const images = clean.images.map(({ src }, index) => dataUrlToFile(src, `pasted-${index + 1}`));
            if (images.length) editor.dispatchCommand(INSERT_IMAGE_FILES_COMMAND, images);
            if (clean.remoteImages) {
              const count = clean.remoteImages === 1 ? 'One image from the web was' : `${clean.remoteImages} images from the web were`;
              onNotice(`${count} left out: Dateline does not fetch pictures while you write. Save them and insert them from a file.`);
            }
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor, onNotice],
  );
  return null;
}

/** No inline style, alignment or indentation survives a paste. */
function stripPresentation(node: LexicalNode): void {
  if ($isTextNode(node)) node.setStyle('');
  if ($isElementNode(node)) {
    node.setFormat('');
    node.setIndent(0);
    node.getChildren().forEach(stripPresentation);
  }
}

function dataUrlToFile(src: string, name: string): File {
  const [header, data] = src.split(',', 2) as [string, string];
  const type = /data:([^;]+)/.exec(header)?.[1] ?? 'image/png';
  return new File([bytesFromBase64(data)], name, { type });
}
