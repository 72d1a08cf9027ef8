import { exportBook } from '../../export/collections.ts';
import { exporters } from '../../export/registry.ts';
import { base64, type Services } from './services.ts';
import type { HandlersOf } from './types.ts';

export function exportHandlers({ library }: Services): HandlersOf<'export'> {
  return {
    'export.formats': () => exporters.map(({ id, label, extension }) => ({ id, label, extension })),
    'export.epub': (source) => {
      const file = exportBook(library, source);
      return { fileName: file.fileName, mimeType: file.mimeType, data: base64(file.bytes) };
    },
  };
}
