import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, type NodeKey } from 'lexical';
import { useMediaUrl } from '../../client/media.ts';
import { $isImageNode, type ImagePayload } from './ImageNode.tsx';

export function ImageView({ nodeKey, payload }: { nodeKey: NodeKey; payload: ImagePayload }) {
  const [editor] = useLexicalComposerContext();
  const src = useMediaUrl(payload.mediaId);
  const change = (fields: Partial<ImagePayload>) =>
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if ($isImageNode(node)) node.setText(fields);
    });

  return (
    <figure className="ed-figure">
      {src ? <img src={src} alt={payload.altText} /> : <div className="ed-image-missing">Image unavailable</div>}
      <figcaption>
        <input
          aria-label="Caption"
          placeholder="Caption"
          value={payload.caption}
          onChange={(event) => change({ caption: event.target.value })}
        />
        <input
          aria-label="Credit"
          placeholder="Credit"
          className="ed-credit"
          value={payload.credit}
          onChange={(event) => change({ credit: event.target.value })}
        />
        <input
          aria-label="Alternative text"
          placeholder="Describe the image for people who cannot see it"
          value={payload.altText}
          onChange={(event) => change({ altText: event.target.value })}
        />
      </figcaption>
    </figure>
  );
}
