import { isUtf8 } from 'node:buffer';
import { decodeHTMLStrict } from 'entities';
import { DatelineError } from '../../common/errors.ts';
import { htmlToText } from '../../common/node/html-blocks.ts';
import { parseXml, xmlAttribute, type DomElement } from '../../common/node/html-dom.ts';
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
    const feed = readFeed(decodeFeed(source.bytes), null);
    if (!feed) throw new DatelineError('IMPORT_FAILED', 'This is not an RSS, Atom or JSON feed.');
    if (feed.items.length === 0) throw new DatelineError('IMPORT_FAILED', `The feed “${feed.title || source.name}” has no items.`);
    return feedEntries(feed);
  },
};

type FeedKind = 'rss' | 'atom' | 'json';

export interface FeedItem extends StoredEntry {
  /** What names the item across fetches: its guid or id, else its address, else its title and date. */
  key: string;
}

export interface ParsedFeed {
  title: string;
  siteUrl: string | null;
  items: FeedItem[];
}

/**
 * Below this many words, a description or summary with no content beside it is the site's
 * teaser, not the story: kept as the dek, and the page is downloaded for the text.
 */
const TEASER_WORDS = 150;

/**
 * A feed's text read as a feed, or null when it is not one (a web page, other XML). Links
 * are made absolute against the feed's own address when it has no site address.
 */
export function readFeed(text: string, feedUrl: string | null): ParsedFeed | null {
  const kind = kindOf(text.slice(0, SNIFF_CHARS));
  if (!kind) return null;
  const feed = kind === 'json' ? readJsonFeed(text, feedUrl) : readXmlFeed(text, kind === 'atom', feedUrl);
  const keys = new Set<string>();
  // Two items with one key (a feed that reuses its guid) are one item, as a reader sees them.
  return { ...feed, items: feed.items.filter((item) => !keys.has(item.key) && keys.add(item.key)) };
}

/**
 * A feed's bytes as text: UTF-8 (or a BOM's encoding) as any file, else the encoding the
 * server or the XML declaration names ("ISO-8859-1" is common in older feeds).
 */
