import { Dialog, FIRST_FIELD } from './dialog.tsx';

/**
 * A question before something that cannot be taken back, in the app's own dialog (a native
 * confirm() blocks the window, and Electron styles it as the system's). Focus starts on
 * Cancel, so a stray Enter changes nothing.
 */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog title={title} onClose={onCancel}>
      <p>{message}</p>
      <div className="dialog-actions">
        <button type="button" {...FIRST_FIELD} onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
