import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { allowedUriPattern } from '../../common/media-url.ts';
import { restrictClasses, sanitizeArticle, SANITIZE_OPTIONS } from '../../common/sanitize-policy.ts';

/**
 * DOMPurify on jsdom (a DOM it is specified for), created once: the library never holds
 * active content. While importing, images may point at media not stored yet.
 */
const purify = restrictClasses(createDOMPurify(new JSDOM('').window as unknown as Parameters<typeof createDOMPurify>[0]));
const IMPORT_OPTIONS = {
  ...SANITIZE_OPTIONS,
  ALLOWED_URI_REGEXP: allowedUriPattern({ pending: true }),
};

export function sanitizeForLibrary(html: string): string {
  return sanitizeArticle(purify, html, IMPORT_OPTIONS);
}
