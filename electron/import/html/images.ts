import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { parseBody, type DomElement } from '../../common/node/html-dom.ts';
import { pendingMediaUrl } from '../../common/media-url.ts';
import { absoluteUrl } from './metadata.ts';
import type { PendingMedia } from '../../library/media.ts';

/** An image found in an imported page, waiting for its article's id to be stored. */
const MAX_IMAGE_BYTES = 15 * 1024 * 1024;

/** The image type the bytes really are (the declared type or extension is not trusted). */
export function sniffImageType(bytes: Uint8Array): string | null {
  const starts = (...prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50)
    return 'image/webp';
  if (
    bytes[4] === 0x66 &&
    bytes[5] === 0x74 &&
    bytes[6] === 0x79 &&
    bytes[7] === 0x70 &&
    String.fromCharCode(...bytes.subarray(8, 12)) === 'avif'
  )
    return 'image/avif';
  return null;
}

/**
 * Goes through an extracted article's images: pictures embedded as data, or saved beside
 * the page on disk, are taken into the library; pictures on the web become a placeholder
 * (the reading view never loads anything from the network); tracking pixels go.
 */
export async function collectImages(html: string, context: ImageContext): Promise<{ html: string; media: PendingMedia[] }> {
  const body = parseBody(html);
  const media: PendingMedia[] = [];
  for (const img of Array.from(body.querySelectorAll('img'))) {
    if (isTrackingPixel(img)) {
      img.remove();
      continue;
    }
    const src = sourceOf(img);
    const remote = src.startsWith('data:') ? null : absoluteUrl(src, context.pageUrl);
    const bytes = src.startsWith('data:')
      ? fromDataUri(src)
      : (fromDisk(src, context.path) ?? (remote && context.fetchImage ? await context.fetchImage(remote).catch(() => null) : null));
    const type = bytes ? sniffImageType(bytes) : null;
    if (bytes && type && bytes.length <= MAX_IMAGE_BYTES) {
      media.push({ token: media.length, mimeType: type, bytes });
      img.setAttribute('src', pendingMediaUrl(media.length - 1));
      for (const attribute of ['srcset', 'data-src', 'sizes', 'loading', 'width', 'height']) img.removeAttribute(attribute);
      continue;
    }
    img.replaceWith(missingImage(img, reasonMissing(remote, bytes, context)));
  }
  return { html: body.innerHTML, media };
}

export interface ImageContext {
  pageUrl: string | null;
  path: string | null;
  /** Downloads a picture from the web; given only where the network may be used. */
  fetchImage?: (url: string) => Promise<Uint8Array | null>;
}

/** The class the reading view turns into the placeholder's words. */
function reasonMissing(remote: string | null, bytes: Uint8Array | null, context: ImageContext): string {
  if (bytes) return 'unsupported';
  if (remote) return context.fetchImage ? 'download-failed' : 'not-downloaded';
  return 'unavailable';
}

/** Where a picture could not be kept: a quiet placeholder that says why, with its description. */
function missingImage(img: DomElement, reason: string): DomElement {
  const placeholder = img.ownerDocument.createElement('span');
  placeholder.setAttribute('class', `missing-image ${reason}`);
  placeholder.textContent = img.getAttribute('alt') ?? '';
  return placeholder;
}

function sourceOf(img: DomElement): string {
  const lazy = img.getAttribute('data-src') ?? img.getAttribute('data-original');
  const srcset = (img.getAttribute('srcset') ?? '').split(',')[0]?.trim().split(/\s+/)[0];
  return (lazy || img.getAttribute('src') || srcset || '').trim();
}

function isTrackingPixel(img: DomElement): boolean {
  const width = Number(img.getAttribute('width'));
  const height = Number(img.getAttribute('height'));
  const src = img.getAttribute('src') ?? '';
  return (width > 0 && width <= 2) || (height > 0 && height <= 2) || /[/?&._-](pixel|beacon|tracking|tracker)[/?&._-]/i.test(src);
}

function fromDataUri(src: string): Uint8Array | null {
  const match = /^data:image\/[\w.+-]+;base64,([\s\S]*)$/i.exec(src);
  return match ? Buffer.from(match[1]!.replace(/\s+/g, ''), 'base64') : null;
}

/** An image saved next to the page ("Save page as…" writes a `page_files` folder). */
function fromDisk(src: string, pagePath: string | null): Uint8Array | null {
  if (!pagePath || !isAbsolute(pagePath) || !src || /^[a-z][a-z0-9+.-]*:/i.test(src)) return null;
  try {
    const file = resolve(dirname(pagePath), decodeURIComponent(src.split(/[?#]/)[0]!));
    // Only files whose real path (symbolic links followed) lies in the page's own folder
    // or below it, such as its "_files" folder: a page must not read the rest of the disk.
    if (!isInside(realpathSync(file), realpathSync(dirname(pagePath)))) return null;
    return statSync(file).size <= MAX_IMAGE_BYTES ? readFileSync(file) : null;
  } catch {
    return null;
  }
}

function isInside(file: string, folder: string): boolean {
  const path = relative(folder, file);
  return path !== '' && path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path);
}
