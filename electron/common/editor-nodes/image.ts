import { z } from 'zod';
import { libraryMediaUrl } from '../media-url.ts';
import { escapeHtml } from '../text.ts';
import type { EditorNodeDefinition, ElementLike } from './types.ts';

/** An image kept in the library, with its newsroom captions. */
export interface ImagePayload {
  mediaId: number;
  altText: string;
  caption: string;
  credit: string;
}

/** An `<img>` and its figure's words as HTML holds them: the address as written. */
export interface FigureParts {
  src: string;
  altText: string;
  caption: string;
  credit: string;
}

/** Reads a `<figure>` with an `<img>` (the credit is the caption's `.credit`), or a bare `<img>`. */
export function readFigure(element: ElementLike): FigureParts | null {
  const img = element.tagName === 'IMG' ? element : element.tagName === 'FIGURE' ? element.querySelector('img') : null;
  if (!img) return null;
  const credit = element.querySelector('figcaption .credit')?.textContent?.trim() ?? '';
  const caption = (element.querySelector('figcaption')?.textContent ?? '').replace(credit, '').trim();
  return {
    src: img.getAttribute('src') ?? '',
    altText: img.getAttribute('alt') ?? '',
    caption: element.tagName === 'IMG' ? '' : caption,
    credit,
  };
}

const text = z.string().catch('');

export const imageNode: EditorNodeDefinition<ImagePayload> = {
  type: 'image',
  version: 1,
  tags: ['FIGURE', 'IMG'],
  payload: z.object({
    mediaId: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).catch(0),
    altText: text,
    caption: text,
    credit: text,
  }),
  html({ mediaId, altText, caption, credit }) {
    if (mediaId <= 0) return '';
    const figcaption =
      caption || credit
        ? `<figcaption>${escapeHtml(caption)}${credit ? `${caption ? ' ' : ''}<span class="credit">${escapeHtml(credit)}</span>` : ''}</figcaption>`
        : '';
    return `<figure><img src="${libraryMediaUrl(mediaId)}" alt="${escapeHtml(altText)}">${figcaption}</figure>`;
  },
  bodyText: () => '',
  readableText({ caption, credit }) {
    const words = [caption, credit].filter(Boolean).join(' ');
    return words ? `[Picture: ${words}]` : '';
  },
  // Markdown has no caption: a captioned picture is written as its HTML figure (Markdown
  // allows HTML blocks, and renderers show them), so caption and credit come back apart.
  markdown({ mediaId, altText, caption, credit }, media) {
    if (mediaId <= 0) return '';
    if (!caption && !credit) return `![${altText.replace(/[[\]\\]/g, '\\$&')}](${media(mediaId)})`;
    const credited = credit ? `${caption ? ' ' : ''}<span class="credit">${escapeHtml(credit)}</span>` : '';
    return `<figure><img src="${escapeHtml(media(mediaId))}" alt="${escapeHtml(altText)}"><figcaption>${escapeHtml(caption)}${credited}</figcaption></figure>`;
  },
  matches: (element) => readFigure(element) !== null,
  read(element, media) {
    const figure = readFigure(element);
    const mediaId = figure ? media(figure.src) : null;
    return figure && mediaId !== null ? { mediaId, altText: figure.altText, caption: figure.caption, credit: figure.credit } : null;
  },
};
