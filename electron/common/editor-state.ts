import { editorNodeOf } from './editor-nodes/index.ts';
import { escapeHtml } from './text.ts';

/**
 * Derives the HTML and plain text of a draft from its serialized Lexical editor state.
 * The editor state is the draft's source of truth; HTML and text are rebuilt from it on
 * the Node side so the library never stores markup a renderer sent. Only a fixed set of
 * elements is produced and every string is escaped, so the output is safe by construction.
 */

interface SerializedNode {
  type?: unknown;
  children?: unknown;
  text?: unknown;
  format?: unknown;
  tag?: unknown;
  listType?: unknown;
  url?: unknown;
  headerState?: unknown;
}

const TEXT_FORMAT = { bold: 1, italic: 2, strikethrough: 4, underline: 8, code: 16 } as const;
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const SAFE_LINK = /^(https?:|mailto:)/i;

export interface DerivedContent {
  html: string;
  text: string;
}

/**
 * How deeply the editor may nest nodes (lists in lists, quotes in lists): far beyond any
 * story, and far below where the editor's recursive rendering gives out (a state 2,000
 * levels deep blanked the window). The contract refuses deeper states before they are stored.
 */
export const MAX_EDITOR_NESTING = 64;

/** Each node level is an object and its children array; the root adds two more. */
const MAX_JSON_DEPTH = MAX_EDITOR_NESTING * 2 + 4;

/** Whether a serialized editor state nests no deeper than the editor can open (a scan, no parse). */
export function withinEditorNesting(json: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) return false;
    } else if (code === 0x7d || code === 0x5d) depth--;
  }
  return true;
}

export function parseEditorState(json: string): SerializedNode {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new TypeError('The editor state is not valid JSON.');
  }
  const root = (parsed as { root?: unknown } | null)?.root;
  if (!isNode(root) || root.type !== 'root' || !Array.isArray(root.children)) {
    throw new TypeError('The editor state has no root node.');
  }
  return root;
}

export function deriveContent(editorStateJson: string): DerivedContent {
  const root = parseEditorState(editorStateJson);
  const blocks = childrenOf(root);
  return {
    html: blocks.map(blockHtml).join(''),
    text: blocks
      .map(blockText)
      .filter((t) => t.trim() !== '')
      .join('\n\n'),
  };
}

function isNode(value: unknown): value is SerializedNode {
  return typeof value === 'object' && value !== null;
}

function childrenOf(node: SerializedNode): SerializedNode[] {
  return Array.isArray(node.children) ? node.children.filter(isNode) : [];
}

function blockHtml(node: SerializedNode): string {
  const own = editorNodeOf(node.type);
  if (own) return own.html(own.payload.parse(node));
  switch (node.type) {
    case 'heading': {
      const tag = typeof node.tag === 'string' && HEADING_TAGS.has(node.tag) ? node.tag : 'h2';
      return `<${tag}>${inlineHtml(node)}</${tag}>`;
    }
    case 'quote':
      return `<blockquote>${inlineHtml(node)}</blockquote>`;
    case 'list': {
      const tag = node.listType === 'number' ? 'ol' : 'ul';
      return `<${tag}>${childrenOf(node).map(listItemHtml).join('')}</${tag}>`;
    }
    case 'horizontalrule':
      return '<hr>';
    case 'table':
      return `<table><tbody>${childrenOf(node)
        .map((row) => `<tr>${childrenOf(row).map(tableCellHtml).join('')}</tr>`)
        .join('')}</tbody></table>`;
    default:
      return `<p>${inlineHtml(node)}</p>`;
  }
}

function tableCellHtml(cell: SerializedNode): string {
  // Lexical marks header cells with a non-zero headerState.
  const tag = typeof cell.headerState === 'number' && cell.headerState > 0 ? 'th' : 'td';
  return `<${tag}>${childrenOf(cell).map(inlineHtml).join('<br>')}</${tag}>`;
}

