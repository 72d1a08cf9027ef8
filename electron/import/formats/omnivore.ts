import { timeOf } from '../archive/saved-link.ts';
import { DatelineError } from '../../common/errors.ts';
import { exportJson, isRecord, namesIn, notAnEntry, textField } from '../archive/fields.ts';
import { storedArticle } from '../archive/stored-article.ts';
import { jsonListsIn, readZip, zipEntryNames } from '../archive/zip.ts';
import { decodeText } from '../decode.ts';
import type { ImportedHighlight } from '../../library/saved-articles.ts';
import { extensionOf, type ImportEntry, type Importer } from '../types.ts';

const METADATA = /(^|\/)metadata_[^/]*_to_[^/]*\.json$/i;

/**
 * Omnivore's export zip: metadata_*_to_*.json lists, content/<slug>.html with each article,
 * highlights/<slug>.md with "> quote" blocks and notes. An entry listed twice is read once.
 * A metadata file on its own (taken out of the zip) brings its entries as saved links, with
 * what it knew of each.
 */
export const omnivoreImporter: Importer = {
  id: 'omnivore',
  label: 'Omnivore export',
  extensions: ['.zip', '.json'],
  reads: 'Omnivore exports (the zip, or a metadata_*.json from it)',
  accepts: (source) =>
    extensionOf(source.name) === '.zip'
      ? zipEntryNames(source.bytes).some((name) => METADATA.test(name))
      : extensionOf(source.name) === '.json' && isOmnivoreMetadata(source.name, source.bytes),
  parse: async (source) => {
    if (extensionOf(source.name) === '.json') {
      const list = exportJson(source.bytes, 'This Omnivore metadata file');
      if (!Array.isArray(list)) throw new DatelineError('IMPORT_FAILED', 'This Omnivore metadata file does not hold a list of entries.');
      return fromEntries(list, () => undefined);
    }
    const entries = readZip(source.bytes);
    return fromEntries(jsonListsIn(entries, METADATA), filesByPath(entries));
  },
};

/** A metadata file by its name, or by the fields of its first entry when it was renamed. */
function isOmnivoreMetadata(name: string, bytes: Uint8Array): boolean {
  if (METADATA.test(name)) return true;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 65536));
  return /^\s*\[/.test(head) && /"slug"\s*:/.test(head) && /"savedAt"\s*:/.test(head);
}

function fromEntries(items: unknown[], file: (path: string) => Uint8Array | undefined): Promise<ImportEntry[]> {
  const seen = new Set<string>();
  const results: (Promise<ImportEntry> | ImportEntry)[] = [];
  for (const [index, item] of items.entries()) {
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
}

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
    highlights: notes ? withPageNotes(readOmnivoreNotes(decodeText(notes)), textField(item.title) ?? textField(item.url) ?? '') : undefined,
  });
}

/**
 * Dateline's notes belong to highlights; a note on the whole page is kept as a note on its
 * headline, so it is neither lost nor shown under a passage it was not written about.
 */
function withPageNotes({ highlights, pageNotes }: OmnivoreNotes, headline: string): ImportedHighlight[] {
  return [...highlights, ...pageNotes.map((note) => ({ quote: headline, note }))];
}

export interface OmnivoreNotes {
  highlights: ImportedHighlight[];
  /** Notes written on the page itself, under no highlight. */
  pageNotes: string[];
}

/**
 * A highlights file as Omnivore writes it: each highlight a "> quote" block (a quote of
 * several paragraphs goes on over lines that may lack the ">"), then its labels as "#label"
 * and its note, each after a blank line; highlights one blank line apart. A page note stands
 * on its own and ends with a blank line of its own, so two or more blank lines (or the end of
 * the file after a blank line) follow it: that is how it is told from the highlight's note.
 */
export function readOmnivoreNotes(markdown: string): OmnivoreNotes {
  const highlights: { quote: string[]; note: string[] }[] = [];
  const pageNotes: string[] = [];
  const blocks = blocksOf(markdown);
  blocks.forEach(({ lines, blanksAfter }, index) => {
    if (lines[0]!.startsWith('>')) {
      highlights.push({ quote: lines.map((line) => line.replace(/^>\s?/, '').trim()), note: [] });
      return;
    }
    if (lines.every((line) => /^#\S/.test(line.trim()))) return;
    const text = lines.map((line) => line.trim()).join(' ');
    const last = index === blocks.length - 1;
    const standsAlone = blanksAfter >= 2 || (last && blanksAfter >= 1) || highlights.length === 0;
    if (standsAlone) pageNotes.push(text);
    else highlights.at(-1)!.note.push(text);
  });
  return {
    highlights: highlights
      .map((item) => ({ quote: item.quote.filter(Boolean).join(' ').trim(), note: item.note.join('\n\n') }))
      .filter((item) => item.quote),
    pageNotes,
  };
}

/** The highlights of a highlights file; its page notes are left out. */
export function highlightsFromMarkdown(markdown: string): ImportedHighlight[] {
  return readOmnivoreNotes(markdown).highlights;
}

/** Runs of non-blank lines, each with how many blank lines follow it. */
function blocksOf(markdown: string): { lines: string[]; blanksAfter: number }[] {
  const blocks: { lines: string[]; blanksAfter: number }[] = [];
  let current: string[] | null = null;
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '' || line.trim() === '>') {
      // A ">" alone inside a quote keeps the quote going; anywhere else it is a blank line.
      if (line.trim() === '>' && current?.[0]?.startsWith('>')) continue;
      if (current) current = null;
      if (blocks.length) blocks.at(-1)!.blanksAfter += 1;
      continue;
    }
    if (!current) {
      current = [];
      blocks.push({ lines: current, blanksAfter: 0 });
    }
    current.push(line);
  }
  // The last line's newline is not a blank line.
  const last = blocks.at(-1);
  if (last && markdown.endsWith('\n') && last.blanksAfter > 0) last.blanksAfter -= 1;
  return blocks;
}
