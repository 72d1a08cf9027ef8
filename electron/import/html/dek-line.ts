import type { DomElement } from '../../common/node/html-dom.ts';
import { normalizeSpace } from '../../common/text.ts';

/** How far into a document its dek may be: after the headline and before the byline, or just after it. */
const LEADING_BLOCKS = 3;

/**
 * A document's own dek, where its markup marks one (Word's Dek or Subtitle paragraph as the
 * Word reader maps it), taken out of the body so the story does not open with it.
 */
export function takeDekLine(body: DomElement): string | null {
  const block = Array.from(body.children)
    .slice(0, LEADING_BLOCKS)
    .find((element) => element.tagName === 'P' && element.classList.contains('dek'));
  const dek = normalizeSpace(block?.textContent ?? '');
  if (!block || !dek) return null;
  block.remove();
  return dek;
}
