import { listHighlights } from '../library/highlights.ts';
import type { Library } from '../library/library.ts';
import { getMedia } from '../library/media.ts';
import type { ExportContext } from './types.ts';

/** What exporters may read from a library: its images and highlights. */
export function libraryExportContext(library: Library, printToPdf?: ExportContext['printToPdf']): ExportContext {
  return {
    media: (mediaId) => getMedia(library, mediaId),
    highlights: (articleId) => listHighlights(library, articleId),
    printToPdf,
  };
}
