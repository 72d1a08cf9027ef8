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

/** The only parts of a mailto: link that are kept: never `attach`, `cc`, `bcc` or headers. */
const MAIL_FIELDS = ['subject', 'body'] as const;

/**
 * A link as it may leave the app, or null when it may not: web links as they are (without
 * a user name or password), mail links with only their recipients, subject and body, so an
 * article cannot make the mail program attach a file or copy in someone else.
 */
export function outgoingLink(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'mailto:') {
    const kept = new URLSearchParams();
    for (const field of MAIL_FIELDS) {
      const value = parsed.searchParams.get(field);
      if (value !== null) kept.set(field, value);
    }
    const query = kept.toString().replace(/\+/g, '%20');
    return `mailto:${parsed.pathname}${query ? `?${query}` : ''}`;
  }
  if (!isExternalLink(url)) return null;
  parsed.username = '';
  parsed.password = '';
  return parsed.href;
}

/** What "once per site" remembers: a web link's host, a mail link's recipients. */
export function linkSite(url: string): string {
  const parsed = new URL(url);
  return parsed.protocol === 'mailto:' ? `mailto:${decodeURIComponent(parsed.pathname).toLowerCase()}` : parsed.host.toLowerCase();
}
