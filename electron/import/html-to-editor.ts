import { editorStateJson, headingNode, linkNode, listNode, paragraphNode, quoteNode, textNode } from '../common/editor-state.ts';
import { editorNodeMatching } from '../common/editor-nodes/index.ts';
import { imageNode } from '../common/editor-nodes/image.ts';
import type { EditorNodeDefinition } from '../common/editor-nodes/types.ts';
import { isElement, parseBody, TEXT_NODE, type DomElement, type DomNode } from '../common/node/html-dom.ts';

/**
 * Turns HTML (from a Word document or Markdown) into a draft's Lexical editor state: the
 * structure survives (headings, paragraphs, quotes, lists, links, images, rules, tables),
 * fonts, colours and styles do not. Images are handed to `storeImage`, which keeps them in
 * the library and returns their media id.
 */
export interface HtmlDraft {
  editorState: string;
  /** The first top-level heading, taken out to be the headline. */
  title: string | null;
}

type Serialized = Record<string, unknown>;

const FORMAT: Record<string, number> = { STRONG: 1, B: 1, EM: 2, I: 2, S: 4, DEL: 4, STRIKE: 4, U: 8, CODE: 16 };

export function htmlToDraft(html: string, storeImage: (src: string) => number | null): HtmlDraft {
  const body = parseBody(html);
  let title: string | null = null;
  const blocks: Serialized[] = [];

  const visitBlock = (element: DomElement): void => {
    const tag = element.tagName;
    const own = editorNodeMatching(element);
    if (own) {
      pushOwn(own, element);
      return;
    }
    if (tag === 'H1' && title === null) {
      title = (element.textContent ?? '').trim();
      return;
    }
    if (/^H[1-6]$/.test(tag)) {
      const level = Math.min(4, Math.max(2, Number(tag[1])));
      blocks.push(headingNode(`h${level}` as 'h2' | 'h3' | 'h4', inline(element, 0)));
    } else if (tag === 'P') {
      const images = Array.from(element.querySelectorAll('img'));
      const children = inline(element, 0);
      if (children.length) blocks.push(paragraphNode(children));
      images.forEach((img) => pushOwn(imageNode, img));
    } else if (tag === 'BLOCKQUOTE') {
      blocks.push(quoteNode(inline(element, 0)));
    } else if (tag === 'UL' || tag === 'OL') {
      const items = Array.from(element.children).filter((child) => child.tagName === 'LI');
      blocks.push(
        listNode(
          tag === 'OL' ? 'number' : 'bullet',
          items.map((item) => inline(item, 0)),
        ),
      );
    } else if (tag === 'HR') {
      blocks.push({ type: 'horizontalrule', version: 1 });
    } else if (tag === 'TABLE') {
      blocks.push(table(element));
    } else if (tag === 'PRE') {
      blocks.push(paragraphNode([textNode(element.textContent ?? '', FORMAT.CODE)]));
    } else {
      walk(element);
    }
  };

  /** One of the editor's own nodes (an image, a pull quote) from its HTML form. */
  const pushOwn = (definition: EditorNodeDefinition<unknown>, element: DomElement) => {
    const payload = definition.read(element, storeImage);
    if (payload !== null) blocks.push({ type: definition.type, version: definition.version, ...(payload as object) });
  };

  const walk = (parent: DomElement) => {
    let loose: Serialized[] = [];
    const flush = () => {
      if (loose.some((node) => node.type !== 'text' || String(node.text).trim() !== '')) blocks.push(paragraphNode(loose));
      loose = [];
    };
    for (const node of Array.from(parent.childNodes)) {
      if (isElement(node) && isBlock(node)) {
        flush();
        visitBlock(node);
      } else {
        loose.push(...inlineNode(node, 0));
      }
    }
    flush();
  };

  walk(body);
  return { editorState: editorStateJson(blocks), title };
}

// prettier-ignore
const BLOCK_TAGS = new Set([
  'P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'UL', 'OL', 'HR', 'FIGURE', 'TABLE', 'PRE',
  'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'IMG',
]);

function isBlock(element: DomElement): boolean {
  return BLOCK_TAGS.has(element.tagName);
}

function inline(element: DomElement, format: number): Serialized[] {
  return mergeText(Array.from(element.childNodes).flatMap((child) => inlineNode(child, format)));
}

function inlineNode(node: DomNode, format: number): Serialized[] {
  if (node.nodeType === TEXT_NODE) {
    const text = (node.textContent ?? '').replace(/\s+/g, ' ');
    return text ? [textNode(text, format)] : [];
  }
  if (!isElement(node)) return [];
  if (node.tagName === 'BR') return [{ type: 'linebreak', version: 1 }];
  if (node.tagName === 'IMG' || node.tagName === 'UL' || node.tagName === 'OL') return [];
  const inner = format | (FORMAT[node.tagName] ?? 0);
  if (node.tagName === 'A') {
    const href = node.getAttribute('href') ?? '';
    const children = inline(node, inner);
    return /^(https?:|mailto:)/i.test(href) && children.length ? [linkNode(href, children)] : children;
  }
  return Array.from(node.childNodes).flatMap((child) => inlineNode(child, inner));
}

/** Neighbouring text runs with the same formatting become one, as Lexical would keep them. */
function mergeText(nodes: Serialized[]): Serialized[] {
  const merged: Serialized[] = [];
  for (const node of nodes) {
    const last = merged.at(-1);
    if (last && last.type === 'text' && node.type === 'text' && last.format === node.format) {
      merged[merged.length - 1] = { ...last, text: `${String(last.text)}${String(node.text)}` };
    } else {
      merged.push(node);
    }
  }
  const first = merged[0];
  if (first?.type === 'text') merged[0] = { ...first, text: String(first.text).trimStart() };
  const end = merged.at(-1);
  if (end?.type === 'text') merged[merged.length - 1] = { ...end, text: String(end.text).trimEnd() };
  return merged.filter((node) => node.type !== 'text' || node.text !== '');
}

function table(element: DomElement): Serialized {
  const rows = Array.from(element.querySelectorAll('tr')).map((row) => ({
    type: 'tablerow',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    children: Array.from(row.children)
      .filter((cell) => cell.tagName === 'TD' || cell.tagName === 'TH')
      .map((cell) => ({
        type: 'tablecell',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        headerState: cell.tagName === 'TH' ? 1 : 0,
        colSpan: 1,
        rowSpan: 1,
        children: [paragraphNode(inline(cell, 0))],
      })),
  }));
  return { type: 'table', version: 1, direction: null, format: '', indent: 0, children: rows };
}
