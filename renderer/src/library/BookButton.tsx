import { useState } from 'react';
import { call, messageOf } from '../client/api.ts';
import { download } from '../client/download.ts';

/** "Export as EPUB": every article of a tag, or of a search, as one book for an e-reader. */
export function BookButton({ source, onError }: { source: { tag: string } | { query: string }; onError: (message: string) => void }) {
  const [busy, setBusy] = useState(false);
  const make = async () => {
    setBusy(true);
    try {
      const file = await call('export.epub', source);
      download(file.fileName, file.mimeType, file.data);
    } catch (reason) {
      onError(messageOf(reason));
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" disabled={busy} onClick={() => void make()}>
      {busy ? 'Making the book…' : 'Export as EPUB'}
    </button>
  );
}
