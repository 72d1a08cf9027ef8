import { DatelineError } from '../../common/errors.ts';
import type { Feed } from '../../common/feeds.ts';
import { parseXml, xmlAttribute, type DomElement } from '../../common/node/html-dom.ts';
import { decodeFeed } from '../formats/feed.ts';

/** Past this many outlines a list is cut: no reader follows more. */
const MAX_OUTLINES = 5000;
/** Outlines nest as folders; deeper than this is no reader's list. */
const MAX_DEPTH = 20;

/** One subscription in an OPML list, as another app wrote it. */
export interface OpmlOutline {
  title: string;
  /** The feed's address as written (checked when followed). */
  xmlUrl: string;
  htmlUrl: string | null;
  /** The folder it sat in, if any ("News / Local"). */
  folder: string | null;
}

/**
 * The subscriptions of an OPML file (Feedly, Inoreader, NetNewsWire, Miniflux and every
 * other reader export them): each outline with an `xmlUrl`, folders flattened.
 */
export function readOpml(bytes: Uint8Array): OpmlOutline[] {
  if (bytes.length === 0) throw new DatelineError('IMPORT_FAILED', 'The file is empty.');
  const text = decodeFeed(bytes);
  const root = /<opml[\s>]/i.test(text.slice(0, 4096)) ? parseXml(text).documentElement : null;
  if (!root || root.tagName.toLowerCase() !== 'opml') {
    throw new DatelineError('IMPORT_FAILED', 'This is not an OPML list of feeds (its first element is not <opml>).');
  }
  const body = childrenNamed(root, 'body')[0];
  const outlines: OpmlOutline[] = [];
  const walk = (parent: DomElement, folder: string[], depth: number) => {
    if (depth > MAX_DEPTH) return;
    for (const outline of childrenNamed(parent, 'outline')) {
      if (outlines.length >= MAX_OUTLINES) return;
      const title = oneLine(xmlAttribute(outline, 'title') ?? xmlAttribute(outline, 'text') ?? '');
      const xmlUrl = (xmlAttribute(outline, 'xmlUrl') ?? xmlAttribute(outline, 'xmlurl') ?? '').trim();
      if (xmlUrl) {
        const htmlUrl = (xmlAttribute(outline, 'htmlUrl') ?? xmlAttribute(outline, 'htmlurl') ?? '').trim() || null;
        outlines.push({
          title,
          xmlUrl: xmlUrl.slice(0, 2000),
          htmlUrl: htmlUrl?.slice(0, 2000) ?? null,
          folder: folder.join(' / ') || null,
        });
      } else walk(outline, title ? [...folder, title] : folder, depth + 1);
    }
  };
  if (body) walk(body, [], 0);
  if (outlines.length === 0) throw new DatelineError('IMPORT_FAILED', 'This OPML list names no feed (no outline has an xmlUrl).');
  return outlines;
}

/** The feeds followed as an OPML 2.0 list, for another reader (or another Dateline). */
export function writeOpml(feeds: readonly Feed[], now = new Date()): string {
  const lines = feeds.map(
    (feed) =>
      `    <outline type="rss" text="${attribute(feed.title)}" title="${attribute(feed.title)}" xmlUrl="${attribute(feed.url)}"${
        feed.siteUrl ? ` htmlUrl="${attribute(feed.siteUrl)}"` : ''
      }/>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    '    <title>Feeds followed in Dateline</title>',
    `    <dateCreated>${now.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...lines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}

function childrenNamed(parent: DomElement, name: string): DomElement[] {
  return Array.from(parent.children).filter((element) => element.tagName.toLowerCase() === name);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

/** Text safe inside a double-quoted XML attribute; characters XML cannot hold are dropped. */
function attribute(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\t\n\r]/g, (space) => `&#${space.charCodeAt(0)};`);
}
