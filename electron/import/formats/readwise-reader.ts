import { csvHeader, readCsv } from '../archive/csv.ts';
import { savedLink, timeOf } from '../archive/saved-link.ts';
import { decodeText } from '../decode.ts';
import { extensionOf, type Importer, type LeftOutEntry } from '../types.ts';

/**
 * Readwise Reader's CSV export (Preferences ▸ Export library): Title, URL, ID, Document tags,
 * Saved date, Reading progress, Location, Seen. Location is where the document sits: new,
 * later and shortlist (its "starred") are saved, archive is read; feed is an item of a feed
 * the person follows but never saved, so it is left out and says so, not imported by the
 * thousand.
 */
export const readwiseReaderImporter: Importer = {
  id: 'readwise-reader',
  label: 'Readwise Reader export',
  extensions: ['.csv'],
  reads: 'Readwise Reader exports (Title, URL, Document tags, Saved date, Location)',
  accepts: (source) => {
    if (extensionOf(source.name) !== '.csv') return false;
    const columns = csvHeader(new TextDecoder('latin1').decode(source.bytes.subarray(0, 2048)));
    return ['url', 'document_tags', 'location'].every((column) => columns.includes(column));
  },
  parse: (source) =>
    readCsv(decodeText(source.bytes)).map((row) => {
      const location = (row.location ?? '').trim().toLowerCase();
      if (location === 'feed') return feedItem(row.title || row.url || 'Untitled');
      const progress = Number(row.reading_progress);
      return savedLink({
        url: row.url ?? '',
        title: row.title,
        tags: tagsOf(row.document_tags ?? ''),
        createdAt: timeOf(row.saved_date),
        archived: location === 'archive',
        read: location === 'archive' || (Number.isFinite(progress) && progress >= 0.99),
        favorite: location === 'shortlist',
      });
    }),
};

function feedItem(title: string): LeftOutEntry {
  return { leftOut: 'it is an item of a feed in Reader, never saved to the library', title: title.slice(0, 120) };
}

/** "['news', 'long read']" (a Python list, as Reader writes it), or names between commas. */
function tagsOf(cell: string): string[] {
  const inner = cell.trim().replace(/^\[|\]$/g, '');
  const quoted = [...inner.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)].map((match) =>
    (match[1] ?? match[2] ?? '').replace(/\\(.)/g, '$1'),
  );
  return quoted.length ? quoted : inner.split(',');
}
