/**
 * What Word, Google Docs and web pages put on the clipboard, reduced to structure: headings,
 * paragraphs, lists, links, quotes, tables and emphasis stay; fonts, colours, classes and
 * inline styles go. Runs on the browser's own DOM.
 */
import { EDITOR_NODES } from '../../../../electron/common/editor-nodes/index.ts';
import { readOwn } from '../nodes/dom-forms.ts';
import { isAllowedLink } from './links.ts';

export interface CleanPaste {
  body: HTMLElement;
  /** data: images found in the paste, to be stored in the library. */
  images: { src: string; alt: string }[];
  /** Images that point at the web; the editor cannot fetch them. */
  remoteImages: number;
}

const DROP =
  'script, style, meta, link, title, head, template, iframe, object, embed, svg, math, form, input, button, select, textarea, o\\:p, xml';
const KEEP_ATTRIBUTES: Record<string, string[]> = { A: ['href'], TD: ['colspan', 'rowspan'], TH: ['colspan', 'rowspan'], OL: ['start'] };
// prettier-ignore
const UNWRAP = new Set([
  'SPAN', 'FONT', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'NAV', 'ASIDE', 'CENTER',
  'SMALL', 'BIG', 'LABEL', 'O:P',
]);

/**
 * The app's Content Security Policy makes Chromium ignore style attributes even in parsed,
 * inert documents, so styles are carried as a data attribute and read as text.
 */
const STYLE = 'data-paste-style';

function declarations(element: Element): Map<string, string> {
  const result = new Map<string, string>();
  for (const declaration of (element.getAttribute(STYLE) ?? '').split(';')) {
    const colon = declaration.indexOf(':');
    if (colon > 0)
      result.set(
        declaration.slice(0, colon).trim().toLowerCase(),
        declaration
          .slice(colon + 1)
          .trim()
          .toLowerCase(),
      );
  }
  return result;
}

export function cleanPastedHtml(html: string): CleanPaste {
  const doc = new DOMParser().parseFromString(html.replace(/(<[a-z][^>]*?\s)style\s*=/gi, `$1${STYLE}=`), 'text/html');
  const body = doc.body;
  const own = setAsideOwnNodes(body);
  body.querySelectorAll(DROP).forEach((element) => element.remove());
  removeComments(body);
  unwrapGoogleDocsWrapper(body);
  convertWordLists(body);
  convertWordQuotes(body);
  styleToSemantics(body);

  const images: CleanPaste['images'] = [];
  let remoteImages = 0;
  body.querySelectorAll('img').forEach((img) => {
    const src = img.getAttribute('src') ?? '';
    if (/^data:image\/(png|jpeg|gif|webp|avif);base64,/i.test(src)) images.push({ src, alt: img.getAttribute('alt') ?? '' });
    else if (src) remoteImages += 1;
    img.remove();
  });

  for (const element of Array.from(body.querySelectorAll('*'))) {
    const keep = KEEP_ATTRIBUTES[element.tagName] ?? [];
    for (const attribute of Array.from(element.attributes)) {
      if (!keep.includes(attribute.name)) element.removeAttribute(attribute.name);
    }
  }
  // A link to anything but a web page or an address (javascript:, file:, a page-relative path)
  // is its words alone: an <a> without an address would become a link to nowhere.
  body.querySelectorAll('a').forEach((link) => {
    if (!isAllowedLink(link.getAttribute('href') ?? '')) link.replaceWith(...Array.from(link.childNodes));
  });
  for (const element of Array.from(body.querySelectorAll('*')).reverse()) {
    if (UNWRAP.has(element.tagName)) element.replaceWith(...Array.from(element.childNodes));
  }
  // Google Docs puts a paragraph inside every list item.
  body.querySelectorAll('li > p').forEach((p) => p.replaceWith(...Array.from(p.childNodes)));
  body.querySelectorAll('p').forEach((p) => {
    if (!p.textContent?.replace(/\u00a0/g, ' ').trim() && !p.querySelector(`br, ${OWN_PLACEHOLDER}`)) p.remove();
  });
  own.restore();
  return { body, images, remoteImages };
}

const OWN_PLACEHOLDER = 'dateline-own-node';

/**
 * A copy from a draft carries the editor's own nodes in the library's HTML (a picture from
 * the library with its caption and credit, a pull quote with its attribution). They are kept
 * out of the clean-up, which would take their pictures and classes, and put back as their
 * definition writes them, so the paste makes the same nodes again.
 */
