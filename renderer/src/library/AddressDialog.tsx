import { useState } from 'react';
import { Dialog, FIRST_FIELD } from '../ui/dialog.tsx';

/** Web addresses in free text: one per line, or pasted among other words. */
export function addressesIn(text: string): string[] {
  const found = text.match(/https?:\/\/[^\s<>"']+/gi) ?? [];
  return [...new Set(found.map((url) => url.replace(/[).,;]+$/, '')))];
}

/** "Import from address…": paste one address or many; each page is downloaded and read. */
export function AddressDialog({ onImport, onClose }: { onImport: (urls: string[]) => void; onClose: () => void }) {
  const [text, setText] = useState('');
  const urls = addressesIn(text);
  const invalid = text.trim() !== '' && urls.length === 0;
  return (
    <Dialog title="Import from a web address" onClose={onClose}>
      <form
        className="address-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (urls.length === 0) return;
          onImport(urls);
          onClose();
        }}
      >
        <label htmlFor="import-addresses">Web addresses (one per line)</label>
        <textarea
          id="import-addresses"
          rows={4}
          {...FIRST_FIELD}
          placeholder="https://"
          value={text}
          aria-invalid={invalid || undefined}
          aria-describedby="import-addresses-help"
          onChange={(event) => setText(event.target.value)}
        />
        <p id="import-addresses-help" className="hint">
          {invalid ? 'Addresses start with http:// or https://.' : 'Dateline downloads each page and keeps it offline, pictures included.'}
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={urls.length === 0}>
            {urls.length > 1 ? `Import ${urls.length} pages` : 'Import page'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
