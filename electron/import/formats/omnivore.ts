import { timeOf } from '../archive/saved-link.ts';
import { isRecord, namesIn, notAnEntry, textField } from '../archive/fields.ts';
import { storedArticle } from '../archive/stored-article.ts';
import { jsonListsIn, readZip, zipEntryNames } from '../archive/zip.ts';
import { decodeText } from '../decode.ts';
import type { ImportedHighlight } from '../../library/saved-articles.ts';
import { extensionOf, type ImportEntry, type Importer } from '../types.ts';

const METADATA = /(^|\/)metadata_[^/]*_to_[^/]*\.json$/i;

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
    const file = filesByPath(entries);
    const seen = new Set<string>();
    const results: (Promise<ImportEntry> | ImportEntry)[] = [];
    for (const [index, item] of jsonListsIn(entries, METADATA).entries()) {
      if (!isRecord(item)) {
        results.push(notAnEntry(index));
        continue;
      }
      const key = textField(item.id) || textField(item.slug) || textField(item.url);
      if (key && seen.has(key)) continue;
      if (key) seen.add(key);
      results.push(fromOmnivore(item, file));
    }
    return Promise.all(results);
  },
};

/**
 * A file of the zip by its path inside the export, whatever folder the export was zipped in:
 * looked up once per article, so indexed once rather than searched (exports hold thousands).
 */
function filesByPath(entries: Map<string, Uint8Array>): (path: string) => Uint8Array | undefined {
  const byTail = new Map<string, Uint8Array>();
  for (const [name, data] of entries) {
    const parts = name.split('/');
    for (let start = parts.length - 1; start >= 0; start -= 1) {
      const tail = parts.slice(start).join('/');
      if (!byTail.has(tail)) byTail.set(tail, data);
    }
  }
  return (path) => entries.get(path) ?? byTail.get(path);
}

function fromOmnivore(item: Record<string, unknown>, file: (path: string) => Uint8Array | undefined) {
  const slug = textField(item.slug);
  const html = slug ? file(`content/${slug}.html`) : undefined;
  const notes = slug ? file(`highlights/${slug}.md`) : undefined;
  const archived = /archived/i.test(textField(item.state) ?? '');
  return storedArticle({
    url: textField(item.url) ?? '',
    title: textField(item.title),
    dek: textField(item.description),
    byline: textField(item.author),
    html: html ? decodeText(html) : null,
    tags: namesIn(item.labels, 'name'),
    createdAt: timeOf(item.savedAt),
    publishedAt: timeOf(item.publishedAt),
    archived,
    read: archived,
    highlights: notes ? highlightsFromMarkdown(decodeText(notes)) : undefined,
  });
}

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
  return highlights.map((item) => ({ quote: item.quote.join(' ').trim(), note: item.note.join(' ') })).filter((item) => item.quote);
}
