import { useEffect, useRef, useState } from 'react';

export interface OverflowAction {
  label: string;
  run: () => void;
  title?: string;
  ariaLabel?: string;
  danger?: boolean;
}

/** Widths of the toolbar from which the first, second… action stays in it (see reader/reader.css). */
const TIERS = 4;

/**
 * Toolbar buttons that stay in the toolbar while there is room, and move into a "More" menu,
 * last first, as it narrows (container queries on the toolbar), so the toolbar keeps one row
 * at any window width instead of stacking. Each action shows in one place at a time.
 */
export function OverflowActions({ actions }: { actions: readonly OverflowAction[] }) {
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !menu.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  return (
    <>
      {actions.map((action, index) => (
        <button
          key={action.label}
          type="button"
          className={`inline-tier-${tierOf(index)}${action.danger ? ' danger' : ''}`}
          title={action.title}
          aria-label={action.ariaLabel}
          onClick={action.run}
        >
          {action.label}
        </button>
      ))}
      <div className="overflow-menu" ref={menu}>
        <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
          More
        </button>
        {open && (
          <div role="menu" aria-label="More actions" className="overflow-menu-list">
            {actions.map((action, index) => (
              <button
                key={action.label}
                type="button"
                role="menuitem"
                className={`menu-tier-${tierOf(index)}${action.danger ? ' danger' : ''}`}
                onClick={() => {
                  setOpen(false);
                  action.run();
                }}
              >
                {action.ariaLabel ?? action.label}
              </button>
            ))}
          </div>
        )}
      </div>
    </>
  );
}

function tierOf(index: number): number {
  return Math.min(index + 1, TIERS);
}
