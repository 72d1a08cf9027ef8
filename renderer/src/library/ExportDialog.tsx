import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../electron/ipc/contract.ts';
import { Dialog } from '../app/dialog.tsx';
import { call, messageOf, transport } from '../client/api.ts';

type Formats = ChannelOutput<'export.formats'>;

/** Hands a file to the browser's download (the desktop app shows its native save dialog). */
function download(fileName: string, mimeType: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportDialog({ articleId, onClose }: { articleId: number; onClose: () => void }) {
  const [formats, setFormats] = useState<Formats>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('export.formats', {}).then(setFormats, (reason) => setError(messageOf(reason)));
  }, []);

  const exportAs = async (format: string) => {
    // A browser cannot be asked for a PDF file, but it prints the page as it reads.
    if (format === 'pdf' && transport === 'browser') {
      onClose();
      setTimeout(() => window.print(), 100);
      return;
    }
    try {
      const file = await call('articles.export', { id: articleId, format });
      download(file.fileName, file.mimeType, file.data);
      onClose();
    } catch (reason) {
      setError(messageOf(reason));
    }
  };

  return (
    <Dialog title="Export article" onClose={onClose}>
      {error && <p role="alert" className="inline-error">{error}</p>}
      <ul className="choice-list">
        {formats.map((format) => (
          <li key={format.id}>
            <button type="button" onClick={() => void exportAs(format.id)}>
              {format.label} <span className="count">{format.extension}</span>
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
