/**
 * Which links leave the app for the system's browser or mail program: web and mail only.
 * Everything else (file:, smb:, javascript:, other apps' schemes) is refused, by the desktop
 * shell and by the window itself, which says so.
 */
export const EXTERNAL_LINK_SCHEMES = ['http:', 'https:', 'mailto:'] as const;

export function isExternalLink(url: string): boolean {
  return (EXTERNAL_LINK_SCHEMES as readonly string[]).includes(linkScheme(url) ?? '');
}

/** The scheme of a link, lower-cased with its colon ("file:"), or null when it is not a URL. */
export function linkScheme(url: string): string | null {
  try {
    return new URL(url).protocol;
  } catch {
    return null;
  }
}
