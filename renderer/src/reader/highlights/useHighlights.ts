import { useCallback, useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import type { Highlight, HighlightAnchor, HighlightColor, HighlightPatch } from '../../../../electron/common/model.ts';
import { call, messageOf, subscribe } from '../../client/api.ts';
import { describeRange, indexText } from './anchor.ts';
import { MARK_SELECTOR, paint, revealHighlight } from './marks.ts';
import { onReveal, takeReveal } from '../../ui/reveal-highlight.ts';

export interface Highlights {
  all: Highlight[];
  /** Ids of highlights that could not be placed in the text as it is now. */
  orphans: ReadonlySet<number>;
  error: string | null;
  /**
   * Highlights the reader's selection in the story. A selection inside a passage already
   * highlighted is that highlight (`existed`), never a second one; null when nothing was made.
   */
  addFromSelection(color: HighlightColor): Promise<{ highlight: Highlight; existed: boolean } | null>;
  /** Each returns why it failed, or null once done. */
  update(id: number, patch: HighlightPatch): Promise<string | null>;
  remove(id: number): Promise<string | null>;
}

/** The selection, if it lies in the story's text and is not empty. */
export function selectionIn(root: HTMLElement | null): Range | null {
  const selection = window.getSelection();
  if (!root || !selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  return root.contains(range.commonAncestorContainer) ? range : null;
}

/** The highlight whose marks hold the whole of `range`, if one does. */
function highlightAround(range: Range, all: readonly Highlight[], anchor: HighlightAnchor): Highlight | null {
  const markOf = (node: Node) => (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>(MARK_SELECTOR);
  const start = markOf(range.startContainer)?.dataset.highlightId;
  const end = markOf(range.endContainer)?.dataset.highlightId;
  if (start !== undefined && start === end) return all.find((item) => item.id === Number(start)) ?? null;
  // Or by place in the text, for a selection that starts or ends just outside a mark's element.
  const from = anchor.position ?? -1;
  const to = from + anchor.quote.length;
  return (
    all.find((item) => item.position !== null && from >= 0 && item.position <= from && to <= item.position + item.quote.length) ?? null
  );
}

/**
 * An article's highlights: loaded from the library, painted into the story as <mark>s after
 * each render of its HTML, and kept in step with changes made here or in another window.
 */
export function useHighlights(articleId: number, body: RefObject<HTMLDivElement | null>, html: string): Highlights {
  const [all, setAll] = useState<Highlight[]>([]);
  const [orphans, setOrphans] = useState<ReadonlySet<number>>(new Set());
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    () => call('highlights.list', { id: articleId }).then(setAll, (reason) => setError(messageOf(reason))),
    [articleId],
  );
  useEffect(() => {
    void load();
    return subscribe('highlights.changed', (event) => {
      if (event.articleId === articleId) void load();
    });
  }, [articleId, load]);

  useLayoutEffect(() => {
    const root = body.current;
    if (!root) return;
    setOrphans(paint(root, all));
    const waiting = takeReveal(articleId);
    if (waiting !== null) revealHighlight(root, waiting);
  }, [body, all, html, articleId]);
  // Chosen in the library's list while this article is already open.
  useEffect(
    () =>
      onReveal((id) => {
        const waiting = id === articleId ? takeReveal(articleId) : null;
        if (waiting !== null) revealHighlight(body.current, waiting);
      }),
    [articleId, body],
  );

  const guard = async <T>(work: () => Promise<T>): Promise<T | null> => {
    try {
      const value = await work();
      setError(null);
      return value;
    } catch (reason) {
      setError(messageOf(reason));
      return null;
    }
  };

  return {
    all,
    orphans,
    error,
    addFromSelection: async (color) => {
      const range = selectionIn(body.current);
      const anchor = range && body.current ? describeRange(indexText(body.current), range) : null;
      if (!anchor) {
        setError('Select some text in the article to highlight it.');
        return null;
      }
      const around = highlightAround(range!, all, anchor);
      if (around) {
        window.getSelection()?.removeAllRanges();
        return { highlight: around, existed: true };
      }
      const created = await guard(() => call('highlights.add', { articleId, color, ...anchor }));
      if (!created) return null;
      window.getSelection()?.removeAllRanges();
      const existed = all.some((item) => item.id === created.id);
      if (!existed) setAll((current) => [...current, created]);
      return { highlight: created, existed };
    },
    update: async (id, patch) => {
      try {
        const changed = await call('highlights.update', { id, patch });
        setAll((current) => current.map((item) => (item.id === id ? changed : item)));
        return null;
      } catch (reason) {
        return messageOf(reason);
      }
    },
    remove: async (id) => {
      try {
        await call('highlights.delete', { id });
        setAll((current) => current.filter((item) => item.id !== id));
        return null;
      } catch (reason) {
        return messageOf(reason);
      }
    },
  };
}
