import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, $getSelection, $isRangeSelection, type EditorState, type LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import { countWords } from '../../../../electron/common/text.ts';
import { $isImageNode } from '../nodes/ImageNode.tsx';
import { $isPullQuoteNode } from '../nodes/PullQuoteNode.tsx';

export interface DraftCounts {
  words: number;
  characters: number;
  paragraphs: number;
  /** Captions and credits, counted apart from the body. */
  captionWords: number;
  selectionWords: number;
  selectionCharacters: number;
  /** "TK" (to come) placeholders still in the story. */
  placeholders: number;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const TK = /\bTK\b/g;

function characterCount(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) count += 1;
  return count;
}

export function $countDraft(): DraftCounts {
  let body = '';
  let paragraphs = 0;
  let captionWords = 0;
  for (const block of $getRoot().getChildren()) {
    if ($isImageNode(block)) {
      const { caption, credit } = block.getPayload();
      captionWords += countWords(`${caption} ${credit}`);
      continue;
    }
    if ($isPullQuoteNode(block)) continue;
    const text = block.getTextContent();
    if (text.trim() === '') continue;
    paragraphs += 1;
    body += `${text}\n`;
  }
  const selection = $getSelection();
  const selected = $isRangeSelection(selection) && !selection.isCollapsed() ? selection.getTextContent() : '';
  return {
    words: countWords(body),
    characters: characterCount(body.replace(/\n/g, '')),
    paragraphs,
    captionWords,
    selectionWords: countWords(selected),
    selectionCharacters: characterCount(selected),
    placeholders: body.match(TK)?.length ?? 0,
  };
}

/**
 * Live counts, worked out shortly after typing pauses rather than on every keystroke, and TK
 * placeholders marked in place with the CSS Highlight API (the document itself is untouched).
 */
export function CountsPlugin({ onCounts }: { onCounts: (counts: DraftCounts) => void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const recount = (state: EditorState) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        onCounts(state.read($countDraft));
        highlightPlaceholders(editor);
      }, 120);
    };
    // The draft as opened is counted at once: a "0 words" shown until the first pause misled.
    onCounts(editor.getEditorState().read($countDraft));
    highlightPlaceholders(editor);
    const stop = editor.registerUpdateListener(({ editorState }) => recount(editorState));
    return () => {
      stop();
      if (timer) clearTimeout(timer);
      CSS.highlights?.delete('tk');
    };
  }, [editor, onCounts]);
  return null;
}

function highlightPlaceholders(editor: LexicalEditor): void {
  const root = editor.getRootElement();
  if (!root || typeof Highlight === 'undefined' || !CSS.highlights) return;
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    for (const match of node.data.matchAll(TK)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + 2);
      ranges.push(range);
    }
  }
  CSS.highlights.set('tk', new Highlight(...ranges));
}
