import { $findTableNode } from '@lexical/table';
import { $getSelection, $insertNodes, $isRangeSelection, type LexicalNode } from 'lexical';

/**
 * Places a block (image, pull quote) at the caret; inside a table, after the table, since a
 * cell holds text only.
 */
export function $insertBlock(node: LexicalNode): void {
  const selection = $getSelection();
  const table = $isRangeSelection(selection) ? $findTableNode(selection.anchor.getNode()) : null;
  if (table) {
    table.insertAfter(node);
    return;
  }
  $insertNodes([node]);
}
