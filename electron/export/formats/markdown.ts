import TurndownService from 'turndown';
import { strikethrough, tables } from 'turndown-plugin-gfm';
import { EDITOR_NODES } from '../../common/editor-nodes/index.ts';
import type { ElementLike, MediaAddress } from '../../common/editor-nodes/types.ts';
import { FRONT_MATTER_KEYS } from '../../common/front-matter.ts';
import { libraryMediaUrl, mediaIdFromUrl } from '../../common/media-url.ts';
import type { ExportContext, Exporter } from '../types.ts';
import { mediaDataUri } from './html.ts';

const turndown = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', codeBlockStyle: 'fenced', emDelimiter: '_' });
// GitHub-flavoured tables (and strikethrough), which every Markdown tool reads, instead of
// cells run together into one line.
turndown.use([tables, strikethrough]);

/** Where the article being written finds its pictures: set for each render (turndown is sync). */
let mediaAddress: MediaAddress = libraryMediaUrl;

// The editor's own nodes (pictures, pull quotes) are written in their own Markdown forms.
for (const definition of EDITOR_NODES) {
  const payloadOf = (node: unknown) => definition.read(node as ElementLike, mediaIdFromUrl);
  turndown.addRule(definition.type, {
    filter: (node) => definition.matches(node as unknown as ElementLike) && payloadOf(node) !== null,
    replacement: (_content, node) => `\n\n${definition.markdown(payloadOf(node), mediaAddress)}\n\n`,
  });
}

/** Library pictures travel inside the Markdown file as data: URIs: nothing else opens our addresses. */
function embeddedMedia(context: ExportContext): MediaAddress {
  return (id) => mediaDataUri(id, context) ?? libraryMediaUrl(id);
}

function markdownOf(html: string, context: ExportContext): string {
  mediaAddress = embeddedMedia(context);
  try {
    return turndown.turndown(html || ' ');
  } finally {
    mediaAddress = libraryMediaUrl;
  }
}

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
    return `---\n${front.join('\n')}\n---\n\n# ${article.title}\n\n${markdownOf(article.html, context)}${related}\n`;
  },
};

function yamlString(value: string): string {
  return JSON.stringify(value);
}
