/**
 * The addresses of images kept in the library, in one place: the desktop protocol serves
 * them, the sanitizers let them through, the reading view and the exporters find them.
 * Browser-safe: the renderer uses it too.
 */

export const MEDIA_SCHEME = 'dateline-media';

const LIBRARY_PREFIX = `${MEDIA_SCHEME}://library/`;
const PENDING_PREFIX = `${MEDIA_SCHEME}://pending/`;

/** Where the library serves a media item. */
export const libraryMediaUrl = (id: number): string => `${LIBRARY_PREFIX}${id}`;

/** An image found while importing, before it is stored: its token in the import's list. */
export const pendingMediaUrl = (token: number): string => `${PENDING_PREFIX}${token}`;

/**
 * The id in `dateline-media://library/<id>`, or null for any other shape. The raw text is
 * matched exactly, so nothing the URL parser would normalise (dots, escapes) gets through.
 */
export function mediaIdFromUrl(url: string): number | null {
  const match = /^([1-9][0-9]{0,15})$/.exec(url.startsWith(LIBRARY_PREFIX) ? url.slice(LIBRARY_PREFIX.length) : '');
  return match ? Number(match[1]) : null;
}

/** Every `src="…"` naming a library image in stored HTML; group 1 is the id. */
export const librarySrcPattern = (): RegExp => new RegExp(`src="${LIBRARY_PREFIX}(\\d+)"`, 'g');

/** Every pending image address in HTML being imported; group 1 is the token. */
export const pendingUrlPattern = (): RegExp => new RegExp(`${PENDING_PREFIX}(\\d+)`, 'g');

/** The sanitizer's rule for addresses: links to the web or mail, images from the library (and,
 *  while importing, from the import's own pending images). */
export function allowedUriPattern({ pending }: { pending: boolean }): RegExp {
  const media = pending ? `${MEDIA_SCHEME}:\\/\\/(?:library|pending)\\/\\d+$` : `${MEDIA_SCHEME}:\\/\\/library\\/\\d+$`;
  return new RegExp(`^(?:https?:|mailto:|${media}|#)`, 'i');
}
