// The exporters (docx, EPUB, PDF and their libraries) load on first use, not with the
// dispatcher: a CLI command or a window that never exports does not pay for them.
import { base64, type Services } from './services.ts';
import type { HandlersOf } from './types.ts';

export function exportHandlers({ library }: Services): HandlersOf<'export'> {
  return {
    'export.formats': async () => {
      const { exporters } = await import('../../export/registry.ts');
      return exporters.map(({ id, label, extension }) => ({ id, label, extension }));
    },
    'export.epub': async (source) => {
      const { exportBook } = await import('../../export/collections.ts');
      const file = exportBook(library, source);
      return { fileName: file.fileName, mimeType: file.mimeType, data: base64(file.bytes) };
    },
  };
}
