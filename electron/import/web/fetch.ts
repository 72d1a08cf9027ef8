import { fetch, type Response } from 'undici';
import { DatelineError } from '../../common/errors.ts';
import { checkHost, guardedAgent } from './address-guard.ts';

export interface FetchLimits {
  /** Bytes beyond which the download is abandoned. */
  maxBytes: number;
  /** The whole exchange, redirects included. */
  timeoutMs: number;
  maxRedirects?: number;
  signal?: AbortSignal;
  /** Intranet hosts the newsroom's policy allows, though they are on a private network. */
  allowHosts?: readonly string[];
}

export interface Fetched {
  /** Where the content came from after redirects. */
  url: string;
  contentType: string;
  bytes: Uint8Array;
  /** The validators the site gave, for asking next time only whether it changed. */
  etag: string | null;
  lastModified: string | null;
  /** The site said nothing changed since the validators sent (304): `bytes` is empty. */
  notModified: boolean;
  /** Where the address has moved for good: set when it redirected and every hop was permanent (301, 308). */
  movedTo: string | null;
}

/** Asks only for a newer copy than the one these validators name (a feed's last fetch). */
export interface Conditional {
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
}

const ACCEPT_PAGES = 'text/html,application/xhtml+xml,image/*;q=0.9,*/*;q=0.5';

export const PAGE_LIMITS: FetchLimits = { maxBytes: 10 * 1024 * 1024, timeoutMs: 20_000, maxRedirects: 5 };
export const IMAGE_LIMITS: FetchLimits = { maxBytes: 15 * 1024 * 1024, timeoutMs: 15_000, maxRedirects: 5 };

/** Only the web: never file:, data:, ftp: or an app's own scheme, before or after a redirect. */
export function webAddress(value: string): URL {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new DatelineError('INVALID_INPUT', `"${value.slice(0, 200)}" is not a web address.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DatelineError('INVALID_INPUT', `Dateline only downloads http and https addresses, not ${url.protocol.replace(':', '')}.`);
  }
  if (url.username || url.password) throw new DatelineError('INVALID_INPUT', 'Addresses with a user name or password are not downloaded.');
  return url;
}

/**
 * Downloads one resource with the limits given: redirects followed by hand so that each hop
 * is checked, a deadline for the whole exchange, and the body read in chunks so that an
 * endless or oversized response is cut off rather than held in memory.
 */
export async function fetchResource(address: string, limits: FetchLimits, conditional: Conditional = {}): Promise<Fetched> {
  const deadline = AbortSignal.timeout(limits.timeoutMs);
  const signal = limits.signal ? AbortSignal.any([deadline, limits.signal]) : deadline;
  const allowed = new Set((limits.allowHosts ?? []).map((host) => host.toLowerCase()));
  const dispatcher = guardedAgent(allowed);
  let url = webAddress(address);
  let permanent: boolean | null = null;
  const moved = () => (permanent ? url.href : null);
  try {
    for (let hop = 0; ; hop += 1) {
      checkHost(url, allowed);
      const response = await fetch(url, {
        redirect: 'manual',
        signal,
        dispatcher,
        headers: requestHeaders(conditional),
      });
      const validators = { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
      if (response.status === 304 && (conditional.etag || conditional.lastModified)) {
        await response.body?.cancel();
        return { url: url.href, contentType: '', bytes: new Uint8Array(0), ...validators, notModified: true, movedTo: moved() };
      }
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel();
        if (hop >= (limits.maxRedirects ?? 5)) throw new DatelineError('IMPORT_FAILED', 'The address redirects too many times.');
        permanent = (permanent ?? true) && (response.status === 301 || response.status === 308);
        url = webAddress(new URL(response.headers.get('location')!, url).href);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new DatelineError(
          'IMPORT_FAILED',
          `The site answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
        );
      }
      const bytes = await readCapped(response, limits.maxBytes);
      return {
        url: url.href,
        contentType: response.headers.get('content-type') ?? '',
        bytes,
        ...validators,
        notModified: false,
        movedTo: moved(),
      };
    }
  } catch (error) {
    throw describeNetworkFailure(error, deadline, limits);
  }
}

function requestHeaders({ etag, lastModified, accept }: Conditional): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': 'Mozilla/5.0 (compatible; Dateline)', accept: accept ?? ACCEPT_PAGES };
  // Only values a site could have sent: a header with a line break in it is never sent.
  if (etag && !/[\r\n]/.test(etag)) headers['if-none-match'] = etag;
  if (lastModified && !/[\r\n]/.test(lastModified)) headers['if-modified-since'] = lastModified;
  return headers;
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.length;
    if (size > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

function tooLarge(maxBytes: number): DatelineError {
  return new DatelineError('TOO_LARGE', `The download is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, so it was stopped.`);
}

function describeNetworkFailure(error: unknown, deadline: AbortSignal, limits: FetchLimits): DatelineError {
  if (error instanceof DatelineError) return error;
  const reason = (error as { cause?: unknown }).cause;
  if (reason instanceof DatelineError) return reason;
  if (deadline.aborted) return new DatelineError('IMPORT_FAILED', `The site did not answer within ${limits.timeoutMs / 1000} seconds.`);
  if (limits.signal?.aborted) return new DatelineError('IMPORT_FAILED', 'The download was cancelled.');
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  if (cause === 'ENOTFOUND' || cause === 'EAI_AGAIN')
    return new DatelineError('IMPORT_FAILED', 'The site could not be found; are you offline?');
  if (cause === 'ECONNREFUSED') return new DatelineError('IMPORT_FAILED', 'The site refused the connection.');
  return new DatelineError('IMPORT_FAILED', `The download failed: ${(error as Error).message}`);
}
