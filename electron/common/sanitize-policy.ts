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
