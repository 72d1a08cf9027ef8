import { createHash } from 'node:crypto';
import { DatelineError } from '../../common/errors.ts';
import { parseXml, type DomElement } from '../../common/node/html-dom.ts';
import { escapeHtml } from '../../common/text.ts';
import { storedArticle } from '../archive/stored-article.ts';
import { decodeText } from '../decode.ts';
import { extensionOf, type ImportEntry, type Importer } from '../types.ts';

/**
 * Evernote's export (`.enex`): each <note> its title, its ENML content, tags, created date,
 * author and source address (a web clip's page), and its resources, the pictures and files
 * the content points at by the MD5 of their bytes. A clip with an address is that page
 * saved; a note without one is kept as the text it is. Pictures travel inside the article;
 * an encrypted section, which only Evernote can open, is said to be there, not dropped in
 * silence.
 */
export const evernoteImporter: Importer = {
  id: 'evernote',
  label: 'Evernote export',
  extensions: ['.enex'],
  reads: 'Evernote exports (.enex)',
  accepts: (source) => {
    if (extensionOf(source.name) !== '.enex') return false;
    return /<en-export\b/.test(new TextDecoder('latin1').decode(source.bytes.subarray(0, 4096)));
  },
  parse: async (source) => {
    const text = decodeText(source.bytes);
    const root = parseXml(text).documentElement;
    if (!root || root.tagName !== 'en-export') throw new DatelineError('IMPORT_FAILED', 'This Evernote export is not well-formed XML.');
    // The parser reads what it can of a cut-off file; its last note would come in half.
    if (!/<\/en-export\s*>\s*$/.test(text)) {
      throw new DatelineError('IMPORT_FAILED', 'This Evernote export is cut short: it ends before its closing </en-export>.');
    }
    const notes = children(root, 'note');
    if (notes.length === 0) throw new DatelineError('IMPORT_FAILED', 'This Evernote export is empty: it holds no notes.');
    const entries: ImportEntry[] = [];
    for (const note of notes) entries.push(await fromNote(note));
    return entries;
  },
};

async function fromNote(note: DomElement): Promise<ImportEntry> {
  const attributes = child(note, 'note-attributes');
  const title = textOf(child(note, 'title'));
  const html = contentHtml(textOf(child(note, 'content')), resourcesOf(note));
  const url = textOf(child(attributes, 'source-url'));
  if (!url && !html.replace(/<[^>]*>/g, '').trim())
    return { leftOut: 'the note holds no text and no web address', title: title || 'Untitled' };
  return storedArticle({
    url,
    title: title || undefined,
    byline: textOf(child(attributes, 'author')) || undefined,
    html,
    tags: children(note, 'tag').map((tag) => textOf(tag)),
    createdAt: evernoteTime(textOf(child(note, 'created'))),
  });
}

interface Resource {
  mime: string;
  base64: string;
  name: string;
}

/** The note's resources by the MD5 of their bytes, the key its <en-media> elements use. */
function resourcesOf(note: DomElement): Map<string, Resource> {
  const resources = new Map<string, Resource>();
  for (const resource of children(note, 'resource')) {
    const base64 = textOf(child(resource, 'data')).replace(/\s+/g, '');
    if (!base64) continue;
    const hash = createHash('md5').update(Buffer.from(base64, 'base64')).digest('hex');
    const name = textOf(child(child(resource, 'resource-attributes'), 'file-name'));
    resources.set(hash, { mime: textOf(child(resource, 'mime')) || 'application/octet-stream', base64, name });
  }
  return resources;
}

/**
 * ENML as HTML: <en-note> a <div>, each <en-media> its picture (or, for a file, its name),
 * <en-todo> a check box in words, <en-crypt> a line saying an encrypted section was left.
 */
function contentHtml(enml: string, resources: Map<string, Resource>): string {
  const body = enml
    .replace(/^\s*<\?xml[^>]*\?>/, '')
    .replace(/<!DOCTYPE[^>]*>/i, '')
    .replace(/<en-note\b[^>]*>/i, '<div>')
    .replace(/<\/en-note\s*>/i, '</div>')
    .replace(/<en-todo\b([^>]*)\/?>(?:<\/en-todo>)?/gi, (_tag, attributes: string) =>
      /checked\s*=\s*"true"/i.test(attributes) ? '☑ ' : '☐ ',
    )
    .replace(
      /<en-crypt\b[^>]*>[\s\S]*?<\/en-crypt>/gi,
      '<p>[An encrypted section of this note, which only Evernote can open, was not imported.]</p>',
    )
    .replace(/<en-media\b([^>]*?)\/?>(?:<\/en-media>)?/gi, (_tag, attributes: string) => media(attributes, resources));
  return body;
}

function media(attributes: string, resources: Map<string, Resource>): string {
  const hash = /\bhash\s*=\s*"([0-9a-f]+)"/i.exec(attributes)?.[1]?.toLowerCase();
  const resource = hash ? resources.get(hash) : undefined;
  if (!resource) return '';
  if (/^image\/(png|jpeg|gif|webp|svg\+xml)$/i.test(resource.mime)) {
    return `<img src="data:${resource.mime};base64,${resource.base64}" alt="${escapeHtml(resource.name)}">`;
  }
  return resource.name ? `<p>[Attachment: ${escapeHtml(resource.name)}]</p>` : '';
}

/** "20231114T093000Z", Evernote's way of writing a time. */
function evernoteTime(value: string): number | null {
  const parts = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!parts) return null;
  const [, year, month, day, hour, minute, second] = parts.map(Number);
  return Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
}

function children(parent: DomElement | null, name: string): DomElement[] {
  return parent ? Array.from(parent.children).filter((element) => element.tagName === name) : [];
}

function child(parent: DomElement | null, name: string): DomElement | null {
  return children(parent, name)[0] ?? null;
}

function textOf(element: DomElement | null): string {
  return element?.textContent?.trim() ?? '';
}
