import type { Exporter } from '../types.ts';
import { bylineLine } from '../byline.ts';

/**
 * An article's highlights and notes as Markdown: each highlight a "> quote" block with its
 * note under it, the shape read-later apps (Omnivore) export and Dateline imports back.
 */
export const highlightsMarkdownExporter: Exporter = {
  id: 'highlights-md',
  label: 'Highlights and notes (Markdown)',
  extension: '.highlights.md',
  mimeType: 'text/markdown; charset=utf-8',
  writes: 'text',
  render: (article, context) => {
    const highlights = context.highlights?.(article.id) ?? [];
    const source = article.sourceUrl ? `[${article.sourceName || article.sourceUrl}](<${article.sourceUrl}>)` : article.sourceName;
    const lines = [`# Highlights: ${oneLine(article.title) || 'Untitled'}`, ''];
    if (source || article.byline)
      lines.push([article.byline && bylineLine(oneLine(article.byline)), source].filter(Boolean).join(' · '), '');
    if (highlights.length === 0) lines.push('_No highlights._', '');
    for (const highlight of highlights) {
      lines.push(...highlight.quote.split(/\r?\n/).map((line) => `> ${line}`), '');
      if (highlight.note.trim()) lines.push(...highlight.note.trim().split(/\r?\n/).map(escapeLeadingQuote), '');
    }
    return lines.join('\n');
  },
};

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A note line that starts with ">" would read back as a quote. */
function escapeLeadingQuote(line: string): string {
  return line.startsWith('>') ? `\\${line}` : line;
}
