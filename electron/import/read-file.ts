import { DatelineError } from '../common/errors.ts';
import { csvColumns } from './archive/csv.ts';
import { filesInZip, looksLikeZip } from './archive/zip.ts';
import { findImporter, importers, supportedExtensions } from './registry.ts';
import { extensionOf, type ImportEntry, type ImportSource } from './types.ts';

/** What one file held: the entries its importer read, or, for a zip no app's export explains, the files inside it. */
export type FileRead = { kind: 'entries'; entries: ImportEntry[] } | { kind: 'archive'; files: { name: string; data: Uint8Array }[] };

/**
 * Recognises a file by its content and name and reads it. Runs in the import worker, where
 * the importers are loaded; a file nothing recognises is refused with the reason.
 */
export async function readImportFile(source: ImportSource): Promise<FileRead> {
  const importer = findImporter(source);
  if (importer) return { kind: 'entries', entries: await importer.parse(source) };
  if (extensionOf(source.name) === '.zip' && looksLikeZip(source.bytes)) {
    return { kind: 'archive', files: filesInZip(source.name, source.bytes) };
  }
  throw new DatelineError('UNSUPPORTED', unrecognised(source.name, source.bytes));
}

/**
 * Why no importer took a file, in words that do not contradict themselves: an extension
 * Dateline reads gets what was found and what is read with that extension.
 */
function unrecognised(path: string, bytes: Uint8Array): string {
  const extension = extensionOf(path);
  // Another reader's list of subscriptions holds no article: it is followed, not imported.
  if (
    extension === '.opml' ||
    /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<opml[\s>]/i.test(new TextDecoder().decode(bytes.subarray(0, 1024)))
  ) {
    return 'This is an OPML list of feeds, not articles: follow its feeds with Import OPML… under + beside Feeds (or `dateline feeds import`).';
  }
  if (!supportedExtensions.includes(extension)) {
    const what = extension ? `files of type ${extension}` : 'files without an extension';
    return `Dateline cannot import ${what}. It imports ${[...new Set([...supportedExtensions, '.zip'])].join(', ')} files.`;
  }
  const empty = emptiness(extension, bytes);
  if (empty) return empty;
  const reads = importers
    .filter((importer) => importer.extensions.includes(extension))
    .map((importer) => importer.reads ?? `${importer.label}s`);
  if (extension === '.csv') {
    const columns = csvColumns(new TextDecoder().decode(bytes.subarray(0, 4096)));
    const found = columns.length ? `the columns ${columns.slice(0, 8).join(', ')}${columns.length > 8 ? ', …' : ''}` : 'no header line';
    return `This CSV file has ${found}; Dateline reads ${listed(reads)}.`;
  }
  return `This ${extension} file is not one Dateline recognises; with that extension it reads ${listed(reads)}.`;
}

/** "A and B", "A; B; C and D": the formats' own descriptions hold commas, so more are parted by semicolons. */
function listed(items: string[]): string {
  return items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join('; ')} and ${items.at(-1)}`;
}

/** Why a file no importer took holds nothing: no bytes, white space only, or JSON of nothing. */
function emptiness(extension: string, bytes: Uint8Array): string | null {
  if (bytes.length > 64) return null;
  const text = new TextDecoder()
    .decode(bytes)
    .replace(/^\uFEFF/, '')
    .trim();
  if (!text) return `This ${extension} file is empty: it holds nothing to import.`;
  if (extension !== '.json') return null;
  if (/^\[\s*\]$/.test(text)) return 'This JSON file holds an empty list: there is nothing in it to import.';
  if (/^\{\s*\}$/.test(text)) return 'This JSON file holds an empty object: there is nothing in it to import.';
  return null;
}
