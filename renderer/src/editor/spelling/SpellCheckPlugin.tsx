import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNearestNodeFromDOMNode, $isTextNode, type LexicalEditor } from 'lexical';
import { useEffect, useRef, useState } from 'react';
import { useCommands } from '../../ui/commands.ts';
import { wordsToCheck } from './speller.ts';
import { addToDictionary, misspelled, suggestionsFor } from './spelling-client.ts';

/** A misspelled word on screen. */
interface Marked {
  range: Range;
  word: string;
}

interface Offer {
  marked: Marked;
  suggestions: string[] | null;
  x: number;
  y: number;
}

const HIGHLIGHT = 'misspelled';

/**
 * Marks misspelled words in the story with a wavy line (the CSS Custom Highlight API, like the
 * TK marks: nothing is added to the document) once typing pauses, and offers the dictionary's
 * suggestions on a right-click, or from the command palette for the word at the caret.
 */
export function SpellCheckPlugin() {
  const [editor] = useLexicalComposerContext();
  const marked = useRef<Marked[]>([]);
  const [offer, setOffer] = useState<Offer | null>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pass = 0;
    const mark = () => {
      const mine = ++pass;
      void markMisspelled(editor).then((found) => {
        if (mine !== pass) return;
        marked.current = found;
        if (typeof Highlight !== 'undefined' && CSS.highlights)
          CSS.highlights.set(HIGHLIGHT, new Highlight(...found.map((item) => item.range)));
      });
    };
    mark();
    const stop = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      clearTimeout(timer);
      timer = setTimeout(mark, 400);
    });
    return () => {
      stop();
      clearTimeout(timer);
      pass += 1;
      CSS.highlights?.delete(HIGHLIGHT);
    };
  }, [editor]);

  useEffect(() => {
    const root = editor.getRootElement();
    if (!root) return;
    const onContextMenu = (event: MouseEvent) => {
      const caret = document.caretRangeFromPoint?.(event.clientX, event.clientY);
      const found = caret && marked.current.find(({ range }) => range.isPointInRange(caret.startContainer, caret.startOffset));
      if (offerSpelling(setOffer, found ?? undefined, event.clientX, event.clientY)) event.preventDefault();
    };
    root.addEventListener('contextmenu', onContextMenu);
    return () => root.removeEventListener('contextmenu', onContextMenu);
  }, [editor]);

  useCommands([
    {
      id: 'editor.spelling',
      title: 'Spelling suggestions for the word at the caret',
      section: 'Writing',
      run: () => {
        const selection = window.getSelection();
        if (!selection?.rangeCount) return;
        const caret = selection.getRangeAt(0);
        const found = marked.current.find(({ range }) => range.isPointInRange(caret.startContainer, caret.startOffset));
        const box = (found?.range ?? caret).getBoundingClientRect();
        offerSpelling(setOffer, found, box.left, box.bottom);
      },
    },
  ]);

  if (!offer) return null;
  const close = () => setOffer(null);
  const replace = (suggestion: string) => {
    close();
    replaceWord(editor, offer.marked, suggestion);
  };
  return (
    <SpellingMenu
      offer={offer}
      onReplace={replace}
      onAdd={() => {
        close();
        addToDictionary(offer.marked.word);
        marked.current = marked.current.filter((item) => item.word !== offer.marked.word);
        CSS.highlights?.set(HIGHLIGHT, new Highlight(...marked.current.map((item) => item.range)));
      }}
      onClose={close}
    />
  );
}

/** Opens the menu for a marked word at (x, y), its suggestions following when the worker has them. */
function offerSpelling(
  setOffer: (change: (current: Offer | null) => Offer | null) => void,
  found: Marked | undefined,
  x: number,
  y: number,
): boolean {
  if (!found) return false;
  setOffer(() => ({ marked: found, suggestions: null, x, y }));
  void suggestionsFor(found.word).then((suggestions) =>
    setOffer((current) => (current?.marked === found ? { ...current, suggestions } : current)),
  );
  return true;
}

function SpellingMenu({
  offer,
  onReplace,
  onAdd,
  onClose,
}: {
  offer: Offer;
  onReplace: (word: string) => void;
  onAdd: () => void;
  onClose: () => void;
}) {
  const menu = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !menu.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('keydown', away);
    document.addEventListener('pointerdown', away);
    return () => {
      document.removeEventListener('keydown', away);
      document.removeEventListener('pointerdown', away);
    };
  }, [onClose, offer.suggestions]);
  return (
    <div
      ref={menu}
      role="menu"
      aria-label={`Spelling of “${offer.marked.word}”`}
      className="overflow-menu-list spelling-menu"
      style={{ left: offer.x, top: offer.y }}
    >
      {offer.suggestions === null && <p className="spelling-note">Looking for suggestions…</p>}
      {offer.suggestions?.length === 0 && <p className="spelling-note">No suggestions</p>}
      {offer.suggestions?.map((suggestion) => (
        <button key={suggestion} type="button" role="menuitem" onClick={() => onReplace(suggestion)}>
          {suggestion}
        </button>
      ))}
      <button type="button" role="menuitem" onClick={onAdd}>
        Add “{offer.marked.word}” to the dictionary
      </button>
    </div>
  );
}

/** The misspelled words in the editor's text as it is on screen now. */
async function markMisspelled(editor: LexicalEditor): Promise<Marked[]> {
  const root = editor.getRootElement();
  if (!root) return [];
  const candidates: { node: Text; word: string; index: number }[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    // Words in fields of the editor's own nodes (captions, pull quotes) and in code are not prose.
    acceptNode: (node) =>
      node.parentElement?.closest('input, textarea, code, .ed-code') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    for (const { word, index } of wordsToCheck(node.data)) candidates.push({ node, word, index });
  }
  const wrong = await misspelled(candidates.map((candidate) => candidate.word));
  return candidates
    .filter(({ node, word }) => wrong.has(word) && node.isConnected)
    .map(({ node, word, index }) => {
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + word.length);
      return { range, word };
    });
}

/** Puts `suggestion` in place of the marked word, if the text there is still that word. */
function replaceWord(editor: LexicalEditor, { range, word }: Marked, suggestion: string): void {
  editor.update(() => {
    const node = $getNearestNodeFromDOMNode(range.startContainer);
    const offset = range.startOffset;
    if (!$isTextNode(node) || node.getTextContent().slice(offset, offset + word.length) !== word) return;
    node.spliceText(offset, word.length, suggestion, true);
  });
}
