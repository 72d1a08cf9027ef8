import type { HighlightAnchor } from '../../../../electron/common/model.ts';

/**
 * Anchoring highlights in the reading view's text, after the W3C Web Annotation "text quote"
 * and "text position" selectors: a highlight is its quote, some text on either side and its
 * offset. Offsets count characters of the article's text with runs of whitespace collapsed
 * to one space and a space between blocks, so re-sanitized or re-indented HTML reads the same.
 */

/** Characters of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;
/** Quotes found more often than this are placed by the first ones only. */
const MAX_CANDIDATES = 1000;

// prettier-ignore
const BLOCKS = new Set([
  'P', 'DIV', 'LI', 'BLOCKQUOTE', 'FIGCAPTION', 'FIGURE', 'PRE', 'TD', 'TH', 'DT', 'DD', 'H1', 'H2',
  'H3', 'H4', 'H5', 'H6', 'SECTION', 'ARTICLE', 'ASIDE', 'HEADER', 'FOOTER', 'TR', 'UL', 'OL',
  'TABLE',
]);

/** The article's text as highlights count it, and where each of its characters is in the DOM. */
export interface TextIndex {
  text: string;
  nodes: Text[];
  /** For character i of `text`: the index in `nodes` of its text node, and its offset there. */
  nodeOf: Int32Array;
  offsetOf: Int32Array;
}

export function indexText(root: Node): TextIndex {
  const nodes: Text[] = [];
  const chars: string[] = [];
  const nodeOf: number[] = [];
  const offsetOf: number[] = [];
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let lastWasSpace = true;
  let lastBlock: Element | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const index = nodes.push(node) - 1;
    const block = blockOf(node, root);
    // Two blocks never run together, whatever whitespace the HTML had between them.
    if (block !== lastBlock && !lastWasSpace) {
      chars.push(' ');
      nodeOf.push(index);
      offsetOf.push(0);
      lastWasSpace = true;
    }
    lastBlock = block;
    const data = node.data;
    for (let offset = 0; offset < data.length; offset++) {
      const space = /\s/.test(data[offset]!);
      if (space && lastWasSpace) continue;
      chars.push(space ? ' ' : data[offset]!);
      nodeOf.push(index);
      offsetOf.push(offset);
      lastWasSpace = space;
    }
  }
  return { text: chars.join(''), nodes, nodeOf: Int32Array.from(nodeOf), offsetOf: Int32Array.from(offsetOf) };
}

function blockOf(node: Node, root: Node): Element | null {
  for (let parent = node.parentElement; parent && parent !== root; parent = parent.parentElement) {
    if (BLOCKS.has(parent.tagName)) return parent;
  }
  return null;
}

/** Collapses whitespace the way `indexText` does, for quotes that came from elsewhere. */
export function normalizeQuote(quote: string): string {
  return quote.replace(/\s+/g, ' ').trim();
}

/** The anchor of a selected range within the indexed text, or null if it selects no text. */
export function describeRange(index: TextIndex, range: Range): HighlightAnchor | null {
  let start = -1;
  let end = -1;
  let lastNode = -1;
  let inside = false;
  for (let i = 0; i < index.text.length; i++) {
    const nodeIndex = index.nodeOf[i]!;
    const node = index.nodes[nodeIndex]!;
    if (nodeIndex !== lastNode) {
      lastNode = nodeIndex;
      inside = range.intersectsNode(node);
    }
    if (!inside) continue;
    const offset = index.offsetOf[i]!;
    if (node === range.startContainer && offset < range.startOffset) continue;
    if (node === range.endContainer && offset >= range.endOffset) continue;
    if (start < 0) start = i;
    end = i + 1;
  }
  if (start < 0) return null;
  while (start < end && index.text[start] === ' ') start++;
  while (end > start && index.text[end - 1] === ' ') end--;
  if (start === end) return null;
  return {
    quote: index.text.slice(start, end),
    prefix: index.text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: index.text.slice(end, end + CONTEXT_LENGTH),
    position: start,
  };
}

