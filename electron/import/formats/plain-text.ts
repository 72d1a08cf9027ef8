import { DatelineError } from '../../common/errors.ts';
import { escapeHtml, normalizeSpace } from '../../common/text.ts';
import type { NewSavedArticle } from '../../library/articles.ts';
import { decodeText } from '../decode.ts';
import { extensionOf, type Importer, type ImportSource } from '../types.ts';

/**
 * Headings that news sites put above their lists of other stories. When one stands alone
 * near the end and only short lines follow, those lines are site furniture, not the story.
 */
const TRAILER_HEADING = new RegExp(
  '^(' +
    [
      'more (from|by) .{1,60}',
      'related( articles| stories| posts| news| reading| content| coverage| links)?',
      'read (more|next|also)',
      'more (stories|news|articles|headlines|like this|on this( story| topic)?)',
      'you (may|might) (also )?(like|enjoy)',
      'recommended( for you| stories| reading| articles)?',
      'also read',
      'see also',
      'trending( now| stories)?',
      'most (read|popular|viewed|shared)',
      'popular( now| stories| articles)?',
      'latest (news|stories|articles)',
      "don'?t miss",
      'further reading',
      'top stories',
    ].join('|') +
    ')[\\s:.…-]*$',
  'i',
);

/** A line longer than this is prose, so whatever precedes it cannot be a trailer. */
const MAX_HEADLINE_LENGTH = 200;
const BYLINE = /^by\s+\S.{0,120}$/i;

export const plainTextImporter: Importer = {
  id: 'plain-text',
  label: 'Plain text',
  extensions: ['.txt', '.text'],
  accepts: (source) => plainTextImporter.extensions.includes(extensionOf(source.name)),
  parse: (source) => [parsePlainText(source)],
};

export function parsePlainText(source: ImportSource): NewSavedArticle {
  const blocks = splitBlocks(decodeText(source.bytes));
  const title = blocks.shift();
  if (title === undefined) throw new DatelineError('IMPORT_FAILED', 'The file holds no text.');

  const byline = blocks[0] !== undefined && BYLINE.test(blocks[0]) ? blocks.shift()!.replace(/^by\s+/i, '') : '';
  const trailerStart = findTrailer(blocks);
  const body = trailerStart === -1 ? blocks : blocks.slice(0, trailerStart);
  const related =
    trailerStart === -1 ? [] : blocks.slice(trailerStart + 1).map((line) => ({ title: line, url: null }));

  return {
    title,
    byline,
    html: body.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n'),
    text: body.join('\n\n'),
    related,
  };
}

/**
 * Paragraphs are separated by blank lines; lines within one are joined, since hard-wrapped
 * prose is the common case. The title is the first line alone, even with no blank line
 * after it.
 */
function splitBlocks(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const firstLine = lines.findIndex((line) => line.trim() !== '');
  if (firstLine === -1) return [];
  const title = normalizeSpace(lines[firstLine]!);
  const paragraphs = lines
    .slice(firstLine + 1)
    .join('\n')
    .split(/\n[ \t\u00a0]*\n/)
    .map(normalizeSpace)
    .filter((paragraph) => paragraph !== '');
  return [title, ...paragraphs];
}

/** Index of the trailer heading among `blocks`, or -1 when the text has none. */
function findTrailer(blocks: string[]): number {
  for (let i = blocks.length - 1; i >= 1; i -= 1) {
    const block = blocks[i]!;
    if (i < blocks.length - 1 && TRAILER_HEADING.test(block)) return i;
    if (block.length > MAX_HEADLINE_LENGTH) return -1;
  }
  return -1;
}
