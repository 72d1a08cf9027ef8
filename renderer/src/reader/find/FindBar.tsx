import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { indexText, rangeOf, type TextIndex } from '../highlights/anchor.ts';

const ALL = 'find-match';
const CURRENT = 'find-current';

/** Lower case that keeps every character's offset (the few that grow when lowered stay). */
function foldCase(text: string): string {
  let folded = '';
  for (const char of text) {
    const lower = char.toLowerCase();
    folded += lower.length === char.length ? lower : char;
  }
  return folded;
}

/** Every place `needle` appears in the story's text, whatever its case. */
export function findAll(index: TextIndex, needle: string): [number, number][] {
  const wanted = foldCase(needle.replace(/\s+/g, ' ').trim());
  if (!wanted) return [];
  const haystack = foldCase(index.text);
  const found: [number, number][] = [];
  for (let at = haystack.indexOf(wanted); at >= 0 && found.length < 10_000; at = haystack.indexOf(wanted, at + wanted.length)) {
    found.push([at, at + wanted.length]);
  }
  return found;
}

/**
 * A number that changes whenever the story's nodes do. Highlights are painted by wrapping
 * text in marks, which moves the text nodes a find's ranges sit on and collapses them.
 */
function useStoryVersion(body: RefObject<HTMLDivElement | null>): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const root = body.current;
    if (!root) return;
    const observer = new MutationObserver(() => setVersion((value) => value + 1));
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [body]);
  return version;
}

/**
 * Find in the article (Ctrl/Cmd+F): a count of the matches, Enter and Shift+Enter (or the
 * arrows) to step through them. Matches are painted with the CSS Custom Highlight API, so
 * the story's DOM, and the highlights marked in it, are left alone.
 */
export function FindBar({ body, onClose }: { body: RefObject<HTMLDivElement | null>; onClose: () => void }) {
  const [needle, setNeedle] = useState('');
  const [current, setCurrent] = useState(0);
  const input = useRef<HTMLInputElement | null>(null);
  const version = useStoryVersion(body);
  const scrolledTo = useRef('');
  const matches = useMemo(() => {
    const root = body.current;
    if (!root || !needle.trim()) return [];
    const index = indexText(root);
    return findAll(index, needle).map((found) => rangeOf(index, found));
    // `version` changes when the story's DOM does: the ranges are found again on the new nodes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [body, needle, version]);

  useEffect(() => setCurrent(0), [needle]);
  // The story changed under the matches: stay on the same one if it is still there.
  useEffect(() => setCurrent((index) => (index < matches.length ? index : 0)), [matches.length]);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  useEffect(() => {
    const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
    if (!registry || typeof Highlight === 'undefined') return;
    registry.set(ALL, new Highlight(...matches));
    const here = matches[current];
    if (here) {
      registry.set(CURRENT, new Highlight(here));
      // Only a new search or a step moves the story; repainting after a highlight does not.
      const place = `${needle}\u0000${current}`;
      if (scrolledTo.current !== place) scrollIntoPane(body.current, here);
      scrolledTo.current = place;
    } else registry.delete(CURRENT);
    return () => {
      registry.delete(ALL);
      registry.delete(CURRENT);
    };
  }, [matches, current, body, needle]);

  const step = (by: number) => matches.length && setCurrent((index) => (index + by + matches.length) % matches.length);
  const status = !needle.trim() ? '' : matches.length === 0 ? 'No matches' : `${current + 1} of ${matches.length}`;
  return (
    <div className="find-bar" role="search" aria-label="Find in article">
      <input
        ref={input}
        type="search"
        aria-label="Find in article"
        placeholder="Find in article"
        value={needle}
        onChange={(event) => setNeedle(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            step(event.shiftKey ? -1 : 1);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onClose();
          }
        }}
      />
      <span className="find-count" role="status" aria-live="polite">
        {status}
      </span>
      <button type="button" aria-label="Previous match" disabled={matches.length === 0} onClick={() => step(-1)}>
        ↑
      </button>
      <button type="button" aria-label="Next match" disabled={matches.length === 0} onClick={() => step(1)}>
        ↓
      </button>
      <button type="button" aria-label="Close find" onClick={onClose}>
        ×
      </button>
    </div>
  );
}

/** Scrolls the reading pane so that `range` sits in its middle third. */
function scrollIntoPane(body: HTMLElement | null, range: Range): void {
  const pane = body?.closest<HTMLElement>('.content-pane');
  if (!pane) return;
  const rect = range.getBoundingClientRect();
  const view = pane.getBoundingClientRect();
  if (rect.top < view.top + view.height / 3 || rect.bottom > view.bottom - view.height / 3) {
    pane.scrollTop += rect.top - view.top - view.height / 3;
  }
}
