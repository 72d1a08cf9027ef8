import { DOCX_STYLE_MAP } from '../common/docx-styles.ts';
import mammoth from 'mammoth';
import { marked } from 'marked';
import { DatelineError } from '../common/errors.ts';
import { checkZipBudget } from './archive/zip.ts';
import { decodeText } from './decode.ts';
import { extensionOf } from './types.ts';

/** Front matter a Markdown file may start with: plain `key: value` lines between `---`. */
export type FrontMatter = Record<string, string>;

/**
 * Longer than this, a paragraph is more than marked's regular expressions can take in one go
 * (a paragraph of 10 MB overflowed their stack); no paragraph a person wrote comes near it.
 */
const MAX_PARAGRAPH_CHARS = 100_000;

/**
 * Markdown with each paragraph longer than `MAX_PARAGRAPH_CHARS` cut into paragraphs of at
 * most that, at spaces; code fences are left whole. Returns how many paragraphs were cut.
 */
function withReadableParagraphs(markdown: string): { markdown: string; cut: number } {
  if (markdown.length <= MAX_PARAGRAPH_CHARS) return { markdown, cut: 0 };
  let cut = 0;
  const blocks = markdown.split(/(\n[ \t]*\n)/).map((block) => {
    if (block.length <= MAX_PARAGRAPH_CHARS || /^\s*(```|~~~)/m.test(block)) return block;
    cut += 1;
    const pieces: string[] = [];
    let rest = block;
    while (rest.length > MAX_PARAGRAPH_CHARS) {
      const space = rest.lastIndexOf(' ', MAX_PARAGRAPH_CHARS);
      const at = space > MAX_PARAGRAPH_CHARS / 2 ? space : MAX_PARAGRAPH_CHARS;
      pieces.push(rest.slice(0, at));
      rest = rest.slice(at).trimStart();
    }
    return [...pieces, rest].join('\n\n');
  });
  return { markdown: blocks.join(''), cut };
}

/** Markdown (GitHub flavour) with optional YAML front matter, as HTML; `paragraphsCut` counts the paragraphs too long to read whole. */
export function markdownToHtml(text: string): { html: string; frontMatter: FrontMatter; paragraphsCut: number } {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  const frontMatter: FrontMatter = {};
  for (const line of match?.[1]?.split(/\r?\n/) ?? []) {
    const pair = /^([\w-]+):\s*(.*)$/.exec(line);
    if (pair) frontMatter[pair[1]!.toLowerCase()] = pair[2]!.replace(/^["']|["']$/g, '').trim();
  }
  const { markdown, cut } = withReadableParagraphs(match ? text.slice(match[0].length) : text);
  const html = marked.parse(markdown, { async: false, gfm: true });
  return { html, frontMatter, paragraphsCut: cut };
}

/** Tags written as `[a, b]` or `a, b` in front matter. */
export function frontMatterList(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .replace(/^\[|\]$/g, '')
    .split(',')
    .map((item) => item.trim().replace(/^["']|["']$/g, ''))
    .filter(Boolean);
}

/**
 * A paragraph of three asterisks (or an asterism) is a manuscript's section break, as Dateline
 * writes a rule into Word and as writers type one: a rule, not a line of text.
 */
const SECTION_BREAK = /<p>\s*(?:(?:\*\s*){3}|⁂)\s*<\/p>/g;

/** A Word document as HTML (images embedded as data), via mammoth. */
export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  // mammoth inflates the whole document by itself, without limits: a Word document that
  // inflates past the zip budget is refused before mammoth sees it.
  checkZipBudget(bytes);
  try {
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: DOCX_STYLE_MAP })).value;
    return html.replace(SECTION_BREAK, '<hr />');
  } catch {
    throw new DatelineError('IMPORT_FAILED', 'This Word document could not be read; it may be damaged or not a .docx file.');
  }
}

/** A Word or Markdown file as HTML with its front matter: what a draft is started from (in the worker). */
export async function documentAsHtml(name: string, bytes: Uint8Array): Promise<{ html: string; frontMatter: FrontMatter }> {
  if (extensionOf(name) === '.docx') return { html: await docxToHtml(bytes), frontMatter: {} };
  const { html, frontMatter } = markdownToHtml(decodeText(bytes));
  return { html, frontMatter };
}