function setAsideOwnNodes(body: HTMLElement): { restore(): void } {
  const kept: string[] = [];
  const tags = EDITOR_NODES.flatMap((definition) => definition.tags).join(', ');
  for (const element of Array.from(body.querySelectorAll(tags))) {
    if (!element.isConnected) continue;
    for (const definition of EDITOR_NODES) {
      const payload = readOwn(definition, element);
      if (payload === null) continue;
      kept.push(definition.html(payload));
      element.replaceWith(element.ownerDocument.createElement(OWN_PLACEHOLDER));
      break;
    }
  }
  return {
    restore: () =>
      body.querySelectorAll(OWN_PLACEHOLDER).forEach((placeholder, index) => {
        const template = placeholder.ownerDocument.createElement('template');
        template.innerHTML = kept[index] ?? '';
        placeholder.replaceWith(template.content);
      }),
  };
}

function removeComments(root: Node): void {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  comments.forEach((comment) => comment.parentNode?.removeChild(comment));
}

/** Google Docs wraps a whole paste in <b style="font-weight:normal" id="docs-internal-guid-…">. */
function unwrapGoogleDocsWrapper(body: HTMLElement): void {
  body.querySelectorAll('b[id^="docs-internal-guid"]').forEach((wrapper) => wrapper.replaceWith(...Array.from(wrapper.childNodes)));
}

/** Inline styles that mean emphasis (Google Docs, web pages) become the elements for it. */
function styleToSemantics(body: HTMLElement): void {
  body.querySelectorAll<HTMLElement>(`[${STYLE}]`).forEach((element) => {
    const style = declarations(element);
    const weight = style.get('font-weight') ?? '';
    const decoration = `${style.get('text-decoration') ?? ''} ${style.get('text-decoration-line') ?? ''}`;
    const wrappers: string[] = [];
    if (/^(bold|bolder|[6-9]00)$/.test(weight)) wrappers.push('strong');
    if (style.get('font-style') === 'italic') wrappers.push('em');
    // Links are underlined by their look alone, which is not emphasis.
    if (decoration.includes('underline') && element.closest('a') === null) wrappers.push('u');
    if (decoration.includes('line-through')) wrappers.push('s');
    if (wrappers.length === 0 || element.tagName === 'P' || /^H[1-6]$/.test(element.tagName) || element.tagName === 'LI') return;
    let inner: Node[] = Array.from(element.childNodes);
    for (const tag of wrappers) {
      const wrapper = element.ownerDocument.createElement(tag);
      wrapper.append(...inner);
      inner = [wrapper];
    }
    element.replaceChildren(...inner);
  });
  // Bold marked "normal weight" (Google Docs does this) is not bold.
  body.querySelectorAll<HTMLElement>('b, strong').forEach((element) => {
    if (/^(normal|[1-4]00)$/.test(declarations(element).get('font-weight') ?? '')) element.replaceWith(...Array.from(element.childNodes));
  });
}

/** Word's Quote and Intense Quote paragraph styles are block quotes. */
function convertWordQuotes(body: HTMLElement): void {
  body.querySelectorAll('p.MsoQuote, p.MsoIntenseQuote').forEach((paragraph) => {
    const quote = paragraph.ownerDocument.createElement('blockquote');
    quote.append(...Array.from(paragraph.childNodes));
    paragraph.replaceWith(quote);
  });
}

/**
 * Word writes list items as paragraphs with `mso-list` in their style and the bullet or
 * number as text in a span marked `mso-list:Ignore`. Consecutive ones become a real list.
 */
function convertWordLists(body: HTMLElement): void {
  const paragraphs = Array.from(body.querySelectorAll<HTMLElement>('p')).filter((p) => declarations(p).has('mso-list'));
  let list: HTMLElement | null = null;
  for (const paragraph of paragraphs) {
    const marker = Array.from(paragraph.querySelectorAll('span')).find((span) => declarations(span).get('mso-list') === 'ignore');
    const markerText = (marker?.textContent ?? '').trim();
    marker?.remove();
    const ordered = /^[0-9a-z]{1,3}[.)]$/i.test(markerText);
    const previous = paragraph.previousElementSibling;
    if (!list || previous !== list || (list.tagName === 'OL') !== ordered) {
      list = paragraph.ownerDocument.createElement(ordered ? 'ol' : 'ul');
      paragraph.before(list);
    }
    const item = paragraph.ownerDocument.createElement('li');
    item.append(...Array.from(paragraph.childNodes));
    list.append(item);
    paragraph.remove();
  }
}
