import { randomUUID } from 'node:crypto';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { JSDOM } from 'jsdom';
import type { Article } from '../common/model.ts';
import { escapeHtml } from '../common/text.ts';
import { mediaIdFromUrl } from '../common/media-url.ts';
import { articleHeaderHtml, relatedHtml } from './article-html.ts';
import type { ExportContext } from './types.ts';

/**
 * EPUB 3 books for e-readers: one chapter per article, with the library's images inside.
 * Articles are stored as sanitized HTML; a chapter must be well-formed XHTML, so each body is
 * parsed as HTML and written out again by the DOM's XML serializer.
 */

export interface Book {
  title: string;
  articles: readonly Article[];
}

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/svg+xml': 'svg',
};

const STYLE = `
body { font-family: serif; line-height: 1.5; }
h1 { font-size: 1.6em; line-height: 1.2; margin: 0 0 .4em; }
.dek { font-size: 1.15em; font-style: italic; margin: 0 0 .5em; }
.byline, .dateline, .meta { font-size: .9em; margin: 0; }
img { max-width: 100%; height: auto; }
figure { margin: 1em 0; }
figcaption { font-size: .85em; }
blockquote { margin: 1em 1.5em; }
.related { margin-top: 2em; border-top: 1px solid; font-size: .9em; }
`;

interface Image {
  href: string;
  mimeType: string;
  bytes: Uint8Array;
}

export function buildEpub(book: Book, context: ExportContext, now = new Date()): Uint8Array {
  const images = new Map<number, Image>();
  const chapters = book.articles.map((article, index) => ({
    href: `chapter-${index + 1}.xhtml`,
    title: article.title || 'Untitled',
    xhtml: chapterOf(article, context, images),
  }));
  const language = book.articles.find((article) => article.language)?.language ?? 'en';
  const files: Zippable = {
    // The first entry, stored uncompressed, is how readers recognise the file.
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8(CONTAINER),
    'OEBPS/content.opf': strToU8(packageOf(book.title, language, creatorsOf(book), chapters, [...images.values()], now)),
    'OEBPS/nav.xhtml': strToU8(navigationOf(book.title, language, chapters)),
    'OEBPS/style.css': strToU8(STYLE),
  };
  for (const chapter of chapters) files[`OEBPS/${chapter.href}`] = strToU8(chapter.xhtml);
  for (const image of images.values()) files[`OEBPS/${image.href}`] = [image.bytes, { level: 0 }];
  return zipSync(files);
}

const CONTAINER = `<?xml version="1.0" encoding="utf-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
`;

function chapterOf(article: Article, context: ExportContext, images: Map<number, Image>): string {
  const html = `${articleHeaderHtml(article, article.title || 'Untitled')}\n${article.html}\n${relatedHtml(article)}`;
  return xhtmlPage(article.title || 'Untitled', article.language ?? 'en', bodyAsXhtml(html, context, images));
}

/** The HTML parsed, its library images swapped for files in the book, written back as XML. */
function bodyAsXhtml(html: string, context: ExportContext, images: Map<number, Image>): string {
  const { window } = new JSDOM(`<!doctype html><body><article>${xmlSafe(html)}</article></body>`);
  const article = window.document.querySelector('article')!;
  for (const img of Array.from(article.querySelectorAll('img'))) {
    const id = mediaIdFromUrl(img.getAttribute('src') ?? '');
    const media = id === null ? null : (images.get(id) ?? imageOf(id, context));
    if (id === null || !media) {
      img.replaceWith(Object.assign(window.document.createElement('span'), { textContent: img.getAttribute('alt') ?? '' }));
      continue;
    }
    images.set(id, media);
    img.setAttribute('src', media.href);
    if (!img.hasAttribute('alt')) img.setAttribute('alt', '');
  }
  return new window.XMLSerializer().serializeToString(article);
}

/** Characters XML 1.0 does not allow anywhere, even escaped. */
function xmlSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

function imageOf(id: number, context: ExportContext): Image | null {
  const media = context.media(id);
  const extension = media ? EXTENSIONS[media.mimeType] : undefined;
  return media && extension ? { href: `images/${id}.${extension}`, mimeType: media.mimeType, bytes: media.bytes } : null;
}

function xhtmlPage(title: string, language: string, body: string, extraNamespace = ''): string {
  const lang = escapeHtml(language);
  title = xmlSafe(title);
  return `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml"${extraNamespace} lang="${lang}" xml:lang="${lang}">
<head><meta charset="utf-8"/><title>${escapeHtml(title)}</title><link rel="stylesheet" type="text/css" href="style.css"/></head>
<body>${body}</body>
</html>
`;
}

function navigationOf(title: string, language: string, chapters: { href: string; title: string }[]): string {
  const items = chapters.map((chapter) => `<li><a href="${chapter.href}">${escapeHtml(xmlSafe(chapter.title))}</a></li>`).join('');
  return xhtmlPage(
    title,
    language,
    `<nav epub:type="toc" id="toc"><h1>${escapeHtml(xmlSafe(title))}</h1><ol>${items}</ol></nav>`,
    ' xmlns:epub="http://www.idpf.org/2007/ops"',
  );
}

/** The book's authors: the bylines of its stories, each once; a book of bylineless stories has none. */
function creatorsOf(book: Book): string[] {
  const names = book.articles.map((article) => article.byline.replace(/^by\s+/i, '').trim()).filter(Boolean);
  return [...new Set(names)];
}

function packageOf(title: string, language: string, creators: string[], chapters: { href: string }[], images: Image[], now: Date): string {
  const manifest = [
    '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
    '<item id="style" href="style.css" media-type="text/css"/>',
    ...chapters.map((chapter, index) => `<item id="chapter-${index + 1}" href="${chapter.href}" media-type="application/xhtml+xml"/>`),
    ...images.map((image, index) => `<item id="image-${index + 1}" href="${image.href}" media-type="${image.mimeType}"/>`),
  ];
  const spine = chapters.map((_, index) => `<itemref idref="chapter-${index + 1}"/>`);
  return `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${escapeHtml(language)}">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="book-id">urn:uuid:${randomUUID()}</dc:identifier>
    <dc:title>${escapeHtml(xmlSafe(title))}</dc:title>
    <dc:language>${escapeHtml(language)}</dc:language>
    ${creators.map((name) => `<dc:creator>${escapeHtml(xmlSafe(name))}</dc:creator>`).join('\n    ')}
    <meta property="dcterms:modified">${now.toISOString().replace(/\.\d{3}Z$/, 'Z')}</meta>
  </metadata>
  <manifest>
    ${manifest.join('\n    ')}
  </manifest>
  <spine>
    ${spine.join('\n    ')}
  </spine>
</package>
`;
}
