import type { DomElement } from '../../common/node/html-dom.ts';
import { normalizeSpace } from '../../common/text.ts';
import { cleanByline } from './metadata.ts';

/** How far into a document a "By …" line may be and still be its byline. */
const LEADING_BLOCKS = 3;

/**
 * A document's own byline line ("By Ana Lima" under the headline of a Word file or a Markdown
 * story), taken out of the body so it is not printed twice. Null when the first few blocks
 * hold none, or what follows "By" is not a name.
 */
export function takeBylineLine(body: DomElement): string | null {
  const blocks = Array.from(body.children).slice(0, LEADING_BLOCKS);
  for (const block of blocks) {
    if (block.tagName !== 'P') continue;
    const text = normalizeSpace(block.textContent ?? '');
    if (!/^(by|written by)\s+\S/i.test(text)) continue;
    const name = cleanByline(text);
    if (name) {
      block.remove();
      return name;
    }
  }
  return null;
}
