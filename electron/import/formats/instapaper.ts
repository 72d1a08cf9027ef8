import { csvHeader, readCsv } from '../archive/csv.ts';
import { namesIn } from '../archive/fields.ts';
import { savedLink, timeOf } from '../archive/saved-link.ts';
import { decodeText } from '../decode.ts';
import { parseDocument } from '../../common/node/html-dom.ts';
import { extensionOf, type Importer } from '../types.ts';

/** Instapaper's own folders; any other folder name becomes a tag. */
function folderState(folder: string) {
  switch (folder.trim().toLowerCase()) {
    case 'unread':
      return {};
    case 'archive':
      return { archived: true, read: true };
    case 'starred':
      return { favorite: true };
    default:
      return folder.trim() ? { tag: folder.trim() } : {};
  }
}

/**
 * Instapaper: the CSV export (URL, Title, Selection, Folder[, Timestamp[, Tags]]; Selection is
 * a highlight, Tags a JSON array) and the HTML export (an <h1> per folder over a list).
 */
export const instapaperImporter: Importer = {
  id: 'instapaper',
  label: 'Instapaper export',
  extensions: ['.csv', '.html'],
  reads: 'Instapaper exports (URL, Title, Selection, Folder)',
  accepts: (source) => {
    const head = new TextDecoder('latin1').decode(source.bytes.subarray(0, 2048));
    if (extensionOf(source.name) === '.csv')
      return ['url', 'title', 'selection', 'folder'].every((column) => csvHeader(head).includes(column));
    return extensionOf(source.name) === '.html' && /<title>\s*Instapaper: Export\s*<\/title>/i.test(head);
  },
  parse: (source) => {
    const text = decodeText(source.bytes);
    return extensionOf(source.name) === '.csv' ? fromCsv(text) : fromHtml(text);
  },
};

function fromCsv(text: string) {
  return readCsv(text).map((row) => {
    const { tag, ...state } = folderState(row.folder ?? '');
    return savedLink({
      url: row.url ?? '',
      title: row.title,
      tags: [...tagsOf(row.tags ?? ''), ...(tag ? [tag] : [])],
      createdAt: timeOf(row.timestamp),
      highlights: row.selection ? [{ quote: row.selection }] : undefined,
      ...state,
    });
  });
}

function fromHtml(html: string) {
  const document = parseDocument(html);
  let folder = 'Unread';
  const entries = [];
  for (const element of Array.from(document.querySelectorAll('h1, a[href]'))) {
    if (element.tagName === 'H1') {
      folder = element.textContent ?? '';
      continue;
    }
    const { tag, ...state } = folderState(folder);
    entries.push(
      savedLink({ url: element.getAttribute('href') ?? '', title: element.textContent ?? '', tags: tag ? [tag] : [], ...state }),
    );
  }
  return entries;
}

/** The Tags column: a JSON list of names or of objects with a name, or (older exports) commas. */
function tagsOf(cell: string): string[] {
  try {
    return namesIn(JSON.parse(cell || '[]'), 'name');
  } catch {
    return cell.split(',');
  }
}
