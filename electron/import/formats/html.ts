import { Readability } from '@mozilla/readability';
import { DatelineError } from '../../common/errors.ts';
import { htmlToText } from '../../common/node/html-blocks.ts';
import { MAX_TREE_DEPTH, parseDocument, treeDepth, type DomDocument } from '../../common/node/html-dom.ts';
import { countWords } from '../../common/text.ts';
import type { NewSavedArticle } from '../../library/saved-articles.ts';
import { decodeText } from '../decode.ts';
import { takeMarkedDateline } from '../html/dateline.ts';
import { collectImages } from '../html/images.ts';
import { AUTHOR_LINE, cleanByline, readMetadata } from '../html/metadata.ts';
import { extractRelatedLinks, removeSiteNavigation, removeTopicLists } from '../html/related.ts';
import { betterExtraction } from '../html/story-choice.ts';
import { sanitizeForLibrary } from '../html/sanitize.ts';
import { prepareStoryParts } from '../html/page-furniture.ts';
import { withoutRepeatedTitle } from '../html/repeated-title.ts';
import { takeStandfirst } from '../html/standfirst.ts';
import { withoutStoryFurniture } from '../html/story-furniture.ts';
import { extensionOf, type Importer } from '../types.ts';

/** A page with more elements than this is refused rather than left to stall an import. */
const MAX_ELEMENTS = 150_000;
/** Fewer words than this is a page of navigation or an error page, not a story. */
const MIN_ARTICLE_WORDS = 15;

export const htmlImporter: Importer = {
  id: 'html',
  label: 'Web page',
  extensions: ['.html', '.htm', '.xhtml'],
  accepts: (source) => htmlImporter.extensions.includes(extensionOf(source.name)),
  parse: async (source) => [await readWebPage(decodeHtml(source.bytes), { path: source.name, url: null })],
};

export interface PageOrigin {
  path: string | null;
  url: string | null;
  /** Given when the page came from the web: its pictures are downloaded too. */
  fetchImage?: (url: string) => Promise<Uint8Array | null>;
}

/**
 * A saved web page (or one fetched from a URL) as an article: its metadata, the story found
 * by Readability, its related-story blocks as related links, its images kept offline, all
 * sanitized before it reaches the library.
 */
export async function readWebPage(html: string, origin: PageOrigin): Promise<NewSavedArticle> {
  const document = parseDocument(html);
  // Markup with no element in it (an empty file, white space) leaves linkedom no tree.
  if (!document.documentElement || !document.body) throw new DatelineError('IMPORT_FAILED', 'This page is empty: it holds no markup.');
  if (document.querySelectorAll('*').length > MAX_ELEMENTS || treeDepth(document.documentElement) > MAX_TREE_DEPTH) {
    throw new DatelineError('IMPORT_FAILED', 'This page is too large or too deeply built to read as an article.');
  }
  const declaredUrl =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    document.querySelector('meta[property="og:url"]')?.getAttribute('content') ??
    null;
  const pageUrl = origin.url ?? (declaredUrl && /^https?:\/\//i.test(declaredUrl) ? declaredUrl : null);
  const metadata = readMetadata(document, pageUrl);
  const related = extractRelatedLinks(document, pageUrl);
  const prepare = (page: DomDocument) => {
    removeSiteNavigation(page);
    prepareStoryParts(page, metadata.title);
    removeTopicLists(page);
    const standfirst = takeStandfirst(page, metadata.dek);
    removeBylines(page);
    return { dek: standfirst, dateline: takeMarkedDateline(page.body) ?? '' };
  };
  const { dek, dateline } = prepare(document);
  const extracted = readStory(document);
  if (!extracted?.content || !extracted.textContent?.trim()) {
    throw new DatelineError('IMPORT_FAILED', 'Dateline found no article text on this page.');
  }
  // Taking the related blocks out must not have made Readability take a bigger container.
  let content = extracted.content;
  if (related.length) {
    const asItCame = parseDocument(html);
    prepare(asItCame);
    const plain = readStory(asItCame);
    const chosen = betterExtraction(
      { content, textContent: extracted.textContent },
      plain?.content ? { content: plain.content, textContent: plain.textContent ?? '' } : null,
    );
    // The page as it came may carry a related block inside its story: taken out here too.
    if (chosen.content !== content) content = withoutRelatedBlocks(chosen.content);
  }
  // Readability's byline only when the page's own sources name no one.
  const byline = metadata.byline ?? (extracted.byline ? cleanByline(extracted.byline) : null) ?? '';
  const story = withoutStoryFurniture(content, { byline, dek });
  const images = await collectImages(story, { pageUrl, path: origin.path, fetchImage: origin.fetchImage });
  const title = metadata.title ?? extracted.title ?? fileTitle(origin.path);
  // Readability drops a heading that repeats its own idea of the title, not the page's headline.
  const clean = withoutRepeatedTitle(sanitizeForLibrary(images.html), title);
  const text = htmlToText(clean);
  if (countWords(text) < MIN_ARTICLE_WORDS) throw new DatelineError('IMPORT_FAILED', 'Dateline found no article text on this page.');
  return {
    title,
    byline,
    dek: dek && !text.startsWith(dek) ? dek : '',
    dateline,
    sourceName: metadata.siteName ?? hostname(metadata.canonicalUrl ?? pageUrl) ?? '',
    sourceUrl: metadata.canonicalUrl ?? pageUrl,
    canonicalUrl: metadata.canonicalUrl,
    publishedAt: metadata.publishedAt,
    language: metadata.language ?? extracted.lang ?? null,
    html: clean,
    text,
    related,
    media: images.media,
  };
}

/** Readability's reading of a prepared page; a page it cannot read is refused with a reason. */
function readStory(document: DomDocument): ReturnType<Readability<string>['parse']> {
  try {
    return new Readability(document as unknown as Document, { maxElemsToParse: MAX_ELEMENTS, keepClasses: false }).parse();
  } catch {
    throw new DatelineError('IMPORT_FAILED', 'Dateline could not find the article on this page.');
  }
}

/** An extracted story's HTML without the related-story blocks it holds. */
function withoutRelatedBlocks(content: string): string {
  const story = parseDocument(`<!doctype html><html><body>${content}</body></html>`);
  extractRelatedLinks(story, null);
  return story.body.innerHTML;
}

/**
 * Bytes to text, honouring the server's or the page's charset for pages in a legacy encoding.
 * Bytes that are valid UTF-8 (or start with its BOM) are UTF-8 whatever the page declares:
 * pages re-saved by editors and tools keep a stale `<meta charset>`, while legacy text almost
 * never happens to be valid UTF-8.
 */
export function decodeHtml(bytes: Uint8Array, contentType = ''): string {
  if (isUtf8(bytes)) return decodeText(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1];
  const charset = declared?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // An unknown label: fall back to the usual detection.
    }
  }
  return decodeText(bytes);
}

function isUtf8(bytes: Uint8Array): boolean {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The byline is read from the metadata; its line in the page would repeat it in the story. */
function removeBylines(document: DomDocument): void {
  for (const element of Array.from(
    document.querySelectorAll(`[class*="byline" i], [rel="author"], [class*="author-name" i], [itemprop="author"], ${AUTHOR_LINE}`),
  )) {
    if (countWords(element.textContent ?? '') <= 12 && !element.querySelector('p + p')) element.remove();
  }
}

function hostname(url: string | null): string | null {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

function fileTitle(path: string | null): string {
  return (path?.split(/[\\/]/).pop() ?? 'Untitled').replace(/\.[^.]+$/, '');
}
