/**
 * The URL rules of the desktop app, kept free of Electron so they are tested directly.
 */

export const APP_SCHEME = 'dateline';
export const MEDIA_SCHEME = 'dateline-media';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/**
 * The id in `dateline-media://library/<id>`, or null for any other shape. The raw text is
 * matched exactly, so nothing the URL parser would normalise (dots, escapes) gets through.
 */
export function mediaIdFromUrl(url: string): number | null {
  const match = new RegExp(`^${MEDIA_SCHEME}://library/([1-9][0-9]{0,15})$`).exec(url);
  return match ? Number(match[1]) : null;
}

export function mediaUrl(id: number): string {
  return `${MEDIA_SCHEME}://library/${id}`;
}

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
