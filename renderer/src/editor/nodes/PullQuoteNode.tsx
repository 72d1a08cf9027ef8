import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $applyNodeReplacement, $getNodeByKey, type LexicalNode, type NodeKey, type SerializedLexicalNode, type Spread } from 'lexical';
import type { JSX } from 'react';
import { BlockDecoratorNode } from './BlockDecoratorNode.ts';

export interface PullQuotePayload {
  quote: string;
  attribution: string;
}

export type SerializedPullQuoteNode = Spread<PullQuotePayload, SerializedLexicalNode>;

/** A pull quote with its attribution. It repeats the story, so it is not counted as body. */
export class PullQuoteNode extends BlockDecoratorNode {
  protected readonly wrapperClass = 'ed-pullquote-block';
  __quote: string;
  __attribution: string;

  static override getType(): string {
    return 'pullquote';
  }

  static override clone(node: PullQuoteNode): PullQuoteNode {
    return new PullQuoteNode({ quote: node.__quote, attribution: node.__attribution }, node.__key);
  }

  static override importJSON(json: SerializedLexicalNode & Record<string, unknown>): PullQuoteNode {
    return $createPullQuoteNode({ quote: String(json.quote ?? ''), attribution: String(json.attribution ?? '') });
  }

  constructor(payload: PullQuotePayload, key?: NodeKey) {
    super(key);
    this.__quote = payload.quote;
    this.__attribution = payload.attribution;
  }

  override exportJSON(): SerializedPullQuoteNode {
    return { type: 'pullquote', version: 1, quote: this.__quote, attribution: this.__attribution };
  }

  setPayload(payload: Partial<PullQuotePayload>): void {
    const writable = this.getWritable();
    if (payload.quote !== undefined) writable.__quote = payload.quote;
    if (payload.attribution !== undefined) writable.__attribution = payload.attribution;
  }

  override decorate(): JSX.Element {
    const latest = this.getLatest();
    return <PullQuoteView nodeKey={this.getKey()} quote={latest.__quote} attribution={latest.__attribution} />;
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