export function decodeFeed(bytes: Uint8Array, contentType = ''): string {
  if (isUtf8(bytes) || bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe) return decodeText(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  const declared = /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? /<\?xml[^>]+encoding=["']([\w-]+)/i.exec(head)?.[1];
  if (declared) {
    try {
      return new TextDecoder(declared.toLowerCase()).decode(bytes);
    } catch {
      // An unknown label: read as any file is.
    }
  }
  return decodeText(bytes);
}

function kindOf(head: string): FeedKind | null {
  const start = head.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(head) ? 'json' : null;
  const body = start.replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  if (/^\s*(<!DOCTYPE[^>]*>\s*)?<(\w+:)?rss[\s>]/i.test(body) || /^\s*<rdf:RDF[\s>]/.test(body)) return 'rss';
  if (/^\s*<(\w+:)?feed[\s>]/.test(body) && /http:\/\/www\.w3\.org\/2005\/Atom/.test(head)) return 'atom';
  return null;
}

/** A feed's items as the import pipeline stores them, each under the feed's name. */
export async function feedEntries(feed: ParsedFeed): Promise<ImportEntry[]> {
  const entries: ImportEntry[] = [];
  for (const item of feed.items.slice(0, MAX_ITEMS)) {
    const entry = await storedArticle(item);
    entries.push(isLeftOut(entry) || !feed.title ? entry : { ...entry, sourceName: feed.title });
  }
  if (feed.items.length > MAX_ITEMS) entries.push({ note: `The feed holds ${feed.items.length} items; the first ${MAX_ITEMS} were read.` });
  return entries;
}

type ReadItem = Omit<FeedItem, 'key'> & { id?: string };

function keyed(item: ReadItem): FeedItem {
  const { id, ...entry } = item;
  const key = id?.trim() || entry.url || `${entry.title ?? ''}\u0000${entry.publishedAt ?? ''}`;
  return { ...entry, key: key.slice(0, 2000) };
}

function readXmlFeed(text: string, atom: boolean, feedUrl: string | null): ParsedFeed {
  const doc = parseXml(text);
  const root = doc.documentElement;
  if (!root) throw new DatelineError('IMPORT_FAILED', 'This feed is not well-formed XML.');
  // The parser reads what it can of a cut-off file; one that stops before any item is broken.
  const closed = new RegExp(`</${root.tagName.replace(/[^\w:.-]/g, '')}\\s*>\\s*$`).test(text.trimEnd());
  if (!closed && !/<\/(item|entry)\s*>/.test(text)) {
    throw new DatelineError('IMPORT_FAILED', `This feed is cut short: it ends before its closing </${root.tagName}>.`);
  }
  if (atom) {
    const siteUrl = linkOf(root, feedUrl);
    return {
      title: titleOf(child(root, 'title')),
      siteUrl,
      items: children(root, 'entry').map((entry) => keyed(atomEntry(entry, siteUrl ?? feedUrl))),
    };
  }
  const channel = child(root, 'channel') ?? root;
  const siteUrl = absoluteUrl(textOf(child(channel, 'link')), feedUrl);
  // RSS 1.0 puts its items beside the channel, RSS 2.0 inside it.
  const items = [...children(channel, 'item'), ...(channel === root ? [] : children(root, 'item'))];
  return {
    title: titleOf(child(channel, 'title')),
    siteUrl,
    items: items.map((item) => keyed(rssItem(item, siteUrl ?? feedUrl))),
  };
}

function rssItem(item: DomElement, siteUrl: string | null): ReadItem {
  const url = absoluteUrl(textOf(child(item, 'link')), siteUrl) ?? permalinkGuid(item) ?? '';
  const content = textOf(child(item, 'content:encoded'));
  return {
    id: textOf(child(item, 'guid')) || xmlAttribute(item, 'rdf:about') || undefined,
    url,
    title: titleOf(child(item, 'title')) || undefined,
    ...(content ? { html: content } : bodyOrTeaser(textOf(child(item, 'description')))),
    byline: textOf(child(item, 'dc:creator')) || authorName(textOf(child(item, 'author'))),
    publishedAt: timeOf(textOf(child(item, 'pubDate')) || textOf(child(item, 'dc:date'))),
  };
}

/**
 * A description or summary with nothing else: the story itself when it is long enough,
 * otherwise the teaser, kept as the dek of a saved link whose page is downloaded.
 */
function bodyOrTeaser(html: string): Pick<StoredEntry, 'html' | 'dek'> {
  if (!html) return { html: null };
  const text = /[<&]/.test(html) ? htmlToText(html) : html;
  if (text.split(/\s+/).filter(Boolean).length >= TEASER_WORDS) return { html };
  return { html: null, dek: oneLine(text) };
}

/** An RSS guid that is the item's address (isPermaLink is true unless it says false). */
function permalinkGuid(item: DomElement): string | null {
  const guid = child(item, 'guid');
  if (!guid || xmlAttribute(guid, 'isPermaLink') === 'false') return null;
  return absoluteUrl(textOf(guid), null);
}

/** RSS's author is an e-mail address, often with the name after it: "desk@example.com (Ann Lee)". */
function authorName(author: string): string {
  const named = /\(([^)]+)\)/.exec(author)?.[1];
  if (named) return named.trim();
  return author.includes('@') ? '' : author;
}

function atomEntry(entry: DomElement, siteUrl: string | null): ReadItem {
  const content = child(entry, 'content');
  const summary = child(entry, 'summary');
  return {
    id: textOf(child(entry, 'id')) || undefined,
    url: linkOf(entry, siteUrl) ?? '',
    title: titleOf(child(entry, 'title')) || undefined,
    ...(content ? { html: atomHtml(content) } : bodyOrTeaser(summary ? atomHtml(summary) : '')),
    byline: children(entry, 'author')
      .map((author) => textOf(child(author, 'name')))
      .filter(Boolean)
      .join(', '),
    publishedAt: timeOf(textOf(child(entry, 'published')) || textOf(child(entry, 'updated'))),
  };
}

/** Atom content as HTML, whatever its type says it is. */
function atomHtml(content: DomElement): string {
  const type = xmlAttribute(content, 'type') ?? 'text';
  if (type === 'xhtml') return content.innerHTML;
  if (type === 'html' || type === 'text/html') return content.textContent ?? '';
  return escapeAsParagraphs(content.textContent ?? '');
}

/** The entry's (or feed's) page: the link without rel, or rel="alternate", made absolute. */
function linkOf(element: DomElement, base: string | null): string | null {
  const links = children(element, 'link');
  const link = links.find((candidate) => (xmlAttribute(candidate, 'rel') ?? 'alternate') === 'alternate') ?? null;
  return absoluteUrl(link ? xmlAttribute(link, 'href') : null, base);
}

function readJsonFeed(text: string, feedUrl: string | null): ParsedFeed {
  let feed: unknown;
  try {
    feed = JSON.parse(text);
  } catch {
    throw new DatelineError('IMPORT_FAILED', 'This JSON Feed is not valid JSON.');
  }
  if (!isRecord(feed)) throw new DatelineError('IMPORT_FAILED', 'This JSON Feed is not an object.');
  const siteUrl = absoluteUrl(textField(feed.home_page_url) ?? null, feedUrl);
  const feedAuthors = authorsOf(feed);
  return {
    title: oneLine(textField(feed.title) ?? ''),
    siteUrl,
    items: listField(feed.items)
      .filter(isRecord)
      .map((item) => {
        const content =
          textField(item.content_html) ?? (textField(item.content_text) ? escapeAsParagraphs(textField(item.content_text)!) : null);
        return keyed({
          id: textField(item.id),
          url: absoluteUrl(textField(item.url) ?? textField(item.external_url) ?? null, siteUrl ?? feedUrl) ?? '',
          title: oneLine(textField(item.title) ?? '') || undefined,
          ...(content ? { html: content } : bodyOrTeaser(escapeAsParagraphs(textField(item.summary) ?? ''))),
          byline: authorsOf(item) || feedAuthors,
          publishedAt: timeOf(textField(item.date_published) ?? textField(item.date_modified)),
        });
      }),
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

/** Inline markup feeds put in titles ("<em>Live</em>: …"); any other "<" is the title's own text. */
const INLINE_TAGS = /<\/?(?:a|abbr|b|bdi|br|cite|code|em|font|i|mark|q|s|small|span|strong|sub|sup|u)(?:\s[^<>]*)?\/?>/gi;

/**
 * A title as text: feeds often carry HTML (or HTML escaped once more) in them. Inline tags
 * go and entities are decoded; a title about `<script>` keeps the word, and never loses the
 * rest of itself to a parser reading it as an element.
 */
function titleOf(element: DomElement | null): string {
  return oneLine(decodeHTMLStrict(textOf(element).replace(INLINE_TAGS, '')));
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
