import { $isLinkNode } from '@lexical/link';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, $isListNode, ListNode } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { INSERT_HORIZONTAL_RULE_COMMAND } from '@lexical/react/LexicalHorizontalRuleNode';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, type HeadingTagType } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import { $findMatchingParent, $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
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
import { useEffect, useRef, useState } from 'react';
import { $insertBlock } from './nodes/insert-block.ts';
import { $createPullQuoteNode } from './nodes/PullQuoteNode.tsx';
import { INSERT_IMAGE_FILES_COMMAND } from './plugins/ImagesPlugin.tsx';
import { EDIT_LINK_COMMAND } from './plugins/LinkEditorPlugin.tsx';
import { MOD } from '../ui/commands.ts';

type BlockType = 'paragraph' | HeadingTagType | 'quote' | 'bullet' | 'number';

interface ToolbarState {
  block: BlockType;
  formats: Set<TextFormatType>;
  link: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

const mod = MOD;

const FORMATS: { format: TextFormatType; label: string; text: string; shortcut?: string }[] = [
  { format: 'bold', label: 'Bold', text: 'B', shortcut: `${mod}B` },
  { format: 'italic', label: 'Italic', text: 'I', shortcut: `${mod}I` },
  { format: 'underline', label: 'Underline', text: 'U', shortcut: `${mod}U` },
  { format: 'strikethrough', label: 'Strikethrough', text: 'S' },
  { format: 'code', label: 'Inline code', text: '</>' },
];

const BLOCKS: [BlockType, string, string][] = [
  ['h2', 'Heading', 'H2'],
  ['h3', 'Subheading', 'H3'],
  ['h4', 'Minor heading', 'H4'],
  ['quote', 'Quote', '❝'],
  ['bullet', 'Bulleted list', '•'],
  ['number', 'Numbered list', '1.'],
];

/**
 * A tool's short visible mark ("H2") with its full name for screen readers ("Heading"), so
 * what is seen is not contradicted by an aria-label that leaves it out.
 */
function ToolLabel({ text, label }: { text: string; label: string }) {
  return (
    <>
      <span aria-hidden="true">{text}</span>
      <span className="visually-hidden">{label}</span>
    </>
  );
}

export function Toolbar() {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<ToolbarState>({ block: 'paragraph', formats: new Set(), link: false, canUndo: false, canRedo: false });
  const fileInput = useRef<HTMLInputElement | null>(null);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          editorState.read(() => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return;
            // Node methods work only inside this read, so compute before handing to React.
            const formats = new Set(FORMATS.map((f) => f.format).filter((f) => selection.hasFormat(f)));
            const anchor = selection.anchor.getNode();
            const block = currentBlock(anchor);
            const link = $findMatchingParent(anchor, $isLinkNode) !== null;
            setState((previous) =>
              previous.block === block && previous.link === link && sameFormats(previous.formats, formats)
                ? previous
                : { ...previous, formats, block, link },
            );
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
        target === 'quote'
          ? $createQuoteNode()
          : target === 'paragraph'
            ? $createParagraphNode()
            : $createHeadingNode(target as HeadingTagType),
      );
    });
  };

  return (
    <div
      className="toolbar"
      role="toolbar"
      aria-label="Formatting"
      // Pressing a tool must leave the caret in the text, or the next keystrokes go nowhere.
      onMouseDown={(event) => {
        if ((event.target as HTMLElement).closest('button')) event.preventDefault();
      }}
    >
      <button
        type="button"
        title={`Undo (${mod}Z)`}
        aria-label="Undo"
        disabled={!state.canUndo}
        onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}
      >
        ↶
      </button>
      <button
        type="button"
        title={`Redo (${mod}Shift+Z)`}
        aria-label="Redo"
        disabled={!state.canRedo}
        onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}
      >
        ↷
      </button>
      <span className="toolbar-divider" />
      {FORMATS.map(({ format, label, text, shortcut }) => (
        <button
          key={format}
          type="button"
          className={`format-${format}`}
          title={shortcut ? `${label} (${shortcut})` : label}
          aria-label={label}
          aria-pressed={state.formats.has(format)}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, format)}
        >
          {text}
        </button>
      ))}
      <button
        type="button"
        title={`Link (${mod}K)`}
        aria-label="Link"
        aria-pressed={state.link}
        onClick={() => editor.dispatchCommand(EDIT_LINK_COMMAND, undefined)}
      >
        Link
      </button>
      <span className="toolbar-divider" />
      {BLOCKS.map(([block, label, text]) => (
        <button key={block} type="button" title={label} aria-pressed={state.block === block} onClick={() => setBlock(block)}>
          <ToolLabel text={text} label={label} />
        </button>
      ))}
      <span className="toolbar-divider" />
      <button type="button" title="Pull quote" onClick={() => editor.update(() => $insertBlock($createPullQuoteNode()))}>
        <ToolLabel text="“P”" label="Pull quote" />
      </button>
      <button
        type="button"
        title="Horizontal rule"
        aria-label="Horizontal rule"
        onClick={() => editor.dispatchCommand(INSERT_HORIZONTAL_RULE_COMMAND, undefined)}
      >
        ―
      </button>
      <button
        type="button"
        title="Table"
        aria-label="Table"
        onClick={() =>
          editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: '3', columns: '3', includeHeaders: { rows: true, columns: false } })
        }
      >
        ▦
      </button>
      <button type="button" title="Insert an image from a file" aria-label="Image" onClick={() => fileInput.current?.click()}>
        Image
      </button>
      <input
        ref={fileInput}
        type="file"
        accept="image/png,image/jpeg,image/gif,image/webp,image/avif"
        multiple
        hidden
        data-testid="image-input"
        onChange={(event) => {
          editor.dispatchCommand(INSERT_IMAGE_FILES_COMMAND, Array.from(event.target.files ?? []));
          event.target.value = '';
        }}
      />
    </div>
  );
}

function sameFormats(a: Set<TextFormatType>, b: Set<TextFormatType>): boolean {
  return a.size === b.size && [...a].every((format) => b.has(format));
}

function currentBlock(node: LexicalNode): BlockType {
  const list = $getNearestNodeOfType(node, ListNode);
  if ($isListNode(list)) return list.getListType() === 'number' ? 'number' : 'bullet';
  const top = node.getKey() === 'root' ? node : node.getTopLevelElementOrThrow();
  if ($isHeadingNode(top)) return top.getTag();
  if (top.getType() === 'quote') return 'quote';
  return 'paragraph';
}
