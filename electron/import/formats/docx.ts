import { docxToHtml } from '../converters.ts';
import { articleFromDocumentHtml } from '../html/document-article.ts';
import { extensionOf, type Importer } from '../types.ts';

/** Word documents (.docx), read with mammoth: headings, lists, emphasis, links and images. */
export const docxImporter: Importer = {
  id: 'docx',
  label: 'Word document',
  extensions: ['.docx'],
  accepts: (source) => docxImporter.extensions.includes(extensionOf(source.name)),
  parse: async (source) => [await articleFromDocumentHtml(await docxToHtml(source.bytes), source.name, {})],
};
