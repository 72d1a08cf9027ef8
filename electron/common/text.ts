/** Text measures shared by the importers, the library and the editor's live counts. */

const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Average adult silent reading speed used by news sites for "N min read". */
export const WORDS_PER_MINUTE = 230;

/**
 * Counts words the way a copy desk does: "8,000" is one word (the segmenter keeps digit
 * groups together), "Asia-Pacific" is one word, and scripts without spaces (CJK, Thai)
 * are split by the platform's dictionary-based segmenter rather than by whitespace.
 */
export function countWords(text: string): number {
  let count = 0;
  let previousWasWord = false;
  let joinerPending = false;
  for (const segment of wordSegmenter.segment(text)) {
    if (segment.isWordLike) {
      if (!(previousWasWord && joinerPending)) count += 1;
      previousWasWord = true;
      joinerPending = false;
    } else if (previousWasWord && !joinerPending && isWordJoiner(segment.segment)) {
      joinerPending = true;
    } else {
      previousWasWord = false;
      joinerPending = false;
    }
  }
  return count;
}

function isWordJoiner(segment: string): boolean {
  return segment === '-' || segment === '\u2010' || segment === '\u2011';
}

export function readingMinutes(wordCount: number): number {
  return wordCount === 0 ? 0 : Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEscapes[c] ?? c);
}

/** Collapses runs of white space (including non-breaking spaces) to one space and trims. */
export function normalizeSpace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** A newsroom slug from a headline: lower-case ASCII words joined by hyphens. */
export function slugify(text: string, maxLength = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  return cut.slice(0, Math.max(cut.lastIndexOf('-'), 1)).replace(/-+$/, '');
}
