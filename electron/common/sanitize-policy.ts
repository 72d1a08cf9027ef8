import type { DOMPurify } from 'dompurify';
import { allowedUriPattern } from './media-url.ts';

/**
 * What article HTML may contain, in the library and on screen. The same policy is applied
 * with DOMPurify twice: when an article is stored (on jsdom) and right before it is shown (on
 * the browser's own DOM). No script, handler, style, form, frame, embed or remote resource.
 */
// prettier-ignore
export const ALLOWED_TAGS = [
  'p', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins',
  'sub', 'sup', 'mark', 'small', 'code', 'pre', 'kbd', 'samp', 'blockquote', 'q', 'cite', 'ul',
  'ol', 'li', 'dl', 'dt', 'dd', 'a', 'img', 'figure', 'figcaption', 'table', 'thead', 'tbody',
  'tfoot', 'tr', 'th', 'td', 'caption', 'hr', 'abbr', 'time', 'span', 'div', 'section', 'article',
  'aside', 'header', 'footer',
];

export const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'colspan', 'rowspan', 'datetime', 'class', 'lang', 'dir'];

/**
 * The only classes stored HTML keeps: those Dateline's own pipeline gives (a picture's
 * placeholder and why it is one, a pull quote's parts). Any other class, the app's own
 * ("toast", "overlay", "recovery") above all, is dropped, so an article cannot dress up as
 * the app that shows it.
 */
// prettier-ignore
export const ALLOWED_CLASSES: ReadonlySet<string> = new Set([
  'missing-image', 'not-downloaded', 'download-failed', 'unsupported', 'unavailable',
  'pullquote', 'attribution', 'credit',
]);

export function keptClasses(value: string): string {
  return value
    .split(/\s+/)
    .filter((name) => ALLOWED_CLASSES.has(name))
    .join(' ');
}

/** Holds a DOMPurify instance (the library's on jsdom, the reading view's) to the closed set of classes. */
export function restrictClasses(purify: DOMPurify): DOMPurify {
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    if (data.attrName !== 'class') return;
    data.attrValue = keptClasses(data.attrValue);
    if (!data.attrValue) data.keepAttr = false;
  });
  return purify;
}

/**
 * Sanitizes `html` with the policy, then turns links left with no address (none was given,
 * or the sanitizer took out a `javascript:` one) into their plain text: a link that goes
 * nowhere is not shown as one. Done on the sanitized tree, after DOMPurify, so the link's
 * content has been through it like everything else.
 */
export function sanitizeArticle(purify: DOMPurify, html: string, options: typeof SANITIZE_OPTIONS = SANITIZE_OPTIONS): string {
  // A <frameset> makes the parser drop the document's body, and DOMPurify then answers null
  // (the import failed on it): frames are never a story's content, so they go first.
  const fragment = purify.sanitize(html.replace(FRAMES, ''), {
    ...options,
    // The <body> DOMPurify parses into is the root it walks, and what it returns is the body's
    // content, never the body. With the root itself not allowed, DOMPurify deep-copied every
    // article out of it; on jsdom each copied element with an id stayed in the window's table
    // of named elements, holding its whole page in memory until the window was closed.
    ALLOWED_TAGS: [...options.ALLOWED_TAGS, 'body'],
    RETURN_DOM_FRAGMENT: true,
  }) as DocumentFragment | null;
  if (!fragment) return '';
  for (const link of Array.from(fragment.querySelectorAll('a:not([href])'))) link.replaceWith(...Array.from(link.childNodes));
  const holder = fragment.ownerDocument.createElement('div');
  holder.appendChild(fragment);
  return holder.innerHTML;
}

const FRAMES = /<\/?(?:frameset|frame|noframes)\b[^>]*>/gi;

/** Links may point at the web or an e-mail address; images only at the library. */
export const ALLOWED_URI_REGEXP = allowedUriPattern({ pending: false });

export const SANITIZE_OPTIONS = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOWED_URI_REGEXP,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  KEEP_CONTENT: true,
  FORBID_CONTENTS: [
    'script',
    'style',
    'template',
    'noscript',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
    'form',
    'select',
    'textarea',
    'button',
  ],
};
