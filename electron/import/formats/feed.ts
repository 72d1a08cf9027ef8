import { DatelineError } from '../../common/errors.ts';
import { htmlToText } from '../../common/node/html-blocks.ts';
import { parseXml, type DomElement } from '../../common/node/html-dom.ts';
import { timeOf } from '../archive/saved-link.ts';
import { isRecord, listField, textField } from '../archive/fields.ts';
import { storedArticle, type StoredEntry } from '../archive/stored-article.ts';
import { decodeText } from '../decode.ts';
import { absoluteUrl } from '../html/metadata.ts';
import { isLeftOut, type ImportEntry, type Importer } from '../types.ts';

/** How much of a file is looked at to tell a feed from other XML or JSON. */
const SNIFF_CHARS = 4096;
/** Past this many items a feed is cut, with a note: no feed a site publishes holds more. */
const MAX_ITEMS = 5000;

/**
 * A feed: RSS 2.0 (and RSS 1.0/RDF), Atom, or JSON Feed. Each item becomes an article with
 * the feed's name as its source: the full text when the feed carries it (sanitized like any
 * page), otherwise a saved link whose page is downloaded later. The same importer reads a
 * feed file someone saved and the feeds Dateline follows.
 */
export const feedImporter: Importer = {
  id: 'feed',
  label: 'RSS, Atom or JSON Feed',
  extensions: ['.rss', '.atom', '.xml', '.json'],
  reads: 'RSS, Atom and JSON Feed files',
  // Lenient: a binary file (a zip, a Word document) is simply not a feed.
  accepts: (source) => kindOf(new TextDecoder().decode(source.bytes.subarray(0, SNIFF_CHARS))) !== null,
  parse: async (source) => {
    const text = decodeText(source.bytes);
    const kind = kindOf(text.slice(0, SNIFF_CHARS));
    const feed = kind === 'json' ? readJsonFeed(text) : readXmlFeed(text, kind === 'atom');
    if (feed.items.length === 0) throw new DatelineError('IMPORT_FAILED', `The feed “${feed.title || source.name}” has no items.`);
    return entriesOf(feed);
  },
};

type FeedKind = 'rss' | 'atom' | 'json';

export interface ParsedFeed {
  title: string;
  siteUrl: string | null;
  items: StoredEntry[];
}

function kindOf(head: string): FeedKind | null {
  const start = head.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(head) ? 'json' : null;
  const body = start.replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  if (/^\s*(<!DOCTYPE[^>]*>\s*)?<(\w+:)?rss[\s>]/i.test(body) || /^\s*<rdf:RDF[\s>]/.test(body)) return 'rss';
  if (/^\s*<(\w+:)?feed[\s>]/.test(body) && /http:\/\/www\.w3\.org\/2005\/Atom/.test(head)) return 'atom';
  return null;
}

async function entriesOf(feed: ParsedFeed): Promise<ImportEntry[]> {
  const entries: ImportEntry[] = [];
  for (const item of feed.items.slice(0, MAX_ITEMS)) {
    const entry = await storedArticle(item);
    entries.push(isLeftOut(entry) || !feed.title ? entry : { ...entry, sourceName: feed.title });
  }
  if (feed.items.length > MAX_ITEMS) entries.push({ note: `The feed holds ${feed.items.length} items; the first ${MAX_ITEMS} were read.` });
  return entries;
}

function readXmlFeed(text: string, atom: boolean): ParsedFeed {
  const doc = parseXml(text);
  const root = doc.documentElement;
  if (!root) throw new DatelineError('IMPORT_FAILED', 'This feed is not well-formed XML.');
  if (atom) {
    const siteUrl = linkOf(root, null);
    return {
      title: titleOf(child(root, 'title')),
      siteUrl,
      items: children(root, 'entry').map((entry) => atomEntry(entry, siteUrl)),
    };
  }
  const channel = child(root, 'channel') ?? root;
  const siteUrl = absoluteUrl(textOf(child(channel, 'link')), null);
  // RSS 1.0 puts its items beside the channel, RSS 2.0 inside it.
  const items = [...children(channel, 'item'), ...(channel === root ? [] : children(root, 'item'))];
  return { title: titleOf(child(channel, 'title')), siteUrl, items: items.map((item) => rssItem(item, siteUrl)) };
}

