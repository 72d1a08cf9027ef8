import { DatelineError } from '../common/errors.ts';
import type { Article } from '../common/model.ts';
import { docxExporter } from './formats/docx.ts';
import { epubExporter } from './formats/epub.ts';
import { highlightsMarkdownExporter } from './formats/highlights-markdown.ts';
import { htmlExporter } from './formats/html.ts';
import { markdownExporter } from './formats/markdown.ts';
import { ninjsExporter } from './formats/ninjs.ts';
import { pdfExporter } from './formats/pdf.ts';
import { plainTextExporter } from './formats/plain-text.ts';
import type { ExportContext, Exporter } from './types.ts';

/** Every export format, in the order they are offered. Add one line per format. */
export const exporters = [
  markdownExporter,
  htmlExporter,
  docxExporter,
  pdfExporter,
  plainTextExporter,
  ninjsExporter,
  epubExporter,
  highlightsMarkdownExporter,
] as const satisfies readonly Exporter[];

export type ExportFormat = (typeof exporters)[number]['id'];
export const exportFormats = exporters.map((exporter) => exporter.id) as [ExportFormat, ...ExportFormat[]];

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

export async function exportArticle(article: Article, format: ExportFormat | (string & {}), context: ExportContext): Promise<ExportedFile> {
  const exporter: Exporter | undefined = exporters.find((candidate) => candidate.id === format);
  if (!exporter) {
    throw new DatelineError('INVALID_INPUT', `Dateline cannot export to "${format}"; it exports ${exportFormats.join(', ')}.`);
  }
  const output = await exporter.render(article, context);
  return {
    fileName: `${fileStem(article.title)}${exporter.extension}`,
    mimeType: exporter.mimeType,
    bytes: typeof output === 'string' ? new TextEncoder().encode(output) : output,
  };
}

/** Bytes a file name may take on common file systems, with room for the extension. */
const MAX_STEM_BYTES = 200;

/** A file name any OS accepts, from a headline; long ones are cut between words. */
export function fileStem(title: string): string {
  let stem = title
    .normalize('NFKC')
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  while (Buffer.byteLength(stem) > MAX_STEM_BYTES) {
    const cut = stem.lastIndexOf(' ');
    stem = cut > 0 ? stem.slice(0, cut) : stem.slice(0, stem.length - 1);
  }
  stem = stem.replace(/[. ]+$/, '');
  return stem || 'Untitled';
}
