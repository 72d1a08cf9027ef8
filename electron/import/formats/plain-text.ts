import { DatelineError } from '../../common/errors.ts';
import { escapeHtml, normalizeSpace } from '../../common/text.ts';
import type { NewSavedArticle } from '../../library/saved-articles.ts';
import { readText, replacedBytesNote, withoutControls } from '../decode.ts';
import { TRAILER_HEADING } from '../furniture.ts';
import { extensionOf, type Importer, type ImportSource } from '../types.ts';

/** A line longer than this is prose, so whatever precedes it cannot be a trailer. */
const MAX_HEADLINE_LENGTH = 200;
const BYLINE = /^by\s+\S.{0,120}$/i;

export const plainTextImporter: Importer = {
  id: 'plain-text',
  label: 'Plain text',
  extensions: ['.txt', '.text'],
  accepts: (source) => plainTextImporter.extensions.includes(extensionOf(source.name)),
  parse: (source) => {
    const read = withoutControls(readText(source.bytes));
    const note = replacedBytesNote(read);
    return [articleOf(read.text), ...(note ? [{ note }] : [])];
  },
};

export function parsePlainText(source: ImportSource): NewSavedArticle {
  return articleOf(withoutControls(readText(source.bytes)).text);
}

function articleOf(text: string): NewSavedArticle {
  const { title, blocks } = splitBlocks(text);
  if (title === undefined) throw new DatelineError('IMPORT_FAILED', 'The file holds no text.');

  const byline = blocks[0]?.length === 1 && BYLINE.test(blocks[0][0]!) ? blocks.shift()![0]!.replace(/^by\s+/i, '') : '';
  const trailer = findTrailer(blocks);
  const body = (trailer ? blocks.slice(0, trailer.block) : blocks).map((lines) => lines.join(' '));
  const related = trailer
    ? [blocks[trailer.block]!.slice(1), ...blocks.slice(trailer.block + 1)].flat().map((line) => ({ title: line, url: null }))
    : [];

  return {
    title,
    byline,
    html: body.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n'),
    text: body.join('\n\n'),
    related,
  };
}

/**
 * The title is the first line alone, even with no blank line after it. The rest splits into
 * blocks at blank lines, each kept as its lines: joined, they make a paragraph (hard-wrapped
 * prose is the common case); in a trailer, each line is a headline.
 */
function splitBlocks(text: string): { title: string | undefined; blocks: string[][] } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const firstLine = lines.findIndex((line) => line.trim() !== '');
  if (firstLine === -1) return { title: undefined, blocks: [] };
  const blocks = lines
    .slice(firstLine + 1)
    .join('\n')
    .split(/\n[ \t\u00a0]*\n/)
    .map((block) =>
      block
        .split('\n')
        .map(normalizeSpace)
        .filter((line) => line !== ''),
    )
    .filter((block) => block.length > 0);
  return { title: normalizeSpace(lines[firstLine]!), blocks };
}

/**
 * Where the trailer starts: a block whose first line is a furniture heading, after at least
 * one block of story, with only headline-length lines from there on.
 */
function findTrailer(blocks: string[][]): { block: number } | null {
  for (let i = blocks.length - 1; i >= 1; i -= 1) {
    const block = blocks[i]!;
    const isHeading = TRAILER_HEADING.test(block[0]!);
    const followedByHeadlines = block.length > 1 || i < blocks.length - 1;
    if (isHeading && followedByHeadlines && block.every((line) => line.length <= MAX_HEADLINE_LENGTH)) return { block: i };
    if (block.some((line) => line.length > MAX_HEADLINE_LENGTH) || block.join(' ').length > MAX_HEADLINE_LENGTH * 2) return null;
  }
  return null;
}
