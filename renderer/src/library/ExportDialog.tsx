import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../electron/ipc/contract.ts';
import { Dialog } from '../ui/dialog.tsx';
import { call, messageOf, transport } from '../client/api.ts';
import { download } from '../client/download.ts';

type Formats = ChannelOutput<'export.formats'>;

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
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
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
