import type { CapturedPage, CaptureResult } from '../../common/capture.ts';
import { DatelineError } from '../../common/errors.ts';
import { findCapture, recordCapture } from '../../library/capture-clients.ts';
import type { Library } from '../../library/library.ts';
import { findDuplicate, insertSavedArticle, mergeIntoStored, type NewSavedArticle } from '../../library/saved-articles.ts';
import { isArticle } from '../types.ts';
import { importWorker } from '../worker/pool.ts';

type Capture = Required<Omit<CapturedPage, 'html'>> & { html?: string };

export interface SavedCapture extends CaptureResult {
  /** A link saved without its page: it waits in the download queue. */
  linkOnly: boolean;
}

/**
 * Stores what the browser extension sent: a page read in the import worker (as a saved file
 * would be), or a link whose page is downloaded later. The selection becomes a highlight,
 * the tags typed in the popup are added, and a page already in the library gains them
 * instead of coming in twice. A save delivered again (its answer was lost on the way back)
 * answers with the article it became the first time.
 */
export async function saveCapture(library: Library, capture: Capture, signal?: AbortSignal): Promise<SavedCapture> {
  const delivered = findCapture(library, capture.id);
  if (delivered !== null) return { ...describe(library, delivered), duplicate: true, highlighted: false, linkOnly: false };
  const article = { ...(await readCapture(capture, signal)), tags: capture.tags, highlights: highlightsOf(capture.selection) };
  return library.write(() => {
    // Delivered again while this copy was being read: the first one stands.
    const again = findCapture(library, capture.id);
    if (again !== null) return { ...describe(library, again), duplicate: true, highlighted: false, linkOnly: false };
    const duplicate = findDuplicate(library, article);
    const merged = duplicate ? mergeIntoStored(library, duplicate.id, article) : [];
    const id = duplicate ? duplicate.id : insertSavedArticle(library, article);
    recordCapture(library, capture.id, id);
    return {
      ...describe(library, id),
      duplicate: duplicate !== null,
      highlighted: duplicate ? merged.some((item) => item.includes('highlight')) : article.highlights.length > 0,
      linkOnly: !duplicate && article.linkOnly === true,
    };
  });
}

async function readCapture(capture: Capture, signal?: AbortSignal): Promise<NewSavedArticle> {
  if (capture.kind === 'link' || !capture.html) {
    return { title: capture.title.trim() || capture.url, html: '', text: '', sourceUrl: capture.url, linkOnly: true };
  }
  const images = capture.images.map((image) => ({ url: image.url, bytes: Buffer.from(image.data, 'base64') }));
  const [page] = await importWorker.run({ kind: 'capture', url: capture.url, html: capture.html, images }, undefined, signal);
  if (!page || !isArticle(page)) throw new DatelineError('IMPORT_FAILED', 'Dateline found no article on this page.');
  return { ...page, sourceUrl: page.sourceUrl ?? capture.url };
}

/** The selection as one passage: white space as the reading view shows it. */
function highlightsOf(selection: string): { quote: string }[] {
  const quote = selection.replace(/\s+/g, ' ').trim();
  return quote ? [{ quote }] : [];
}

function describe(library: Library, id: number): { articleId: number; title: string } {
  const row = library.statement<{ title: string }>('SELECT title FROM articles WHERE id = ?').get(id);
  return { articleId: id, title: row?.title ?? '' };
}
