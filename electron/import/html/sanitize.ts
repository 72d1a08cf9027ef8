import createDOMPurify, { type DOMPurify } from 'dompurify';
import type { JSDOM } from 'jsdom';
import { createRequire } from 'node:module';
import { allowedUriPattern } from '../../common/media-url.ts';
import { restrictClasses, sanitizeArticle, SANITIZE_OPTIONS } from '../../common/sanitize-policy.ts';

const IMPORT_OPTIONS = {
  ...SANITIZE_OPTIONS,
  ALLOWED_URI_REGEXP: allowedUriPattern({ pending: true }),
};

/**
 * A jsdom window gathers listeners from every document DOMPurify parses in it, and each new
 * one scans the earlier ones: on one window the thousandth page took four times as long as
 * the first, and an import of 10,000 pages kept slowing down. A window serves this many
 * sanitizations, then is closed and replaced, which keeps every call as fast as the first.
 */
const SANITIZATIONS_PER_WINDOW = 200;

/**
 * jsdom takes half a second and some 90 MB to load: it is loaded when the first page is
 * sanitized, so the import worker starts without it and imports that never sanitize (plain
 * text) never load it.
 */
const require = createRequire(import.meta.url);
let jsdom: typeof JSDOM | null = null;

let current: { window: JSDOM['window']; purify: DOMPurify; uses: number } | null = null;
let windowsOpened = 0;

/** How many jsdom windows the sanitizer has opened so far in this thread. */
export function sanitizerWindowsOpened(): number {
  return windowsOpened;
}

/** DOMPurify on jsdom (a DOM it is specified for), on a window that is renewed as it ages. */
function purifier(): DOMPurify {
  if (!current || current.uses >= SANITIZATIONS_PER_WINDOW) {
    current?.window.close();
    jsdom ??= (require('jsdom') as { JSDOM: typeof JSDOM }).JSDOM;
    const window = new jsdom('').window;
    windowsOpened += 1;
    current = { window, purify: restrictClasses(createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0])), uses: 0 };
  }
  current.uses += 1;
  return current.purify;
}

/** The library never holds active content. While importing, images may point at media not stored yet. */
export function sanitizeForLibrary(html: string): string {
  return sanitizeArticle(purifier(), html, IMPORT_OPTIONS);
}