function rssItem(item: DomElement, siteUrl: string | null): StoredEntry {
  const url = absoluteUrl(textOf(child(item, 'link')), siteUrl) ?? permalinkGuid(item) ?? '';
  const html = textOf(child(item, 'content:encoded')) || textOf(child(item, 'description'));
  return {
    url,
    title: titleOf(child(item, 'title')) || undefined,
    html: html || null,
    byline: textOf(child(item, 'dc:creator')) || authorName(textOf(child(item, 'author'))),
    publishedAt: timeOf(textOf(child(item, 'pubDate')) || textOf(child(item, 'dc:date'))),
  };
}

/** An RSS guid that is the item's address (isPermaLink is true unless it says false). */
function permalinkGuid(item: DomElement): string | null {
  const guid = child(item, 'guid');
  if (!guid || guid.getAttribute('isPermaLink') === 'false') return null;
  return absoluteUrl(textOf(guid), null);
}

/** RSS's author is an e-mail address, often with the name after it: "desk@example.com (Ann Lee)". */
function authorName(author: string): string {
  const named = /\(([^)]+)\)/.exec(author)?.[1];
  if (named) return named.trim();
  return author.includes('@') ? '' : author;
}

function atomEntry(entry: DomElement, siteUrl: string | null): StoredEntry {
  const content = child(entry, 'content') ?? child(entry, 'summary');
  return {
    url: linkOf(entry, siteUrl) ?? '',
    title: titleOf(child(entry, 'title')) || undefined,
    html: content ? atomHtml(content) : null,
    byline: children(entry, 'author')
      .map((author) => textOf(child(author, 'name')))
      .filter(Boolean)
      .join(', '),
    publishedAt: timeOf(textOf(child(entry, 'published')) || textOf(child(entry, 'updated'))),
  };
}

/** Atom content as HTML, whatever its type says it is. */
function atomHtml(content: DomElement): string {
  const type = content.getAttribute('type') ?? 'text';
  if (type === 'xhtml') return content.innerHTML;
  if (type === 'html' || type === 'text/html') return content.textContent ?? '';
  return escapeAsParagraphs(content.textContent ?? '');
}

/** The entry's (or feed's) page: the link without rel, or rel="alternate", made absolute. */
function linkOf(element: DomElement, base: string | null): string | null {
  const links = children(element, 'link');
  const link = links.find((candidate) => (candidate.getAttribute('rel') ?? 'alternate') === 'alternate') ?? null;
  return absoluteUrl(link?.getAttribute('href') ?? null, base);
}

function readJsonFeed(text: string): ParsedFeed {
  let feed: unknown;
  try {
    feed = JSON.parse(text);
  } catch {
    throw new DatelineError('IMPORT_FAILED', 'This JSON Feed is not valid JSON.');
  }
  if (!isRecord(feed)) throw new DatelineError('IMPORT_FAILED', 'This JSON Feed is not an object.');
  const siteUrl = absoluteUrl(textField(feed.home_page_url) ?? null, null);
  const feedAuthors = authorsOf(feed);
  return {
    title: oneLine(textField(feed.title) ?? ''),
    siteUrl,
    items: listField(feed.items)
      .filter(isRecord)
      .map((item) => ({
        url: absoluteUrl(textField(item.url) ?? textField(item.external_url) ?? null, siteUrl) ?? '',
        title: oneLine(textField(item.title) ?? '') || undefined,
        html: textField(item.content_html) ?? (textField(item.content_text) ? escapeAsParagraphs(textField(item.content_text)!) : null),
        byline: authorsOf(item) || feedAuthors,
        publishedAt: timeOf(textField(item.date_published) ?? textField(item.date_modified)),
      })),
  };
}

/** JSON Feed 1.1's `authors`, or 1.0's `author`. */
function authorsOf(record: Record<string, unknown>): string {
  const people = [...listField(record.authors), ...(isRecord(record.author) ? [record.author] : [])];
  return people
    .filter(isRecord)
    .map((person) => oneLine(textField(person.name) ?? ''))
    .filter(Boolean)
    .join(', ');
}

function children(parent: DomElement, name: string): DomElement[] {
  return Array.from(parent.children).filter((element) => element.tagName.toLowerCase() === name.toLowerCase());
}

function child(parent: DomElement, name: string): DomElement | null {
  return children(parent, name)[0] ?? null;
}

function textOf(element: DomElement | null): string {
  return element?.textContent?.trim() ?? '';
}

/** A title as text: feeds often carry HTML (or escaped HTML) in them. */
function titleOf(element: DomElement | null): string {
  const raw = textOf(element);
  return oneLine(/[<&]/.test(raw) ? htmlToText(raw) : raw);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 1000);
}

function escapeAsParagraphs(text: string): string {
  const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escape(paragraph)}</p>`)
    .join('');
}
