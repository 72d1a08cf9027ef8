import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, $isListNode, ListNode } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, type HeadingTagType } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type LexicalNode,
  type TextFormatType,
} from 'lexical';
import { useEffect, useState } from 'react';

type BlockType = 'paragraph' | HeadingTagType | 'quote' | 'bullet' | 'number';

interface ToolbarState {
  block: BlockType;
  formats: Set<TextFormatType>;
  canUndo: boolean;
  canRedo: boolean;
}

const FORMATS: { format: TextFormatType; label: string; shortcut: string }[] = [
  { format: 'bold', label: 'Bold', shortcut: 'Ctrl+B' },
  { format: 'italic', label: 'Italic', shortcut: 'Ctrl+I' },
];

export function Toolbar() {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<ToolbarState>({ block: 'paragraph', formats: new Set(), canUndo: false, canRedo: false });

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          editorState.read(() => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return;
            // Node methods work only inside this read, so compute before handing to React.
            const formats = new Set(FORMATS.map((f) => f.format).filter((f) => selection.hasFormat(f)));
            const block = currentBlock(selection.anchor.getNode());
            setState((previous) => ({ ...previous, formats, block }));
          });
        }),
        editor.registerCommand(CAN_UNDO_COMMAND, (canUndo) => (setState((p) => ({ ...p, canUndo })), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (canRedo) => (setState((p) => ({ ...p, canRedo })), false), COMMAND_PRIORITY_LOW),
      ),
    [editor],
  );

  const setBlock = (block: BlockType) => {
    if (block === 'bullet') return editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined);
    if (block === 'number') return editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined);
    editor.update(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      const target = state.block === block ? 'paragraph' : block;
      $setBlocksType(selection, () =>
        target === 'quote' ? $createQuoteNode() : target === 'paragraph' ? $createParagraphNode() : $createHeadingNode(target as HeadingTagType),
      );
    });
  };

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      <button type="button" title="Undo (Ctrl+Z)" aria-label="Undo" disabled={!state.canUndo} onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}>
        ↶
      </button>
      <button type="button" title="Redo (Ctrl+Shift+Z)" aria-label="Redo" disabled={!state.canRedo} onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}>
        ↷
      </button>
      <span className="toolbar-divider" />
      {FORMATS.map(({ format, label, shortcut }) => (
        <button
          key={format}
          type="button"
          className={`format-${format}`}
          title={`${label} (${shortcut})`}
          aria-label={label}
          aria-pressed={state.formats.has(format)}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, format)}
        >
          {label[0]}
        </button>
      ))}
      <span className="toolbar-divider" />
      {(
        [
          ['h2', 'Heading', 'H2'],
          ['h3', 'Subheading', 'H3'],
          ['quote', 'Quote', '❝'],
          ['bullet', 'Bulleted list', '•'],
          ['number', 'Numbered list', '1.'],
        ] as const
      ).map(([block, label, text]) => (
        <button key={block} type="button" title={label} aria-label={label} aria-pressed={state.block === block} onClick={() => setBlock(block)}>
          {text}
        </button>
      ))}
    </div>
  );
}

function currentBlock(node: LexicalNode): BlockType {
  const list = $getNearestNodeOfType(node, ListNode);
  if ($isListNode(list)) return list.getListType() === 'number' ? 'number' : 'bullet';
  const top = node.getKey() === 'root' ? node : node.getTopLevelElementOrThrow();
  if ($isHeadingNode(top)) return top.getTag();
  if (top.getType() === 'quote') return 'quote';
  return 'paragraph';
}
