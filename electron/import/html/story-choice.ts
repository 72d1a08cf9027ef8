import { normalizeSpace } from '../../common/text.ts';

/** What Readability found: the story's HTML and its text. */
export interface Extraction {
  content: string;
  textContent: string;
}

/** Words of a passage, as compared: case and punctuation do not count. */
function wordsOf(text: string): string[] {
  return normalizeSpace(text.toLowerCase().replace(/[^\p{L}\p{N}\s]+/gu, ' '))
    .split(' ')
    .filter(Boolean);
}

const SHINGLE = 8;

/** Whether nearly every run of eight words of `inner` is found in `outer`. */
function holds(outer: string[], inner: string[]): boolean {
  if (inner.length < SHINGLE) return outer.join(' ').includes(inner.join(' '));
  const runs = new Set<string>();
  for (let i = 0; i + SHINGLE <= outer.length; i++) runs.add(outer.slice(i, i + SHINGLE).join(' '));
  let found = 0;
  let total = 0;
  for (let i = 0; i + SHINGLE <= inner.length; i += 4) {
    total++;
    if (runs.has(inner.slice(i, i + SHINGLE).join(' '))) found++;
  }
  return found >= total * 0.9;
}

/**
 * Related-story blocks are taken out of a page before Readability scores it, so their links
 * do not read as story. But taking them out also lowers the link density of the containers
 * that held them, and Readability may then choose a bigger one: the story with a video
 * carousel or a gallery around it. Given the extraction from the page as it came, this keeps
 * that one when the other holds all of it and a good deal more (a bigger container, not a
 * different one); otherwise the extraction without the blocks stands.
 */
export function betterExtraction(withoutBlocks: Extraction, asItCame: Extraction | null): Extraction {
  if (!asItCame?.content || !asItCame.textContent.trim()) return withoutBlocks;
  const taken = wordsOf(withoutBlocks.textContent);
  const plain = wordsOf(asItCame.textContent);
  const grew = taken.length > plain.length * 1.15 + 20;
  return grew && holds(taken, plain) ? asItCame : withoutBlocks;
}
