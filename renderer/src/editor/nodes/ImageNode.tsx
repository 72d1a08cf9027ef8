import { $applyNodeReplacement, type LexicalNode, type NodeKey, type SerializedLexicalNode, type Spread } from 'lexical';
import type { JSX } from 'react';
import { BlockDecoratorNode } from './BlockDecoratorNode.ts';
import { ImageView } from './ImageView.tsx';

/** The data of an image in a draft: the library media it shows and its newsroom captions. */
export interface ImagePayload {
  mediaId: number;
  altText: string;
  caption: string;
  credit: string;
}

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
    return 'image';
  }

  static override clone(node: ImageNode): ImageNode {
    return new ImageNode({ mediaId: node.__mediaId, altText: node.__altText, caption: node.__caption, credit: node.__credit }, node.__key);
  }

  /** Saved drafts are data from disk: every field is checked as it is read back. */
  static override importJSON(json: SerializedLexicalNode & Record<string, unknown>): ImageNode {
    return $createImageNode({
      mediaId: Number(json.mediaId) || 0,
      altText: String(json.altText ?? ''),
      caption: String(json.caption ?? ''),
      credit: String(json.credit ?? ''),
    });
  }

  constructor(payload: ImagePayload, key?: NodeKey) {
    super(key);
    this.__mediaId = payload.mediaId;
    this.__altText = payload.altText;
    this.__caption = payload.caption;
    this.__credit = payload.credit;
  }

  override exportJSON(): SerializedImageNode {
    return { type: 'image', version: 1, mediaId: this.__mediaId, altText: this.__altText, caption: this.__caption, credit: this.__credit };
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
