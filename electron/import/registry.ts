import { docxImporter } from './formats/docx.ts';
import { htmlImporter } from './formats/html.ts';
import { markdownImporter } from './formats/markdown.ts';
import { plainTextImporter } from './formats/plain-text.ts';
import type { Importer, ImportSource } from './types.ts';

/** Every import format Dateline knows, in the order they are asked. Add one line per format. */
export const importers: readonly Importer[] = [plainTextImporter, htmlImporter, markdownImporter, docxImporter];

export function findImporter(source: ImportSource): Importer | undefined {
  return importers.find((importer) => importer.accepts(source));
}

export const supportedExtensions: readonly string[] = importers.flatMap((importer) => importer.extensions);
