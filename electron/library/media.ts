import { createHash } from 'node:crypto';
import { libraryMediaUrl, pendingUrlPattern } from '../common/media-url.ts';
import type { Library } from './library.ts';
import { insertRow } from './sql.ts';

/** An image found while importing, not yet stored; the HTML names it by its token. */
export interface PendingMedia {
  token: number;
  mimeType: string;
  bytes: Uint8Array;
}

export interface StoredMedia {
  mimeType: string;
  bytes: Buffer;
}

/** Image types the reading view may show; anything else stays out of the library. */
export const MEDIA_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/svg+xml']);

export function getMedia(library: Library, id: number): StoredMedia | null {
  const row = library.statement<{ mime_type: string; bytes: Buffer }>('SELECT mime_type, bytes FROM media WHERE id = ?').get(id);
  return row ? { mimeType: row.mime_type, bytes: row.bytes } : null;
}

/** Stores bytes for an article and returns the id the media scheme serves them under. */
export function addMedia(
  library: Library,
  articleId: number | null,
  mimeType: string,
  bytes: Uint8Array,
  sourceUrl: string | null = null,
): number {
  if (!MEDIA_TYPES.has(mimeType)) throw new TypeError(`Dateline does not store media of type ${mimeType}.`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const result = library.run(
    insertRow('media', {
      article_id: articleId,
      sha256,
      mime_type: mimeType,
      bytes: Buffer.from(bytes),
      source_url: sourceUrl,
      created_at: Date.now(),
    }),
  );
  return Number(result.lastInsertRowid);
}

/** Stores an imported article's images and points its HTML at them. */
export function storeImportedMedia(library: Library, id: number, html: string, media: readonly PendingMedia[]): void {
  const ids = new Map(media.map((item) => [item.token, addMedia(library, id, item.mimeType, item.bytes)]));
  const stored = html.replace(pendingUrlPattern(), (whole, token: string) => {
    const mediaId = ids.get(Number(token));
    return mediaId === undefined ? whole : libraryMediaUrl(mediaId);
  });
  library.statement('UPDATE articles SET body_html = ? WHERE id = ?').run(stored, id);
}
