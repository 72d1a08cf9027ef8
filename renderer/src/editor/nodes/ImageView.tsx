import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, type NodeKey } from 'lexical';
import { useMediaUrl } from '../../client/media.ts';
import { $isImageNode, type ImagePayload } from './ImageNode.tsx';

/** The words under an image, each its own field. */
const TEXT_FIELDS: { field: 'caption' | 'credit' | 'altText'; label: string; placeholder: string; className?: string }[] = [
  { field: 'caption', label: 'Caption', placeholder: 'Caption' },
  { field: 'credit', label: 'Credit', placeholder: 'Credit', className: 'ed-credit' },
  { field: 'altText', label: 'Alternative text', placeholder: 'Describe the image for people who cannot see it' },
];

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
        {TEXT_FIELDS.map(({ field, label, placeholder, className }) => (
          <input
            key={field}
            aria-label={label}
            placeholder={placeholder}
            className={className}
            value={payload[field]}
            onChange={(event) => change({ [field]: event.target.value })}
          />
        ))}
      </figcaption>
    </figure>
  );
}
