import { buildEpub } from '../epub.ts';
import type { Exporter } from '../types.ts';

/** One article as a small e-book; whole tags and searches go through `export.epub`. */
export const epubExporter: Exporter = {
  id: 'epub',
  label: 'E-book (EPUB)',
  extension: '.epub',
  mimeType: 'application/epub+zip',
  writes: 'bytes',
  render: (article, context) => buildEpub({ title: article.title || 'Untitled', articles: [article] }, context),
};
