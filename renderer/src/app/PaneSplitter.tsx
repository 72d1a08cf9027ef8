import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { PANE_BOUNDS, type Pane } from './panes.ts';

interface Props {
  pane: Pane;
  label: string;
  width: number;
  collapsed: boolean;
  /** The pane's element, for its width as shown (the stylesheet may hold it narrower). */
  target: () => HTMLElement | null;
  onResize: (width: number) => void;
  onCollapse: (collapsed: boolean) => void;
}

/** Keyboard steps: an arrow moves the edge this far, Shift with it four times as far. */
const STEP = 16;

/**
 * The edge between two panes: drag it, or focus it and use the arrows, to resize the pane on
 * its left; Enter or a double-click folds the pane away and brings it back.
 */
export function PaneSplitter({ pane, label, width, collapsed, target, onResize, onCollapse }: Props) {
  const drag = useRef<{ x: number; width: number } | null>(null);
  const { min, max } = PANE_BOUNDS[pane];

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, width: collapsed ? 0 : (target()?.getBoundingClientRect().width ?? width) };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    const next = drag.current.width + event.clientX - drag.current.x;
    // Dragged well under its narrowest, the pane folds away, as in most editors.
    if (next < min / 2) onCollapse(true);
    else onResize(next);
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? STEP * 4 : STEP;
    const handled = (() => {
      switch (event.key) {
        case 'ArrowLeft':
          onResize(width - step);
          return true;
        case 'ArrowRight':
          onResize(width + step);
          return true;
        case 'Home':
          onResize(min);
          return true;
        case 'End':
          onResize(max);
          return true;
        case 'Enter':
          onCollapse(!collapsed);
          return true;
        default:
          return false;
      }
    })();
    if (handled) event.preventDefault();
  };

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={collapsed ? 0 : width}
      aria-valuetext={collapsed ? 'folded away' : `${width} pixels`}
      tabIndex={0}
      className={`pane-splitter ${pane}-splitter`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={() => onCollapse(!collapsed)}
      onKeyDown={onKeyDown}
    />
  );
}
