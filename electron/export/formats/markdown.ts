import TurndownService from 'turndown';
import type { Exporter } from '../types.ts';

const turndown = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', codeBlockStyle: 'fenced', emDelimiter: '_' });

/** Markdown with a YAML front matter block for the metadata, as static-site tools expect. */
export const markdownExporter: Exporter = {
  id: 'md',
  label: 'Markdown',
  extension: '.md',
  mimeType: 'text/markdown; charset=utf-8',
  render: (article) => {
    const front = [
      ['title', article.title],
      ['dek', article.dek],
      ['byline', article.byline],
      ['source', article.sourceUrl ?? article.sourceName],
      ['published', article.publishedAt],
      ['tags', article.tags.length ? `[${article.tags.map(yamlString).join(', ')}]` : ''],
    ]
      .filter(([, value]) => value)
      .map(([key, value]) => `${key}: ${key === 'tags' ? value : yamlString(value!)}`);
    const related = article.related.length
      ? `\n\n## Related\n\n${article.related.map((link) => `- ${link.url ? `[${link.title}](${link.url})` : link.title}`).join('\n')}`
      : '';
    return `---\n${front.join('\n')}\n---\n\n# ${article.title}\n\n${turndown.turndown(article.html || ' ')}${related}\n`;
  },
};

function yamlString(value: string): string {
  return JSON.stringify(value);
}
