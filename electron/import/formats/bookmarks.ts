import { decodeHTML } from 'entities';
import { timeOf } from '../archive/saved-link.ts';
import { storedArticle, type StoredEntry } from '../archive/stored-article.ts';
import { decodeText } from '../decode.ts';
import { extensionOf, type Importer } from '../types.ts';

/** Folders every browser has; they say nothing about the page, so they do not become tags. */
export const ROOT_FOLDERS = /^(bookmarks( bar| toolbar| menu)?|other bookmarks|mobile bookmarks|favorites bar)$/i;
const TOKEN = /<h3\b[^>]*>([\s\S]*?)<\/h3>|<\/dl>|<a\b([^>]*)>([\s\S]*?)<\/a>|<dd\b[^>]*>([\s\S]*?)(?=<dt\b|<dd\b|<\/dl>|<h3\b|$)/gi;

/**
 * Browser bookmarks (the Netscape bookmark file every browser exports, and Pinboard, Delicious,
 * Shaarli and Raindrop.io write too). Its markup leaves <DT>, <DD> and <p> unclosed, so it is
 * read as a stream of folder openings, closings, links and descriptions rather than as a
 * tree. Folder names become tags; a link's description (its <DD>) is its dek.
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
    const entries: StoredEntry[] = [];
    // A description belongs to the link right before it, not to one after a folder opened.
    let describable: StoredEntry | null = null;
    for (const match of html.matchAll(TOKEN)) {
      if (match[1] !== undefined) {
        folders.push(textOf(match[1]));
        describable = null;
      } else if (match[4] !== undefined) {
        const description = textOf(match[4]);
        if (describable && description) describable.dek = description;
        describable = null;
      } else if (match[0].toLowerCase() === '</dl>') {
        folders.pop();
        describable = null;
      } else {
        const attributes = attributesOf(match[2] ?? '');
        const tags = [...folders.filter((folder) => !ROOT_FOLDERS.test(folder)), ...(attributes.tags ?? '').split(',')];
        describable = { url: attributes.href ?? '', title: textOf(match[3] ?? ''), tags, createdAt: timeOf(attributes.add_date) };
        entries.push(describable);
      }
    }
    // With no page kept, each is a saved link (its description, if any, as its dek).
    return Promise.all(entries.map(storedArticle));
  },
};

/** An opening tag's attributes, quoted with either mark or not at all, names in lower case. */
function attributesOf(text: string): Record<string, string> {
  return Object.fromEntries(
    [...text.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)].map((match) => [
      match[1]!.toLowerCase(),
      decodeHTML(match[2] ?? match[3] ?? match[4] ?? ''),
    ]),
  );
}

/** Text with its markup gone and every character reference read (&#8217;, &eacute;, &amp;). */
function textOf(html: string): string {
  return decodeHTML(html.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}
