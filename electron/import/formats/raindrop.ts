import { csvHeader, readCsv } from '../archive/csv.ts';
import { timeOf } from '../archive/saved-link.ts';
import { storedArticle } from '../archive/stored-article.ts';
import { decodeText } from '../decode.ts';
import { extensionOf, type Importer } from '../types.ts';
import type { ImportedHighlight } from '../../library/saved-articles.ts';

/**
 * Raindrop.io's CSV export (Settings ▸ Backups): id, title, note, excerpt, url, folder, tags,
 * created, cover, highlights, favorite. The folder ("Reading/Tech") and the comma-separated
 * tags become tags; the excerpt is the dek; the note, written on the whole bookmark, is kept
 * as a note on its headline; "Unsorted" and "Trash" are Raindrop's own places, not tags.
 */
export const raindropImporter: Importer = {
  id: 'raindrop',
  label: 'Raindrop.io export',
  extensions: ['.csv'],
  reads: 'Raindrop.io exports (title, note, excerpt, url, folder, tags, created)',
  accepts: (source) => {
    if (extensionOf(source.name) !== '.csv') return false;
    const columns = csvHeader(new TextDecoder('latin1').decode(source.bytes.subarray(0, 2048)));
    return ['url', 'folder', 'excerpt', 'note'].every((column) => columns.includes(column));
  },
  parse: (source) =>
    Promise.all(
      readCsv(decodeText(source.bytes)).map((row) => {
        const title = row.title?.trim() || undefined;
        const note = row.note?.trim();
        const highlights = [...highlightsOf(row.highlights ?? ''), ...(note ? [{ quote: title ?? row.url ?? '', note }] : [])];
        return storedArticle({
          url: row.url ?? '',
          title,
          dek: row.excerpt?.trim() || undefined,
          tags: [...(row.tags ?? '').split(','), ...folderTags(row.folder ?? '')],
          createdAt: timeOf(row.created),
          favorite: /^(true|1|yes)$/i.test(row.favorite ?? ''),
          highlights: highlights.length ? highlights : undefined,
        });
      }),
    ),
};

/** Raindrop's own collections, which name no subject: not kept as tags. */
const OWN_FOLDERS = /^(unsorted|trash)$/i;

function folderTags(folder: string): string[] {
  const name = folder.trim();
  return name && !OWN_FOLDERS.test(name) ? [name] : [];
}

/**
 * The highlights cell: each highlight on lines of its own, "Highlight:" before its text and
 * "Note:" before a note on it (older exports: the highlights' text, one per line).
 */
function highlightsOf(cell: string): ImportedHighlight[] {
  const text = cell.trim();
  if (!text) return [];
  if (!/^highlight:/im.test(text)) return text.split(/\n+/).flatMap((line) => (line.trim() ? [{ quote: line.trim() }] : []));
  const highlights: ImportedHighlight[] = [];
  for (const line of text.split(/\r?\n/).map((part) => part.trim())) {
    const highlight = /^highlight:\s*(.*)$/i.exec(line);
    const note = /^note:\s*(.*)$/i.exec(line);
    if (highlight) highlights.push({ quote: highlight[1]!.trim() });
    else if (note && highlights.length) highlights.at(-1)!.note = note[1]!.trim();
    else if (line && highlights.length) highlights.at(-1)!.quote += ` ${line}`;
  }
  return highlights.filter((highlight) => highlight.quote);
}
