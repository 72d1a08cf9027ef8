import { DOMParser, parseHTML } from 'linkedom';
import { normalizeSpace } from '../text.ts';

/**
 * The few DOM features the Node side reads HTML with (linkedom), typed here so the Node
 * code keeps no browser globals in scope.
 */
export interface DomNode {
  readonly nodeType: number;
  textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  readonly children: ArrayLike<DomElement>;
  readonly classList: { contains(name: string): boolean };
  readonly parentElement: DomElement | null;
  readonly nextElementSibling: DomElement | null;
  readonly id: string;
  readonly className: string;
  readonly ownerDocument: DomDocument;
  innerHTML: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
  remove(): void;
  replaceWith(...nodes: (DomNode | string)[]): void;
}

export interface DomDocument {
  readonly documentElement: DomElement;
  readonly head: DomElement;
  readonly body: DomElement;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  createElement(tag: string): DomElement;
}

/** A whole page parsed for reading (linkedom: fast, no scripts, no network). */
export function parseDocument(html: string): DomDocument {
  return parseHTML(withBody(html)).document as unknown as DomDocument;
}

/** An XML document (a feed): element names kept as written, prefixes included ("dc:creator"). */
export function parseXml(xml: string): DomDocument {
  return new DOMParser().parseFromString(xml, 'text/xml') as unknown as DomDocument;
}

/**
 * An attribute of an element parsed by `parseXml`, as the document means it. linkedom keeps
 * XML attribute values with &, < and > escaped again ("a&amp;b=2" for the href "a&b=2"), so
 * a feed's links with a query string, and titles with an ampersand, would come out wrong.
 */
export function xmlAttribute(element: DomElement, name: string): string | null {
  const raw = element.getAttribute(name);
  return raw === null ? null : raw.replace(/&(amp|lt|gt);/g, (_, entity: string) => XML_ESCAPED[entity]!);
}

const XML_ESCAPED: Record<string, string> = { amp: '&', lt: '<', gt: '>' };

/** What may open a document before its content: the doctype, comments, the head's elements. */
const HEAD_PART =
  /^(?:\s+|<!doctype[^>]*>|<!--[\s\S]*?-->|<\/?html\b[^>]*>|<\/?head\b[^>]*>|<title\b[^>]*>[\s\S]*?<\/title>|<(?:meta|link|base)\b[^>]*>|<(style|script|noscript|template)\b[^>]*>[\s\S]*?<\/\1>)*/i;

/**
 * HTML may leave out its <html>, <head> and <body> tags (the parser of a browser puts them
 * in), but linkedom then keeps only the head and drops the story. A page without a <body>
 * tag gets one, after whatever belongs in its head.
 */
function withBody(html: string): string {
  if (/<body[\s>]/i.test(html.slice(0, 200_000)) || !/<\w/.test(html)) return html;
  const head = HEAD_PART.exec(html)?.[0] ?? '';
  const headElements = head.replace(/<!doctype[^>]*>|<\/?html\b[^>]*>|<\/?head\b[^>]*>/gi, '');
  const body = html.slice(head.length).replace(/<\/html\s*>\s*$/i, '');
  return `<!doctype html><html><head>${headElements}</head><body>${body}</body></html>`;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/**
 * An element's text with its parts kept apart: templates put a name and a role in two spans
 * with nothing between them ("By Ana Ruiz" "Political Correspondent"), or a byline and its
 * date in two blocks ("By Ana Ruiz" "March 3, 2026").
 */
export function spacedText(element: DomElement): string {
  const parts: string[] = [];
  const walk = (node: DomNode) => {
    if (node.nodeType === TEXT_NODE) parts.push(node.textContent ?? '');
    else for (const child of Array.from(node.childNodes)) walk(child);
    if (node.nodeType !== TEXT_NODE) parts.push(' ');
  };
  walk(element);
  return normalizeSpace(parts.join('')).replace(/\s+([,.;:!?])/g, '$1');
}

/** The <body> of `html` parsed as a document fragment would be. */
export function parseBody(html: string): DomElement {
  // No closing tags after it: an unclosed <script> or <textarea> in a fragment would take them as its text.
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}`);
  return document.body as unknown as DomElement;
}

/** How many elements deep the tree under `root` goes (walked without recursion). */
export function treeDepth(root: DomElement): number {
  let deepest = 0;
  const stack: [DomElement, number][] = [[root, 0]];
  while (stack.length) {
    const [element, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    for (const child of Array.from(element.children)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * Real pages nest a few dozen elements deep; markup built hundreds deep is an attack on the
 * parser's time (Readability slows quadratically), refused before it is read.
 */
export const MAX_TREE_DEPTH = 256;

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}