function listItemHtml(item: SerializedNode): string {
  const inner = childrenOf(item)
    .map((child) => (child.type === 'list' ? blockHtml(child) : inlineNodeHtml(child)))
    .join('');
  return `<li>${inner}</li>`;
}

function inlineHtml(node: SerializedNode): string {
  return childrenOf(node).map(inlineNodeHtml).join('');
}

function inlineNodeHtml(node: SerializedNode): string {
  switch (node.type) {
    case 'text':
      return formattedText(node);
    case 'linebreak':
      return '<br>';
    case 'tab':
      return '\t';
    case 'link':
    case 'autolink': {
      const url = typeof node.url === 'string' ? node.url.trim() : '';
      const inner = inlineHtml(node);
      return SAFE_LINK.test(url) ? `<a href="${escapeHtml(url)}">${inner}</a>` : inner;
    }
    default:
      return inlineHtml(node);
  }
}

function formattedText(node: SerializedNode): string {
  let html = escapeHtml(typeof node.text === 'string' ? node.text : '');
  const format = typeof node.format === 'number' ? node.format : 0;
  if (format & TEXT_FORMAT.code) html = `<code>${html}</code>`;
  if (format & TEXT_FORMAT.bold) html = `<strong>${html}</strong>`;
  if (format & TEXT_FORMAT.italic) html = `<em>${html}</em>`;
  if (format & TEXT_FORMAT.underline) html = `<u>${html}</u>`;
  if (format & TEXT_FORMAT.strikethrough) html = `<s>${html}</s>`;
  return html;
}

function blockText(node: SerializedNode): string {
  const own = editorNodeOf(node.type);
  if (own) return own.bodyText(own.payload.parse(node));
  if (node.type === 'horizontalrule') return '';
  if (node.type === 'table') {
    return childrenOf(node)
      .map((row) =>
        childrenOf(row)
          .map((cell) => childrenOf(cell).map(blockText).join(' '))
          .join('\t'),
      )
      .join('\n');
  }
  if (node.type === 'list') {
    return childrenOf(node)
      .map((item) =>
        childrenOf(item)
          .map((child) => (child.type === 'list' ? `\n${blockText(child)}` : blockText(child)))
          .join(''),
      )
      .join('\n');
  }
  if (node.type === 'text') return typeof node.text === 'string' ? node.text : '';
  if (node.type === 'linebreak') return '\n';
  if (node.type === 'tab') return '\t';
  return childrenOf(node).map(blockText).join('');
}

/*
 * Builders for serialized Lexical nodes, for drafts the Node side creates ("start a draft from
 * this article", imports). Every field Lexical writes itself is present.
 */
type Serialized = Record<string, unknown>;
const element = (type: string, children: Serialized[], extra: Serialized = {}): Serialized => ({
  type,
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  children,
  ...extra,
});

export const textNode = (text: string, format = 0): Serialized => ({
  type: 'text',
  version: 1,
  text,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
});
export const paragraphNode = (children: Serialized[]): Serialized => element('paragraph', children, { textFormat: 0, textStyle: '' });
export const headingNode = (tag: 'h2' | 'h3' | 'h4', children: Serialized[]): Serialized => element('heading', children, { tag });
export const quoteNode = (children: Serialized[]): Serialized => element('quote', children);
export const linkNode = (url: string, children: Serialized[]): Serialized =>
  element('link', children, { url, rel: 'noreferrer', target: null, title: null });
export const listNode = (listType: 'bullet' | 'number', items: Serialized[][]): Serialized =>
  element(
    'list',
    items.map((children, index) => element('listitem', children, { value: index + 1 })),
    { listType, start: 1, tag: listType === 'number' ? 'ol' : 'ul' },
  );

export function editorStateJson(blocks: Serialized[]): string {
  return JSON.stringify({ root: element('root', blocks) });
}