/** Where an anchor sits in the text now: [start, end) offsets, or null if it cannot be placed. */
export function locate(
  index: TextIndex,
  anchor: Pick<HighlightAnchor, 'quote' | 'prefix' | 'suffix' | 'position'>,
): [number, number] | null {
  const quote = normalizeQuote(anchor.quote);
  if (!quote) return null;
  const prefix = anchor.prefix.replace(/\s+/g, ' ');
  const suffix = anchor.suffix.replace(/\s+/g, ' ');
  const exact = bestOccurrence(index.text, quote, prefix, suffix, anchor.position);
  if (exact !== null) return [exact, exact + quote.length];
  return betweenContext(index.text, quote.length, prefix, suffix);
}

/** Of all places the quote appears, the one whose surroundings and offset agree best. */
function bestOccurrence(text: string, quote: string, prefix: string, suffix: string, position: number | null): number | null {
  let best: number | null = null;
  let bestScore = -Infinity;
  for (let at = text.indexOf(quote), seen = 0; at >= 0 && seen < MAX_CANDIDATES; at = text.indexOf(quote, at + 1), seen++) {
    const context =
      sharedSuffix(text.slice(Math.max(0, at - prefix.length), at), prefix) +
      sharedPrefix(text.slice(at + quote.length, at + quote.length + suffix.length), suffix);
    // Context decides; the old offset only breaks ties (a fraction of one character).
    const score = context - (position === null ? 0 : Math.abs(at - position) / (text.length + 1));
    if (score > bestScore) {
      best = at;
      bestScore = score;
    }
  }
  return best;
}

/**
 * When the quote itself was edited: the text between its old surroundings, if both are still
 * there, close together, and what lies between is about as long as the quote was.
 */
function betweenContext(text: string, quoteLength: number, prefix: string, suffix: string): [number, number] | null {
  const needPrefix = prefix.trimStart();
  const needSuffix = suffix.trimEnd();
  if (needPrefix.length < 8 || needSuffix.length < 8) return null;
  for (let at = text.indexOf(needPrefix); at >= 0; at = text.indexOf(needPrefix, at + 1)) {
    const start = at + needPrefix.length;
    const end = text.indexOf(needSuffix, start);
    if (end < 0) return null;
    const length = end - start;
    if (length >= quoteLength * 0.5 && length <= quoteLength * 1.5 + 8) {
      const [from, to] = trimmed(text, start, end);
      return from < to ? [from, to] : null;
    }
  }
  return null;
}

function trimmed(text: string, start: number, end: number): [number, number] {
  while (start < end && text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  return [start, end];
}

function sharedSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function sharedPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** The DOM range of text offsets [start, end) found by `locate`. */
export function rangeOf(index: TextIndex, [start, end]: [number, number]): Range {
  const document = index.nodes[0]!.ownerDocument;
  const range = document.createRange();
  range.setStart(index.nodes[index.nodeOf[start]!]!, index.offsetOf[start]!);
  const last = index.nodes[index.nodeOf[end - 1]!]!;
  range.setEnd(last, index.offsetOf[end - 1]! + 1);
  return range;
}

/**
 * Wraps the text of `range` in <mark> elements (one per text node it crosses), made by
 * `make`. Only text nodes are split; elements are never moved, so the article's structure
 * stays as it was.
 */
export function wrapRange(range: Range, make: () => HTMLElement): HTMLElement[] {
  const root = range.commonAncestorContainer;
  const document = (root.ownerDocument ?? root) as Document;
  const texts: Text[] = [];
  if (root.nodeType === 3) texts.push(root as Text);
  else {
    const walker = document.createTreeWalker(root, 4);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (range.intersectsNode(node)) texts.push(node as Text);
  }
  const marks: HTMLElement[] = [];
  for (const text of texts) {
    let from = text === range.startContainer ? range.startOffset : 0;
    let to = text === range.endContainer ? range.endOffset : text.length;
    if (from >= to || !text.data.slice(from, to).trim()) continue;
    let target = text;
    if (from > 0) {
      target = target.splitText(from);
      to -= from;
      from = 0;
    }
    if (to < target.length) target.splitText(to);
    const mark = make();
    target.replaceWith(mark);
    mark.append(target);
    marks.push(mark);
  }
  return marks;
}

/** Takes out every mark `selector` finds, leaving their text where it was. */
export function unwrapAll(root: HTMLElement, selector: string): void {
  const marks = Array.from(root.querySelectorAll(selector));
  for (const mark of marks) mark.replaceWith(...Array.from(mark.childNodes));
  if (marks.length) root.normalize();
}
