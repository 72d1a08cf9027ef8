import { readFigure, imageNode, type FigureParts } from '../editor-nodes/image.ts';
import { pullQuoteNode, type PullQuotePayload } from '../editor-nodes/pull-quote.ts';
import { isElement, parseBody, TEXT_NODE, type DomElement, type DomNode } from './html-dom.ts';

/**
 * The article's stored HTML (always the library's own safe subset) read back as blocks, for
 * formats that are not HTML. Only what Dateline writes is understood; anything else is read
 * for its text.
 */

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  code?: boolean;
  link?: string;
  lineBreak?: boolean;
}

export type Block =
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'heading'; level: 2 | 3 | 4; runs: Run[] }
  | { kind: 'quote'; runs: Run[] }
  | ({ kind: 'pullquote' } & PullQuotePayload)
  | { kind: 'list'; ordered: boolean; items: Run[][] }
  | ({ kind: 'image' } & FigureParts)
  | { kind: 'rule' }
  /** `header[i]`: row i is a header row (every cell a `th`). */
  | { kind: 'table'; rows: Run[][][]; header: boolean[] };

type Format = Omit<Run, 'text' | 'lineBreak'>;

const INLINE_FORMAT: Record<string, Format> = {
  STRONG: { bold: true },
  B: { bold: true },
  EM: { italic: true },
  I: { italic: true },
  U: { underline: true },
  S: { strike: true },
  DEL: { strike: true },
  STRIKE: { strike: true },
  CODE: { code: true },
};

export function htmlToBlocks(html: string): Block[] {
  return blocksOf(parseBody(html));
}

function blocksOf(parent: DomElement): Block[] {
  const blocks: Block[] = [];
  let loose: Run[] = [];
  const flush = () => {
    if (loose.some((run) => run.text.trim() !== '')) blocks.push({ kind: 'paragraph', runs: loose });
    loose = [];
  };
  for (const node of Array.from(parent.childNodes)) {
    const block = isElement(node) ? blockOf(node) : null;
    if (block === null) {
      loose.push(...runsOf(node, {}));
      continue;
    }
    flush();
    blocks.push(...block);
  }
  flush();
  return blocks;
}

/** The blocks an element makes, or null when it is inline content. */
function blockOf(element: DomElement): Block[] | null {
  switch (element.tagName) {
    case 'P':
      return [{ kind: 'paragraph', runs: runsOf(element, {}) }];
    case 'H1':
    case 'H2':
      return [{ kind: 'heading', level: 2, runs: runsOf(element, {}) }];
    case 'H3':
      return [{ kind: 'heading', level: 3, runs: runsOf(element, {}) }];
    case 'H4':
    case 'H5':
    case 'H6':
      return [{ kind: 'heading', level: 4, runs: runsOf(element, {}) }];
    case 'BLOCKQUOTE':
      return [{ kind: 'quote', runs: linesOf(element, {}) }];
    case 'ASIDE':
      return pullQuoteNode.matches(element) ? [{ kind: 'pullquote', ...pullQuoteNode.read(element, () => null)! }] : blocksOf(element);
    case 'UL':
    case 'OL':
      return [
        {
          kind: 'list',
          ordered: element.tagName === 'OL',
          items: Array.from(element.children)
            .filter((child) => child.tagName === 'LI')
            .map((item) => linesOf(item, {})),
        },
      ];
    case 'FIGURE':
    case 'IMG': {
      const figure = readFigure(element);
      return figure ? [{ kind: 'image', ...figure }] : blocksOf(element);
    }
    case 'HR':
      return [{ kind: 'rule' }];
    case 'TABLE': {
      const rows = Array.from(element.querySelectorAll('tr')).map((row) =>
        Array.from(row.children).filter((cell) => cell.tagName === 'TD' || cell.tagName === 'TH'),
      );
      return [
        {
          kind: 'table',
          rows: rows.map((cells) => cells.map((cell) => linesOf(cell, {}))),
          header: rows.map((cells) => cells.length > 0 && cells.every((cell) => cell.tagName === 'TH')),
        },
      ];
    }
    case 'DIV':
    case 'SECTION':
    case 'ARTICLE':
    case 'MAIN':
    case 'HEADER':
    case 'FOOTER':
      return blocksOf(element);
    default:
      return null;
  }
}

