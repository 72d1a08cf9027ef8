import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Article } from '../../../electron/common/model.ts';
import { announceProgress } from '../ui/reading-progress.ts';
import { call } from '../client/api.ts';

/** Scrolling settles this long before the place is saved. */
const SAVE_AFTER_MS = 400;
/** This close to the end counts as having read to the end. */
const END = 0.98;

/** How far down the story the reader is, from 0 (its top) to 1 (its end). */
function progressOf(pane: HTMLElement): number {
  const room = pane.scrollHeight - pane.clientHeight;
  return room <= 0 ? 1 : Math.min(1, Math.max(0, pane.scrollTop / room));
}

/**
 * Keeps the reader's place: restores the saved progress when the article opens, saves it as
 * the reader scrolls, and calls `onEnd` once when the end is reached on an unread article.
 * Returns whether that happened, so the view can offer to undo it.
 */
export function useReadingProgress(body: RefObject<HTMLDivElement | null>, article: Article, onEnd: () => void): boolean {
  const [finished, setFinished] = useState(false);
  const state = useRef({ read: article.read, onEnd });
  state.current = { read: article.read, onEnd };
  const { id, readingProgress } = article;

  useEffect(() => {
    const pane = body.current?.closest<HTMLElement>('.content-pane');
    if (!pane) return;
    // Restore once the story is laid out; the saved place is a share of its length.
    const restore = requestAnimationFrame(() => {
      if (readingProgress > 0 && readingProgress < 1) pane.scrollTop = readingProgress * (pane.scrollHeight - pane.clientHeight);
    });
    let timer: number | undefined;
    let saved = readingProgress;
    const save = () => {
      const progress = Math.round(progressOf(pane) * 1000) / 1000;
      if (Math.abs(progress - saved) < 0.005) return;
      saved = progress;
      void call('articles.setProgress', { id, progress }).then(
        () => announceProgress(id, progress),
        () => undefined,
      );
      if (progress >= END && !state.current.read && pane.scrollHeight > pane.clientHeight) {
        state.current.read = true;
        setFinished(true);
        state.current.onEnd();
      }
    };
    const onScroll = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(save, SAVE_AFTER_MS);
    };
    pane.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(restore);
      pane.removeEventListener('scroll', onScroll);
      // Leaving mid-scroll still keeps the place.
      if (timer !== undefined) {
        window.clearTimeout(timer);
        save();
      }
    };
    // Only a different article restarts this; progress saved while reading must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [body, id]);
  return finished;
}
