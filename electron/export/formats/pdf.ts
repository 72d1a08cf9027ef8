import { DatelineError } from '../../common/errors.ts';
import type { Exporter } from '../types.ts';
import { htmlExporter } from './html.ts';

/** The standalone page, printed by the desktop app's own Chromium. */
export const pdfExporter: Exporter = {
  id: 'pdf',
  label: 'PDF',
  extension: '.pdf',
  mimeType: 'application/pdf',
  writes: 'bytes',
  render: async (article, context) => {
    if (!context.printToPdf) {
      throw new DatelineError(
        'UNSUPPORTED',
        'PDF export needs the desktop app. In the browser, open the article and use Print (Ctrl+P or ⌘P), then "Save as PDF".',
      );
    }
    return context.printToPdf(String(await htmlExporter.render(article, context)));
  },
};
