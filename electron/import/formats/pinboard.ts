import { DatelineError } from '../../common/errors.ts';
import { exportJson, isRecord, notAnEntry, textField } from '../archive/fields.ts';
import { savedLink, timeOf } from '../archive/saved-link.ts';
import { extensionOf, type Importer } from '../types.ts';

/**
 * Pinboard's JSON export (Settings ▸ Backup ▸ JSON): a list of bookmarks with `href`,
 * `description` (the title), space-separated `tags` and `toread`.
 */
export const pinboardImporter: Importer = {
  id: 'pinboard',
  label: 'Pinboard export',
  extensions: ['.json'],
  reads: 'Pinboard exports (href, description, tags, toread)',
  accepts: (source) => {
    if (extensionOf(source.name) !== '.json') return false;
    const head = new TextDecoder('latin1').decode(source.bytes.subarray(0, 65536));
    return /^\s*\[/.test(head) && /"href"\s*:/.test(head) && /"(toread|shared|extended)"\s*:/.test(head);
  },
  parse: (source) => {
    const entries = exportJson(source.bytes, 'This Pinboard export');
    if (!Array.isArray(entries)) throw new DatelineError('IMPORT_FAILED', 'This Pinboard export does not hold a list of bookmarks.');
    if (entries.length === 0) throw new DatelineError('IMPORT_FAILED', 'This Pinboard export is empty: it holds no bookmarks.');
    return entries.map((entry: unknown, index) =>
      isRecord(entry)
        ? savedLink({
            url: textField(entry.href) ?? '',
            title: textField(entry.description),
            tags: (textField(entry.tags) ?? '').split(/\s+/),
            createdAt: timeOf(entry.time),
            // Pinboard's "read later" flag: anything not marked to read has been read.
            read: textField(entry.toread) !== 'yes',
          })
        : notAnEntry(index),
    );
  },
};
