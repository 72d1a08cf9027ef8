import type { CapturedPage } from '../../electron/common/capture.ts';
import { MAX_CAPTURE_BYTES } from '../../electron/common/capture-wire.ts';
import { base64Of } from './bytes.ts';
import { picturesFromPage, snapshotPage, type PageSnapshot } from './snapshot.ts';

/** More pictures than this are left as placeholders: a page is not a gallery. */
const MAX_PICTURES = 150;
/** The app keeps no larger picture either. */
const MAX_PICTURE_BYTES = 15 * 1024 * 1024;

/**
 * The page in a tab as the person sees it, with its pictures and selection, ready to send.
 * Pictures are read in the page first (its own, from the browser's cache), then by the
 * extension (another site's, still from the cache where the browser has them).
 */
export async function capturePage(tabId: number, options: { tags: string[]; selection?: string }): Promise<CapturedPage> {
  let snapshot: PageSnapshot | undefined;
  try {
    const [result] = await chrome.scripting.executeScript({ target: { tabId }, func: snapshotPage });
    snapshot = result?.result as PageSnapshot | undefined;
  } catch {
    snapshot = undefined;
  }
  if (!snapshot)
    throw new Error('The browser does not let extensions read this page (its own pages and the extension store are closed to them).');
  const wanted = snapshot.pictures.slice(0, MAX_PICTURES);
  const inPage = await picturesInPage(tabId, wanted);
  const images: CapturedPage['images'] = [];
  for (const [index, url] of wanted.entries()) {
    const data = inPage[index] ?? (await pictureFromExtension(url));
    if (data && data.length * 0.75 <= MAX_PICTURE_BYTES) images.push({ url, data });
  }
  return fitted({
    id: crypto.randomUUID(),
    kind: 'page',
    url: snapshot.url,
    title: snapshot.title,
    html: snapshot.html,
    selection: (options.selection ?? snapshot.selection).trim(),
    tags: options.tags,
    images,
  });
}

/** A link to save without opening it: the app downloads its page. */
export function captureLink(url: string, title: string, tags: string[]): CapturedPage {
  return { id: crypto.randomUUID(), kind: 'link', url, title, tags, images: [], selection: '' };
}

async function picturesInPage(tabId: number, urls: string[]): Promise<(string | null)[]> {
  if (!urls.length) return [];
  try {
    const [result] = await chrome.scripting.executeScript({ target: { tabId }, func: picturesFromPage, args: [urls] });
    return (result?.result as (string | null)[] | undefined) ?? [];
  } catch {
    return [];
  }
}

async function pictureFromExtension(url: string): Promise<string | null> {
  try {
    const response = await fetch(url, { cache: 'force-cache', credentials: 'include' });
    return response.ok ? base64Of(new Uint8Array(await response.arrayBuffer())) : null;
  } catch {
    return null;
  }
}

/**
 * Within what the app takes: the largest pictures are left out first (they become
 * placeholders); a page too large even without them is refused here, with its size.
 */
function fitted(page: CapturedPage): CapturedPage {
  const images = [...(page.images ?? [])].sort((a, b) => a.data.length - b.data.length);
  const size = (list: typeof images) => JSON.stringify({ ...page, images: list }).length;
  while (images.length && size(images) > MAX_CAPTURE_BYTES) images.pop();
  if (size(images) > MAX_CAPTURE_BYTES) {
    throw new Error(
      `This page is ${Math.round(size([]) / 1024 / 1024)} MB without its pictures; Dateline takes pages of up to ${MAX_CAPTURE_BYTES / 1024 / 1024} MB.`,
    );
  }
  return { ...page, images };
}
