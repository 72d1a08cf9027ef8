import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

/** Marks the control a dialog starts in (React's autoFocus runs before the dialog opens, so it loses). */
export const FIRST_FIELD = { 'data-autofocus': true } as const;

const FIELDS = 'input:not([type="hidden"]):not([disabled]), textarea:not([disabled]), select:not([disabled])';

/**
 * Where focus goes when a dialog opens: the control marked FIRST_FIELD, else its first field
 * (the checked one of a radio group), else its first button — never the Close button, which a
 * space typed into the dialog would press.
 */
function startingPoint(dialog: HTMLDialogElement): HTMLElement | null {
  const marked = dialog.querySelector<HTMLElement>('[data-autofocus]');
  if (marked) return marked;
  const field = dialog.querySelector<HTMLInputElement>(FIELDS);
  if (field?.type === 'radio' && field.name) {
    const checked = dialog.querySelector<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(field.name)}"]:checked`);
    if (checked) return checked;
  }
  return field ?? dialog.querySelector<HTMLElement>('.dialog-body button:not([disabled]), .dialog-actions button:not([disabled])');
}

const FOCUSABLE = `${FIELDS}, button:not([disabled]), a[href], summary, [tabindex]:not([tabindex="-1"])`;

/**
 * Tab from the last control goes to the first, and Shift+Tab from the first to the last: a
 * modal <dialog> makes the window inert, but would let focus leave for the browser's own UI.
 */
function keepFocusInside(event: KeyboardEvent<HTMLDialogElement>): void {
  if (event.key !== 'Tab') return;
  const controls = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.offsetParent !== null);
  if (controls.length === 0) return;
  const first = controls[0]!;
  const last = controls[controls.length - 1]!;
  const active = document.activeElement;
  if (event.shiftKey && (active === first || active === event.currentTarget)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * A modal dialog on the platform's <dialog>: focus starts in its first field and stays
 * inside (the rest of the window is inert), Escape closes it, and focus goes back to what
 * opened it.
 */
export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    // A dialog whose fields arrive later (loaded choices) holds focus itself until they do.
    const start = () => (startingPoint(dialog) ?? dialog).focus();
    start();
    const waiting = new MutationObserver(() => document.activeElement === dialog && startingPoint(dialog) && start());
    waiting.observe(dialog, { childList: true, subtree: true });
    return () => {
      waiting.disconnect();
      dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog ref={ref} className="dialog" tabIndex={-1} aria-labelledby="dialog-title" onClose={onClose} onKeyDown={keepFocusInside}>
      <header className="dialog-header">
        <h2 id="dialog-title">{title}</h2>
        <button type="button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}
