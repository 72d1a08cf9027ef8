import TurndownService from 'turndown';
import { strikethrough, tables } from 'turndown-plugin-gfm';
import { FRONT_MATTER_KEYS } from '../../common/front-matter.ts';
import type { Exporter } from '../types.ts';
import { embedMedia } from './html.ts';

const turndown = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', codeBlockStyle: 'fenced', emDelimiter: '_' });
// GitHub-flavoured tables (and strikethrough), which every Markdown tool reads, instead of
// cells run together into one line.
turndown.use([tables, strikethrough]);

/** Markdown with a YAML front matter block for the metadata, as static-site tools expect. */
export const markdownExporter: Exporter = {
  id: 'md',
  label: 'Markdown',
  extension: '.md',
  mimeType: 'text/markdown; charset=utf-8',
  writes: 'text',
  render: (article, context) => {
    const fields: [keyof typeof FRONT_MATTER_KEYS, string | null][] = [
      ['title', article.title],
      ['dek', article.dek],
      ['byline', article.byline],
      ['dateline', article.dateline],
      ['source', article.sourceUrl ?? article.sourceName],
      ['published', article.publishedAt],
      ['tags', article.tags.length ? `[${article.tags.map(yamlString).join(', ')}]` : ''],
    ];
    const front = fields
      .filter(([, value]) => value)
      .map(([field, value]) => `${FRONT_MATTER_KEYS[field][0]}: ${field === 'tags' ? value : yamlString(value!)}`);
    const related = article.related.length
      ? `\n\n## Related\n\n${article.related.map((link) => `- ${link.url ? `[${link.title}](${link.url})` : link.title}`).join('\n')}`
      : '';
    return `---\n${front.join('\n')}\n---\n\n# ${article.title}\n\n${turndown.turndown(embedMedia(article.html, context) || ' ')}${related}\n`;
  },
};

function yamlString(value: string): string {
  return JSON.stringify(value);
}
