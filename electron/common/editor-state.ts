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
}

const TEXT_FORMAT = { bold: 1, italic: 2, strikethrough: 4, underline: 8, code: 16 } as const;
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const SAFE_LINK = /^(https?:|mailto:)/i;

export interface DerivedContent {
  html: string;
  text: string;
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
    default:
      return `<p>${inlineHtml(node)}</p>`;
  }
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
  if (node.type === 'list') {
    return childrenOf(node)
      .map((item) => childrenOf(item).map(blockText).join(''))
      .join('\n');
  }
  if (node.type === 'text') return typeof node.text === 'string' ? node.text : '';
  if (node.type === 'linebreak') return '\n';
  if (node.type === 'tab') return '\t';
  return childrenOf(node).map(blockText).join('');
}
