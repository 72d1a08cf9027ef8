import { DatelineError } from '../../common/errors.ts';
import { csvHeader, readCsv } from '../archive/csv.ts';
import { isRecord, listField, textField } from '../archive/fields.ts';
import { savedLink, timeOf } from '../archive/saved-link.ts';
import { jsonListsIn, readZip, zipEntryNames } from '../archive/zip.ts';
import { decodeText } from '../decode.ts';
import { extensionOf, type Importer, type ImportSource } from '../types.ts';
import type { ImportedHighlight } from '../../library/saved-articles.ts';
import { parseDocument } from '../../common/node/html-dom.ts';

const PART = /(^|\/)part_\d+\.csv$/i;
const ANNOTATIONS = /(^|\/)annotations\/part_\d+\.json$/i;

/**
 * Pocket: the 2025 export (pocket.zip with part_*.csv and annotations/part_*.json) and the
 * older ril_export.html. Entries come as saved links with their tags, state, date and
 * highlights.
 */
export const pocketImporter: Importer = {
  id: 'pocket',
  label: 'Pocket export',
  extensions: ['.zip', '.csv', '.html'],
  reads: 'Pocket exports (title, url, time_added, tags, status)',
  accepts: (source) =>
    (extensionOf(source.name) === '.zip' && zipEntryNames(source.bytes).some((name) => PART.test(name))) ||
    (extensionOf(source.name) === '.csv' && isPartCsv(source)) ||
    (extensionOf(source.name) === '.html' && isLegacyExport(source)),
  parse: (source) => {
    const extension = extensionOf(source.name);
    if (extension === '.zip') return fromZip(source.bytes);
    // One part of an unpacked export, without the annotations beside it.
    if (extension === '.csv') return fromParts([decodeText(source.bytes)], new Map());
    return fromLegacyHtml(decodeText(source.bytes));
  },
};

function fromZip(bytes: Uint8Array) {
  const entries = readZip(bytes);
  const highlights = new Map<string, ImportedHighlight[]>();
  for (const item of jsonListsIn(entries, ANNOTATIONS).filter(isRecord)) {
    const url = textField(item.url);
    if (!url) continue;
    const quotes = listField(item.highlights)
      .filter(isRecord)
      .flatMap((highlight) => {
        const quote = textField(highlight.quote);
        return quote ? [{ quote, createdAt: timeOf(highlight.created_at) }] : [];
      });
    highlights.set(url, [...(highlights.get(url) ?? []), ...quotes]);
  }
  const parts = [...entries]
    .filter(([name]) => PART.test(name))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, data]) => decodeText(data));
  return fromParts(parts, highlights);
}

function fromParts(parts: string[], highlights: Map<string, ImportedHighlight[]>) {
  const rows = parts.flatMap((part) => readCsv(part));
  if (rows.length && !('url' in rows[0]!)) throw new DatelineError('IMPORT_FAILED', 'This Pocket export has no "url" column.');
  return rows.map((row) =>
    savedLink({
      url: row.url ?? '',
      title: row.title,
      tags: (row.tags ?? '').split('|'),
      createdAt: timeOf(row.time_added),
      archived: row.status === 'archive',
      read: row.status === 'archive',
      highlights: highlights.get(row.url ?? ''),
    }),
  );
}

/** A part file of the 2025 export, recognised by its header, whatever the file is called now. */
function isPartCsv(source: ImportSource): boolean {
  const header = csvHeader(new TextDecoder('latin1').decode(source.bytes.subarray(0, 2048)));
  return ['url', 'time_added', 'status'].every((column) => header.includes(column)) && !header.includes('selection');
}

function isLegacyExport(source: ImportSource): boolean {
  const head = new TextDecoder('latin1').decode(source.bytes.subarray(0, 2048));
  return /ril_export/i.test(source.name) || /<title>\s*Pocket Export\s*<\/title>/i.test(head);
}

/** `<h1>Unread</h1>` and `<h1>Read Archive</h1>`, each followed by a list of links. */
function fromLegacyHtml(html: string) {
  const document = parseDocument(html);
  let archived = false;
  const entries = [];
  for (const element of Array.from(document.querySelectorAll('h1, a[href]'))) {
    if (element.tagName === 'H1') {
      archived = /archive/i.test(element.textContent ?? '');
      continue;
    }
    entries.push(
      savedLink({
        url: element.getAttribute('href') ?? '',
        title: element.textContent ?? '',
        tags: (element.getAttribute('tags') ?? '').split(','),
        createdAt: timeOf(element.getAttribute('time_added')),
        archived,
        read: archived,
      }),
    );
  }
  return entries;
}
