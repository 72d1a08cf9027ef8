import mammoth from 'mammoth';
import { marked } from 'marked';
import { DatelineError } from '../common/errors.ts';
import { checkZipBudget } from './archive/zip.ts';
import { decodeText } from './decode.ts';
import { extensionOf } from './types.ts';

/** Front matter a Markdown file may start with: plain `key: value` lines between `---`. */
export type FrontMatter = Record<string, string>;

/** Markdown (GitHub flavour) with optional YAML front matter, as HTML. */
export function markdownToHtml(text: string): { html: string; frontMatter: FrontMatter } {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  const frontMatter: FrontMatter = {};
  for (const line of match?.[1]?.split(/\r?\n/) ?? []) {
    const pair = /^([\w-]+):\s*(.*)$/.exec(line);
    if (pair) frontMatter[pair[1]!.toLowerCase()] = pair[2]!.replace(/^["']|["']$/g, '').trim();
  }
  const html = marked.parse(match ? text.slice(match[0].length) : text, { async: false, gfm: true });
  return { html, frontMatter };
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

/** A Word document as HTML (images embedded as data), via mammoth. */
export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  // mammoth inflates the whole document by itself, without limits: a Word document that
  // inflates past the zip budget is refused before mammoth sees it.
  checkZipBudget(bytes);
  try {
    // Word's Title paragraph is the headline, as its Heading 1 would be.
    return (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: ["p[style-name='Title'] => h1:fresh"] })).value;
  } catch {
    throw new DatelineError('IMPORT_FAILED', 'This Word document could not be read; it may be damaged or not a .docx file.');
  }
}

/** A Word or Markdown file as HTML with its front matter: what a draft is started from (in the worker). */
export async function documentAsHtml(name: string, bytes: Uint8Array): Promise<{ html: string; frontMatter: FrontMatter }> {
  return extensionOf(name) === '.docx' ? { html: await docxToHtml(bytes), frontMatter: {} } : markdownToHtml(decodeText(bytes));
}
