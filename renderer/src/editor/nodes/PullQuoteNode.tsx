import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $applyNodeReplacement,
  $getNodeByKey,
  type DOMConversionMap,
  type DOMExportOutput,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import type { JSX } from 'react';
import { pullQuoteNode, type PullQuotePayload } from '../../../../electron/common/editor-nodes/pull-quote.ts';
import { BlockDecoratorNode } from './BlockDecoratorNode.ts';
import { exportOwnDOM, importOwnDOM } from './dom-forms.ts';

export type SerializedPullQuoteNode = Spread<PullQuotePayload, SerializedLexicalNode>;

/** A pull quote with its attribution. It repeats the story, so it is not counted as body. */
export class PullQuoteNode extends BlockDecoratorNode {
  protected readonly wrapperClass = 'ed-pullquote-block';
  __quote: string;
  __attribution: string;

  static override getType(): string {
    return pullQuoteNode.type;
  }

  static override clone(node: PullQuoteNode): PullQuoteNode {
    return new PullQuoteNode({ quote: node.__quote, attribution: node.__attribution }, node.__key);
  }

  static override importJSON(json: SerializedLexicalNode & Record<string, unknown>): PullQuoteNode {
    return $createPullQuoteNode(pullQuoteNode.payload.parse(json));
  }

  static importDOM(): DOMConversionMap {
    return importOwnDOM(pullQuoteNode, $createPullQuoteNode);
  }

  // Lexical's collaboration binding makes one with no payload to learn its properties.
  constructor(payload: PullQuotePayload = pullQuoteNode.payload.parse({}), key?: NodeKey) {
    super(key);
    this.__quote = payload.quote;
    this.__attribution = payload.attribution;
  }

  override exportJSON(): SerializedPullQuoteNode {
    return { type: pullQuoteNode.type, version: pullQuoteNode.version, ...this.getPayload() };
  }

  override exportDOM(): DOMExportOutput {
    return exportOwnDOM(pullQuoteNode, this.getPayload());
  }

  getPayload(): PullQuotePayload {
    const latest = this.getLatest();
    return { quote: latest.__quote, attribution: latest.__attribution };
  }

  setPayload(payload: Partial<PullQuotePayload>): void {
    const writable = this.getWritable();
    if (payload.quote !== undefined) writable.__quote = payload.quote;
    if (payload.attribution !== undefined) writable.__attribution = payload.attribution;
  }

  override decorate(): JSX.Element {
    return <PullQuoteView nodeKey={this.getKey()} {...this.getPayload()} />;
  }
}

function PullQuoteView({ nodeKey, quote, attribution }: PullQuotePayload & { nodeKey: NodeKey }) {
  const [editor] = useLexicalComposerContext();
  const change = (payload: Partial<PullQuotePayload>) =>
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if (node instanceof PullQuoteNode) node.setPayload(payload);
    });
  return (
    <aside className="ed-pullquote">
      <textarea
        aria-label="Pull quote"
        placeholder="Pull quote"
        rows={2}
        value={quote}
        onChange={(event) => change({ quote: event.target.value })}
      />
      <input
        aria-label="Attribution"
        placeholder="Attribution"
        value={attribution}
        onChange={(event) => change({ attribution: event.target.value })}
      />
    </aside>
  );
}

export function $createPullQuoteNode(payload: PullQuotePayload = { quote: '', attribution: '' }): PullQuoteNode {
  return $applyNodeReplacement(new PullQuoteNode(payload));
}

export function $isPullQuoteNode(node: LexicalNode | null | undefined): node is PullQuoteNode {
  return node instanceof PullQuoteNode;
}
