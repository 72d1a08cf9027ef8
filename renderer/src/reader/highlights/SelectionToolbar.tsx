import { useEffect, useState, type RefObject } from 'react';
import type { HighlightColor } from '../../../../electron/common/model.ts';
import { COLOR_LABELS, highlightColors } from '../../ui/labels.ts';
import { selectionIn } from './useHighlights.ts';

/**
 * The small bar over a selection in the story: a highlight in one of four colours, or one
 * with a note. Pressing its buttons keeps the selection (mousedown is not let through).
 */
export function SelectionToolbar({
  body,
  onHighlight,
}: {
  body: RefObject<HTMLDivElement | null>;
  onHighlight: (color: HighlightColor, withNote: boolean) => void;
}) {
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);
  useEffect(() => {
    const follow = () => {
      const range = selectionIn(body.current);
      const rect = range?.getBoundingClientRect();
      setPlace(rect && rect.width + rect.height > 0 ? { top: Math.max(8, rect.top - 44), left: rect.left + rect.width / 2 } : null);
    };
    document.addEventListener('selectionchange', follow);
    const pane = body.current?.closest('.content-pane');
    pane?.addEventListener('scroll', follow, { passive: true });
    return () => {
      document.removeEventListener('selectionchange', follow);
      pane?.removeEventListener('scroll', follow);
    };
  }, [body]);
  if (!place) return null;
  return (
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label="Highlight the selection"
      style={{ top: place.top, left: place.left }}
      onMouseDown={(event) => event.preventDefault()}
    >
      {highlightColors.map((color) => (
        <button
          key={color}
          type="button"
          className="swatch"
          data-color={color}
          aria-label={`Highlight ${COLOR_LABELS[color].toLowerCase()}`}
          title={`Highlight ${COLOR_LABELS[color].toLowerCase()}${color === 'yellow' ? ' (h)' : ''}`}
          onClick={() => onHighlight(color, false)}
        />
      ))}
      <button type="button" onClick={() => onHighlight('yellow', true)}>
        Note…
      </button>
    </div>
  );
}
