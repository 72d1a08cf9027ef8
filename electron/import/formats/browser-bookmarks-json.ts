import { DatelineError } from '../../common/errors.ts';
import { keptTime } from '../../common/time.ts';
import { exportJson, isRecord, listField, textField } from '../archive/fields.ts';
import { savedLink } from '../archive/saved-link.ts';
import type { ImportEntry, Importer, ImportSource } from '../types.ts';
import { extensionOf } from '../types.ts';
import { ROOT_FOLDERS } from './bookmarks.ts';

/** Chrome (and Edge, Brave…) count from 1601 in microseconds; the difference to 1970 in ms. */
const WEBKIT_EPOCH_MS = 11_644_473_600_000;

const head = (source: ImportSource) => new TextDecoder('latin1').decode(source.bytes.subarray(0, 65536));

/**
 * The bookmarks browsers keep as JSON: Chrome's (and every Chromium browser's) `Bookmarks`
 * file, and Firefox's bookmark backup (Bookmarks ▸ Manage ▸ Backup…). Folder names become
 * tags, as in the HTML bookmark file; the browsers' own root folders do not.
 */
export const browserBookmarksJsonImporter: Importer = {
  id: 'bookmarks-json',
  label: 'Browser bookmarks (JSON)',
  extensions: ['.json', ''],
  reads: 'Chrome’s Bookmarks file and Firefox’s bookmark backups',
  accepts: (source) => {
    const extension = extensionOf(source.name);
    if (extension !== '.json' && extension !== '') return false;
    const text = head(source);
    return (/"roots"\s*:/.test(text) && /"bookmark_bar"\s*:/.test(text)) || /"type"\s*:\s*"text\/x-moz-place-container"/.test(text);
  },
  parse: (source) => {
    const data = exportJson(source.bytes, 'This bookmarks file');
    if (!isRecord(data)) throw new DatelineError('IMPORT_FAILED', 'This bookmarks file holds no bookmarks.');
    const entries: ImportEntry[] = [];
    if (isRecord(data.roots)) for (const root of Object.values(data.roots)) walkChrome(root, [], entries);
    else walkFirefox(data, [], entries);
    if (entries.length === 0) throw new DatelineError('IMPORT_FAILED', 'This bookmarks file holds no bookmarks.');
    return entries;
  },
};

function folderTags(folders: string[]): string[] {
  return folders.filter((folder) => folder && !ROOT_FOLDERS.test(folder));
}

function walkChrome(node: unknown, folders: string[], entries: ImportEntry[]): void {
  if (!isRecord(node)) return;
  if (node.type === 'url') {
    const added = Number(textField(node.date_added) ?? node.date_added);
    entries.push(
      savedLink({
        url: textField(node.url) ?? '',
        title: textField(node.name),
        tags: folderTags(folders),
        createdAt: Number.isFinite(added) && added > 0 ? keptTime(added / 1000 - WEBKIT_EPOCH_MS) : null,
      }),
    );
    return;
  }
  const inside = node.type === 'folder' ? [...folders, textField(node.name) ?? ''] : folders;
  for (const child of listField(node.children)) walkChrome(child, inside, entries);
}

function walkFirefox(node: unknown, folders: string[], entries: ImportEntry[]): void {
  if (!isRecord(node)) return;
  if (node.type === 'text/x-moz-place') {
    const uri = textField(node.uri) ?? '';
    // Bookmarklets and the browser's own smart folders (place:) are not pages.
    if (uri.startsWith('place:')) return;
    const added = Number(node.dateAdded);
    entries.push(
      savedLink({
        url: uri,
        title: textField(node.title),
        tags: [...folderTags(folders), ...(textField(node.tags) ?? '').split(',')],
        createdAt: Number.isFinite(added) && added > 0 ? keptTime(added / 1000) : null,
      }),
    );
    return;
  }
  const title = textField(node.title) ?? '';
  // The backup's unnamed root and the browser's own folders (menu, toolbar) are no tags.
  const inside = node.type === 'text/x-moz-place-container' && node.root === undefined && title ? [...folders, title] : folders;
  for (const child of listField(node.children)) walkFirefox(child, inside, entries);
}
