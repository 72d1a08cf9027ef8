import {
  $applyNodeReplacement,
  type DOMConversionMap,
  type DOMExportOutput,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import type { JSX } from 'react';
import { imageNode, type ImagePayload } from '../../../../electron/common/editor-nodes/image.ts';
import { BlockDecoratorNode } from './BlockDecoratorNode.ts';
import { exportOwnDOM, importOwnDOM } from './dom-forms.ts';
import { ImageView } from './ImageView.tsx';

export type { ImagePayload };

export type SerializedImageNode = Spread<ImagePayload, SerializedLexicalNode>;

/**
 * An image stored in the library. The node holds only data; ImageView draws it and edits its
 * caption and credit. Its text is not body text: captions are counted apart.
 */
export class ImageNode extends BlockDecoratorNode {
  protected readonly wrapperClass = 'ed-image';
  __mediaId: number;
  __altText: string;
  __caption: string;
  __credit: string;

  static override getType(): string {
    return imageNode.type;
  }

  static override clone(node: ImageNode): ImageNode {
    return new ImageNode({ mediaId: node.__mediaId, altText: node.__altText, caption: node.__caption, credit: node.__credit }, node.__key);
  }

  /** Saved drafts are data from disk: every field is checked as it is read back. */
  static override importJSON(json: SerializedLexicalNode & Record<string, unknown>): ImageNode {
    return $createImageNode(imageNode.payload.parse(json));
  }

  static importDOM(): DOMConversionMap {
    return importOwnDOM(imageNode, $createImageNode);
  }

  // Lexical's collaboration binding makes one with no payload to learn its properties.
  constructor(payload: ImagePayload = imageNode.payload.parse({}), key?: NodeKey) {
    super(key);
    this.__mediaId = payload.mediaId;
    this.__altText = payload.altText;
    this.__caption = payload.caption;
    this.__credit = payload.credit;
  }

  override exportJSON(): SerializedImageNode {
    return { type: imageNode.type, version: imageNode.version, ...this.getPayload() };
  }

  override exportDOM(): DOMExportOutput {
    return exportOwnDOM(imageNode, this.getPayload());
  }

  getPayload(): ImagePayload {
    const latest = this.getLatest();
    return { mediaId: latest.__mediaId, altText: latest.__altText, caption: latest.__caption, credit: latest.__credit };
  }

  setText(fields: Partial<Pick<ImagePayload, 'caption' | 'credit' | 'altText'>>): void {
    const writable = this.getWritable();
    if (fields.caption !== undefined) writable.__caption = fields.caption;
    if (fields.credit !== undefined) writable.__credit = fields.credit;
    if (fields.altText !== undefined) writable.__altText = fields.altText;
  }

  override decorate(): JSX.Element {
    return <ImageView nodeKey={this.getKey()} payload={this.getPayload()} />;
  }
}

export function $createImageNode(payload: ImagePayload): ImageNode {
  return $applyNodeReplacement(new ImageNode(payload));
}

export function $isImageNode(node: LexicalNode | null | undefined): node is ImageNode {
  return node instanceof ImageNode;
}