const LINE_BLOCKS = /^(P|DIV|H[1-6]|LI|UL|OL|BLOCKQUOTE|FIGURE|FIGCAPTION|PRE|SECTION|FOOTER|HEADER|CITE)$/;
/** Blocks whose content is a line of prose, where a <cite> runs on with the words around it. */
const PROSE = /^(P|H[1-6]|LI|FIGCAPTION|DD|DT|TD|TH)$/;

/**
 * The runs of a block that holds blocks of its own (a quote of two paragraphs, the second its
 * speaker's name; a list item or a table cell with paragraphs): each inner block on a line of
 * its own, not run into the one before it.
 */
function linesOf(element: DomElement, format: Format): Run[] {
  const runs: Run[] = [];
  let lineEnded = false;
  for (const child of Array.from(element.childNodes)) {
    // A <cite> of its own is a pull quote's attribution line; inside a sentence it is a title or name.
    const ownLine = isElement(child) && LINE_BLOCKS.test(child.tagName) && !(child.tagName === 'CITE' && PROSE.test(element.tagName));
    const childRuns = ownLine ? linesOf(child, { ...format, ...INLINE_FORMAT[child.tagName] }) : runsOf(child, format);
    if (!childRuns.some((run) => run.text.trim() !== '' || run.lineBreak)) continue;
    if ((ownLine || lineEnded) && runs.some((run) => run.text.trim() !== '')) runs.push({ text: '', lineBreak: true });
    runs.push(...childRuns);
    lineEnded = ownLine;
  }
  return runs;
}

function runsOf(node: DomNode, format: Format): Run[] {
  if (node.nodeType === TEXT_NODE) {
    const text = (node.textContent ?? '').replace(/\s+/g, ' ');
    return text ? [{ text, ...format }] : [];
  }
  if (!isElement(node)) return [];
  const element = node;
  if (element.tagName === 'BR') return [{ text: '', lineBreak: true }];
  // Code and templates are never the story's words (unsanitized HTML: a feed's description).
  if (NOT_TEXT.has(element.tagName)) return [];
  // A picture that was not kept: its description is for the placeholder on screen, not a
  // part of the story's text, search index or word count.
  if (element.classList.contains('missing-image')) return [];
  const inner: Format = { ...format, ...INLINE_FORMAT[element.tagName] };
  if (element.tagName === 'A') {
    const href = element.getAttribute('href') ?? '';
    if (/^(https?:|mailto:)/i.test(href)) inner.link = href;
  }
  return Array.from(element.childNodes).flatMap((child) => runsOf(child, inner));
}

const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE']);

export function plainText(runs: Run[]): string {
  return runs.map((run) => (run.lineBreak ? '\n' : run.text)).join('');
}

/**
 * The story as plain text for a person to read (the plain-text export): like `htmlToText`,
 * and with the pull quotes and the pictures' captions and credits, which the search text
 * leaves out.
 */
export function htmlToReadableText(html: string): string {
  return htmlToBlocks(html)
    .flatMap((block) => {
      switch (block.kind) {
        case 'list':
          return [block.items.map((item, index) => `${block.ordered ? `${index + 1}.` : '-'} ${plainText(item)}`).join('\n')];
        case 'table':
          // Cells apart by a bar: the tabs between them fold into spaces with the rest.
          return [block.rows.map((row) => row.map(plainText).join(' | ')).join('\n')];
        case 'image':
          return [imageNode.readableText({ ...block, mediaId: 0 })];
        case 'rule':
          return ['* * *'];
        case 'pullquote':
          return [pullQuoteNode.readableText(block)];
        default:
          return [plainText(block.runs)];
      }
    })
    .map((text) => text.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/** The readable text of article HTML: one paragraph per block, list items on their own lines. */
export function htmlToText(html: string): string {
  return htmlToBlocks(html)
    .flatMap((block) => {
      switch (block.kind) {
        case 'list':
          return [block.items.map(plainText).join('\n')];
        case 'table':
          return [block.rows.map((row) => row.map(plainText).join('\t')).join('\n')];
        case 'image':
        case 'rule':
          return [];
        case 'pullquote':
          return [];
        default:
          return [plainText(block.runs)];
      }
    })
    .map((text) => text.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}
