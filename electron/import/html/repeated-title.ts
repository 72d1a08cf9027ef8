import { parseBody, type DomElement } from '../../common/node/html-dom.ts';
import { normalizeSpace } from '../../common/text.ts';

const WRAPPERS = /^(DIV|ARTICLE|SECTION|HEADER|MAIN|HGROUP)$/;
const HEADINGS = /^H[12]$/;

/**
 * Saved pages often open with their headline again; the reading view shows the title above
 * the body, so a first heading that repeats it is taken out rather than shown twice.
 */
export function withoutRepeatedTitle(html: string, title: string | null | undefined): string {
  const wanted = normalizeSpace(title ?? '').toLowerCase();
  if (!wanted) return html;
  const body = parseBody(html);
  if (
    !normalizeSpace(body.textContent ?? '')
      .toLowerCase()
      .startsWith(wanted)
  )
    return html;
  let first: DomElement | undefined = body.children[0];
  while (first && WRAPPERS.test(first.tagName.toUpperCase())) first = first.children[0];
  if (!first || !HEADINGS.test(first.tagName.toUpperCase())) return html;
  if (normalizeSpace(first.textContent ?? '').toLowerCase() !== wanted) return html;
  first.remove();
  return body.innerHTML;
}
