import { escapeHtml } from '../../common/text.ts';
import { librarySrcPattern } from '../../common/media-url.ts';
import { articleHeaderHtml, relatedHtml } from '../article-html.ts';
import type { ExportContext, Exporter } from '../types.ts';

const STYLE = `
  body { font: 1.15rem/1.65 Georgia, 'Times New Roman', serif; color: #1f1d1a; background: #fbfaf7; margin: 0; }
  main { max-width: 40rem; margin: 3rem auto; padding: 0 1.25rem; }
  h1 { font-size: 2.1rem; line-height: 1.2; margin: 0 0 .5rem; }
  .dek { font-size: 1.25rem; color: #5f5a52; margin: 0 0 .5rem; }
  .byline, .dateline, .meta { font: .95rem system-ui, sans-serif; color: #5f5a52; margin: 0; }
  blockquote { border-left: 3px solid #a3321f; margin: 1rem 0; padding-left: 1rem; color: #5f5a52; }
  img { max-width: 100%; height: auto; }
  figure { margin: 1.5rem 0; }
  figcaption { font: .9rem system-ui, sans-serif; color: #5f5a52; }
  .credit { text-transform: uppercase; font-size: .75rem; letter-spacing: .04em; }
  .pullquote blockquote { border: none; font-size: 1.5rem; color: #a3321f; }
  table { border-collapse: collapse; } td, th { border: 1px solid #d9d4ca; padding: .3rem .6rem; }
  .related { border-top: 2px solid #1f1d1a; margin-top: 2.5rem; font-size: 1rem; }
`;

/** A library image as a data: URI, so the file that holds it stands alone; null when it is gone. */
export function mediaDataUri(id: number, context: ExportContext): string | null {
  const media = context.media(id);
  return media ? `data:${media.mimeType};base64,${media.bytes.toString('base64')}` : null;
}

/** Library images become data: URIs, so the page stands alone. */
export function embedMedia(html: string, context: ExportContext): string {
  return html.replace(librarySrcPattern(), (whole, id: string) => {
    const uri = mediaDataUri(Number(id), context);
    return uri ? `src="${uri}"` : whole;
  });
}

/** A standalone page: the article's stored (sanitized) HTML, styled, with no script. */
export const htmlExporter: Exporter = {
  id: 'html',
  label: 'Web page (HTML)',
  extension: '.html',
  mimeType: 'text/html; charset=utf-8',
  writes: 'text',
  render: (article, context) => {
    return `<!doctype html>
<html lang="${escapeHtml(article.language ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${escapeHtml(article.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<article>
${articleHeaderHtml(article)}
${embedMedia(article.html, context)}
</article>
${relatedHtml(article)}
</main>
</body>
</html>
`;
  },
};
