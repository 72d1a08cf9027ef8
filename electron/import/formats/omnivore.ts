import { timeOf } from '../archive/saved-link.ts';
import { storedArticle } from '../archive/stored-article.ts';
import { jsonListsIn, readZip, zipEntryNames } from '../archive/zip.ts';
import { decodeText } from '../decode.ts';
import type { ImportedHighlight } from '../../library/articles.ts';
import { extensionOf, type Importer } from '../types.ts';

const METADATA = /(^|\/)metadata_[^/]*_to_[^/]*\.json$/i;

interface OmnivoreItem {
  id?: string;
  slug?: string;
  title?: string;
  description?: string;
  author?: string;
  url?: string;
  state?: string;
  labels?: (string | { name?: string })[];
  savedAt?: string;
  publishedAt?: string;
}

/**
 * Omnivore's export zip: metadata_*_to_*.json lists, content/<slug>.html with each article,
 * highlights/<slug>.md with "> quote" blocks and notes. An entry listed twice is read once.
 */
export const omnivoreImporter: Importer = {
  id: 'omnivore',
  label: 'Omnivore export',
  extensions: ['.zip'],
  accepts: (source) => extensionOf(source.name) === '.zip' && zipEntryNames(source.bytes).some((name) => METADATA.test(name)),
  parse: async (source) => {
    const entries = readZip(source.bytes);
    const file = (path: string) => [...entries].find(([name]) => name === path || name.endsWith(`/${path}`))?.[1];
    const seen = new Set<string>();
    const items: OmnivoreItem[] = [];
    for (const item of jsonListsIn(entries, METADATA) as OmnivoreItem[]) {
      const key = item?.id ?? item?.slug ?? item?.url ?? '';
      if (!key || seen.has(key)) continue;
      seen.add(key);
      items.push(item);
    }
    return Promise.all(items.map((item) => {
      const html = item.slug ? file(`content/${item.slug}.html`) : undefined;
      const notes = item.slug ? file(`highlights/${item.slug}.md`) : undefined;
      const archived = /archived/i.test(item.state ?? '');
      return storedArticle({
        url: item.url ?? '',
        title: item.title,
        dek: item.description,
        byline: item.author,
        html: html ? decodeText(html) : null,
        tags: (item.labels ?? []).map((label) => (typeof label === 'string' ? label : (label.name ?? ''))),
        createdAt: timeOf(item.savedAt),
        publishedAt: timeOf(item.publishedAt),
        archived,
        read: archived,
        highlights: notes ? highlightsFromMarkdown(decodeText(notes)) : undefined,
      });
    }));
  },
};

/** "> quote" blocks (over one or more lines), each followed by the note written under it. */
export function highlightsFromMarkdown(markdown: string): ImportedHighlight[] {
  const highlights: { quote: string[]; note: string[] }[] = [];
  let previousWasQuote = false;
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.startsWith('>')) {
      if (!previousWasQuote) highlights.push({ quote: [], note: [] });
      highlights.at(-1)!.quote.push(line.replace(/^>\s?/, ''));
      previousWasQuote = true;
    } else {
      if (line.trim() && !line.startsWith('#')) highlights.at(-1)?.note.push(line.trim());
      previousWasQuote = false;
    }
  }
  return highlights
    .map((item) => ({ quote: item.quote.join(' ').trim(), note: item.note.join(' ') }))
    .filter((item) => item.quote);
}
