/**
 * The URL rules of the desktop app, kept free of Electron so they are tested directly.
 */

import { MEDIA_SCHEME } from '../common/media-url.ts';

export const APP_SCHEME = 'dateline';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** The path inside the app folder that a `dateline://app/...` URL names, or null. */
export function appPathFromUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'app' ? parsed.pathname : null;
}

/**
 * Whether an app window may load this at all. Only the app's own schemes and inline data:
 * and blob: — never http(s), ws, file or anything remote.
 */
export function isAllowedRequest(url: string): boolean {
  const scheme = url.slice(0, url.indexOf(':') + 1).toLowerCase();
  return [`${APP_SCHEME}:`, `${MEDIA_SCHEME}:`, 'data:', 'blob:', 'devtools:'].includes(scheme);
}

/** Links a person may follow out of the app, to the system's browser or mail program. */
export { isExternalLink } from '../common/links.ts';
