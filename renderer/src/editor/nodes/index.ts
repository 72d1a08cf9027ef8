import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { MarkNode } from '@lexical/mark';
import { HorizontalRuleNode } from '@lexical/react/LexicalHorizontalRuleNode';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import type { Klass, LexicalNode } from 'lexical';
import { ImageNode } from './ImageNode.tsx';
import { PullQuoteNode } from './PullQuoteNode.tsx';

/**
 * Every node a draft may hold, one list for the editor (and for a shared draft's binding to
 * its desk document). Lexical's collaboration binding makes one of each with no arguments
 * to learn its properties, so each node's constructor must work without them.
 */
export const EDITOR_NODES: readonly Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  HorizontalRuleNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  ImageNode,
  PullQuoteNode,
  // A desk comment's passage: kept in the draft, never in its HTML or text.
  MarkNode,
];
