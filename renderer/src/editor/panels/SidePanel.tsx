import type { ReactNode } from 'react';

/** A panel beside the story (its history, its comments): a heading, a close button, its content. */
export function SidePanel({
  className,
  label,
  title,
  closeLabel,
  onClose,
  children,
}: {
  className: string;
  label: string;
  title: string;
  closeLabel: string;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <aside className={`side-panel ${className}`} aria-label={label}>
      <header>
        <h2>{title}</h2>
        <button type="button" aria-label={closeLabel} onClick={onClose}>
          ×
        </button>
      </header>
      {children}
    </aside>
  );
}
