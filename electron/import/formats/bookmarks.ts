import { savedLink, timeOf } from '../archive/saved-link.ts';
import { decodeText } from '../decode.ts';
import { extensionOf, type Importer } from '../types.ts';

/** Folders every browser has; they say nothing about the page, so they do not become tags. */
export const ROOT_FOLDERS = /^(bookmarks( bar| toolbar| menu)?|other bookmarks|mobile bookmarks|favorites bar)$/i;
const TOKEN = /<h3\b[^>]*>([\s\S]*?)<\/h3>|<\/dl>|<a\b([^>]*)>([\s\S]*?)<\/a>/gi;

/**
 * Browser bookmarks (the Netscape bookmark file every browser exports). Its markup leaves
 * <DT> and <p> unclosed, so it is read as a stream of folder openings, closings and links
 * rather than as a tree. Folder names become tags.
 */
export const bookmarksImporter: Importer = {
  id: 'bookmarks',
  label: 'Browser bookmarks',
  extensions: ['.html', '.htm'],
  accepts: (source) =>
    bookmarksImporter.extensions.includes(extensionOf(source.name)) &&
    /NETSCAPE-Bookmark-file/i.test(new TextDecoder('latin1').decode(source.bytes.subarray(0, 512))),
  parse: (source) => {
    const html = decodeText(source.bytes);
    const folders: string[] = [];
    let pendingFolder: string | null = null;
    const entries = [];
    for (const match of html.matchAll(TOKEN)) {
      if (match[1] !== undefined) {
        pendingFolder = textOf(match[1]);
        folders.push(pendingFolder);
      } else if (match[0].toLowerCase() === '</dl>') {
        folders.pop();
      } else {
        const attributes = attributesOf(match[2] ?? '');
        const tags = [...folders.filter((folder) => !ROOT_FOLDERS.test(folder)), ...(attributes.tags ?? '').split(',')];
        entries.push(
          savedLink({ url: attributes.href ?? '', title: textOf(match[3] ?? ''), tags, createdAt: timeOf(attributes.add_date) }),
        );
      }
    }
    return entries;
  },
};

function attributesOf(text: string): Record<string, string> {
  return Object.fromEntries(
    [...text.matchAll(/([\w-]+)\s*=\s*"([^"]*)"/g)].map((match) => [match[1]!.toLowerCase(), decodeEntities(match[2]!)]),
  );
}

function textOf(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

function decodeEntities(text: string): string {
  return text.replace(
    /&(amp|lt|gt|quot|#39|apos);/g,
    (entity) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'" })[entity]!,
  );
}
