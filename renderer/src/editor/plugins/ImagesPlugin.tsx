import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_HIGH, COMMAND_PRIORITY_LOW, createCommand, DROP_COMMAND, mergeRegister } from 'lexical';
import { useEffect } from 'react';
import { call, messageOf } from '../../client/api.ts';
import { base64Of } from '../../client/media.ts';
import { $createImageNode } from '../nodes/ImageNode.tsx';
import { $insertBlock } from '../nodes/insert-block.ts';

export const INSERT_IMAGE_FILES_COMMAND = createCommand<File[]>('INSERT_IMAGE_FILES_COMMAND');

const ACCEPTED = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif'];
const MAX_IMAGE_BYTES = 25 * 1024 * 1024;

/** Images inserted from a file, pasted or dropped are stored in the library, then placed. */
export function ImagesPlugin({ articleId, onNotice }: { articleId: number; onNotice: (message: string) => void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const storeAndInsert = async (files: File[]) => {
      for (const file of files) {
        if (!ACCEPTED.includes(file.type)) {
          onNotice(`${file.name || 'The image'} was not added: Dateline keeps PNG, JPEG, GIF, WebP and AVIF images.`);
          continue;
        }
        if (file.size > MAX_IMAGE_BYTES) {
          onNotice(`${file.name || 'The image'} was not added: images can be up to 25 MB.`);
          continue;
        }
        try {
          const { id } = await call('media.add', { articleId, mimeType: file.type, data: await base64Of(file) });
          editor.update(() => $insertBlock($createImageNode({ mediaId: id, altText: '', caption: '', credit: '' })));
        } catch (error) {
          onNotice(`The image could not be stored: ${messageOf(error)}`);
        }
      }
    };
    return mergeRegister(
      editor.registerCommand(
        INSERT_IMAGE_FILES_COMMAND,
        (files) => {
          void storeAndInsert(files);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        DROP_COMMAND,
        (event) => {
          const files = Array.from(event.dataTransfer?.files ?? []).filter((file) => file.type.startsWith('image/'));
          if (files.length === 0) return false;
          event.preventDefault();
          // Files dropped on the story are pictures for it, not articles to import.
          event.stopPropagation();
          void storeAndInsert(files);
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    );
  }, [editor, articleId, onNotice]);

  return null;
}
