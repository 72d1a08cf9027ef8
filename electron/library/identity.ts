import { createHash } from 'node:crypto';

/** Query parameters that only track where a click came from; they never change the page. */
const TRACKING_PARAMETER = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|ref_src|cmpid|ocid|igshid|smid)$/i;

/**
 * The key two saved copies of one story share: scheme-less, lower-case host without
 * "www.", no tracking parameters, sorted query, no trailing slash, and no fragment unless
 * the fragment is a route (below). Returns null for anything that is not an http(s) URL.
 */
export function urlKey(rawUrl: string | null | undefined): string | null {
  if (!rawUrl) return null;
  let url: URL;
  try {
    url = new URL(rawUrl.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const params = [...url.searchParams.entries()]
    .filter(([name]) => !TRACKING_PARAMETER.test(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const path = url.pathname.replace(/\/+$/, '');
  const port = url.port ? `:${url.port}` : '';
  return `${host}${port}${path}${query}${routeFragment(url.hash)}`;
}

/**
 * A fragment that names a page of a web app ("#!/topic/…", "#/inbox/…", "#inbox/1845…": a
 * mail thread, a group topic, a single-page video site) rather than a place in one page
 * ("#comments", "#section-2"), which two copies of one story may differ by.
 */
function routeFragment(hash: string): string {
  const fragment = hash.slice(1);
  return /^[!/]/.test(fragment) || fragment.includes('/') ? `#${fragment}` : '';
}

/** A fingerprint of an article's words, blind to case, spacing and punctuation. */
export function contentHash(title: string, text: string): string {
  const normalized = `${title}\n${text}`
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return createHash('sha256').update(normalized).digest('hex');
}
