import { createHash } from 'node:crypto';

/** Query parameters that only track where a click came from; they never change the page. */
const TRACKING_PARAMETER =
  /^(utm_\w+|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|ref|ref_src|ref_url|cmpid|cmp|ocid|ncid|igshid|smid|smtyp|at_\w+|ns_\w+|xtor|mbid|mkt_tok|_ga|_gl|guccounter|guce_\w+|soc_src|soc_trk|taid|fb_action_ids|fb_action_types|fb_source|wt\.mc_id|__twitter_impression)$/i;
/** Parameters that ask for a page's AMP or mobile rendering of the same story. */
const RENDERING_PARAMETER = /^(amp|_amp|amp_js_v|usqp|outputtype|output)$/i;
/** Hosts whose `s` and `t` parameters only say how a post was shared. */
const SHARE_PARAMETER_HOSTS = /^(twitter\.com|x\.com|mobile\.twitter\.com)$/;

/**
 * The key two saved copies of one story share: scheme-less, lower-case host without
 * "www." (or the "amp." and "m." of its AMP and mobile renderings, and through Google's AMP
 * cache and viewer to the page itself), no tracking parameters, sorted query, no trailing
 * slash or "/amp", and no fragment unless the fragment is a route (below). Returns null for
 * anything that is not an http(s) URL.
 */
export function urlKey(rawUrl: string | null | undefined): string | null {
  if (!rawUrl) return null;
  let url: URL;
  try {
    url = withoutAmpCache(new URL(rawUrl.trim()));
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname
    .toLowerCase()
    .replace(/^(www|amp|m|mobile)\./, '')
    // en.m.wikipedia.org: a language, then the mobile label.
    .replace(/^([a-z]{2,3})\.(m|amp)\./, '$1.');
  const dropped = (name: string, value: string) =>
    TRACKING_PARAMETER.test(name) ||
    (RENDERING_PARAMETER.test(name) && /^(1|true|amp|)$/i.test(value)) ||
    (SHARE_PARAMETER_HOSTS.test(host) && /^(s|t)$/.test(name));
  const params = [...url.searchParams.entries()]
    .filter(([name, value]) => !dropped(name, value))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const path = url.pathname
    .replace(/^\/amp(?=\/)/, '')
    .replace(/\/+$/, '')
    .replace(/\/amp$/, '')
    .replace(/\.amp(\.html?)$/, '$1');
  const port = url.port ? `:${url.port}` : '';
  return `${host}${port}${path}${query}${routeFragment(url.hash)}`;
}

/**
 * A page read through Google's AMP cache (`…cdn.ampproject.org/c/s/news.example/story`) or
 * its AMP viewer (`google.com/amp/s/news.example/story`) is the page at its own address.
 */
function withoutAmpCache(url: URL): URL {
  const cached = url.hostname.endsWith('.cdn.ampproject.org')
    ? /^\/[cvi]\/(s\/)?(.+)$/.exec(url.pathname)
    : /^(www\.)?google\.[a-z.]+$/.test(url.hostname)
      ? /^\/amp\/(s\/)?(.+)$/.exec(url.pathname)
      : null;
  if (!cached) return url;
  try {
    return new URL(`${cached[1] ? 'https' : 'http'}://${cached[2]}${url.search}${url.hash}`);
  } catch {
    return url;
  }
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
