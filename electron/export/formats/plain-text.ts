import { htmlToReadableText } from '../../common/node/html-blocks.ts';
import type { Exporter } from '../types.ts';
import { bylineLine } from '../byline.ts';

export const plainTextExporter: Exporter = {
  id: 'txt',
  label: 'Plain text',
  extension: '.txt',
  mimeType: 'text/plain; charset=utf-8',
  writes: 'text',
  render: (article) => {
    const header = [article.title, article.dek, article.byline && bylineLine(article.byline), article.dateline].filter(Boolean).join('\n');
    const related = article.related.length
      ? `Related:\n${article.related.map((link) => `- ${link.title}${link.url ? ` <${link.url}>` : ''}`).join('\n')}`
      : '';
    const body = article.html ? htmlToReadableText(article.html) : article.text;
    return `${[header, body, related].filter(Boolean).join('\n\n')}\n`;
  },
};
