import { unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import mammoth from 'mammoth';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { editorStateJson, listNode, textNode } from '../../../electron/common/editor-state.ts';
import { exportArticle } from '../../../electron/export/registry.ts';
import { importAsDraft } from '../../../electron/import/drafts.ts';
import { importFiles } from '../../../electron/import/pipeline.ts';
import { getArticle } from '../../../electron/library/articles.ts';
import { createDraft, updateArticle } from '../../../electron/library/drafts.ts';
import { addMedia, getMedia } from '../../../electron/library/media.ts';
import { PNG, storyWithEveryBlock } from '../../helpers/story-parts.ts';
import { tempLibrary } from '../../helpers/temp.ts';

/**
 * One reference story with every block the editor makes, exported to every format and read
 * back with parsers that are not Dateline's (a DOM for web pages and EPUB, mammoth's own
 * reading of Word, marked for Markdown, JSON for ninjs), field by field; and the web page,
 * Markdown and Word files imported again give the same headline, dek, byline, dateline and
 * body text. Regressions: "By By Jordan Vale"; the dateline missing from Markdown and plain
 * text, and lost on import from every format; Word's dek and dateline coming back as body
 * text; a numbered list numbered nowhere in plain text.
 */

function referenceStory() {
  const library = tempLibrary();
  const draft = createDraft(library, {});
  const mediaId = library.write(() => addMedia(library, draft.id, 'image/png', PNG));
  const editorState = storyWithEveryBlock(mediaId);
  const story = updateArticle(library, draft.id, {
    title: 'Council passes harbour budget',
    dek: 'A late amendment funds the pier',
    byline: 'Jordan Vale',
    dateline: 'HARBOURTOWN —',
    editorState,
  });
  return { library, story };
}

async function exported(format: string) {
  const { library, story } = referenceStory();
  const file = await exportArticle(story, format, { media: (id) => getMedia(library, id) });
  return { story, file, text: () => new TextDecoder().decode(file.bytes) };
}

/** What a reader sees, in the order the story tells it. */
const READING_ORDER = [
  'Council passes harbour budget',
  'A late amendment funds the pier',
  'Jordan Vale',
  'HARBOURTOWN —',
  'The council met at dawn and voted at once.',
  'What was decided',
  'Read the full budget online. The cost is TK.',
  'The votes',
  'Ferries first',
  'Quays second',
  'Vote taken',
  'Budget passed',
  'We cannot wait another winter.',
  'Berth',
  'Ships',
  'North',
  '12',
  'Boats at the quay',
  'Photo: Jo Berg',
  'A harbour is its ferries',
  'the harbour master',
  'The first boat leaves on Monday.',
];

/** Each piece of the story in `text`, in order; the byline named once, never "By By". */
function expectWholeStory(text: string): void {
  const flat = text.replace(/\s+/g, ' ');
  let from = 0;
  for (const piece of READING_ORDER) {
    const at = flat.indexOf(piece, from);
    expect(at, `“${piece}” after character ${from} of: ${flat}`).toBeGreaterThanOrEqual(0);
    from = at + piece.length;
  }
  expect(flat).not.toMatch(/By\s+By/i);
  expect(flat.match(/Jordan Vale/g)).toHaveLength(1);
}

/** The story's structure in a DOM: headings, emphasis, link, lists, quote, table, picture, rule. */
function expectStructure(root: Element, { rule = true } = {}): void {
  const texts = (selector: string) =>
    Array.from(root.querySelectorAll(selector)).map((element) => element.textContent!.replace(/\s+/g, ' ').trim());
  expect(texts('h2')).toContain('What was decided');
  expect(texts('h3')).toContain('The votes');
  expect(texts('strong, b')).toContain('dawn');
  expect(texts('em, i')).toContain('at once');
  expect(root.querySelector('a[href="https://harbour.example/budget"]')?.textContent).toBe('full budget');
  expect(texts('ul > li')).toEqual(['Ferries first', 'Quays second']);
  expect(texts('ol > li')).toEqual(['Vote taken', 'Budget passed']);
  expect(texts('table td, table th')).toEqual(['Berth', 'Ships', 'North', '12']);
  const image = root.querySelector('img');
  expect(image?.getAttribute('alt')).toBe('The quay');
  expect(image?.getAttribute('src')).not.toMatch(/^dateline-media:/);
  if (rule) expect(root.querySelector('hr')).not.toBeNull();
}

describe('the reference story exported', () => {
  it('as a web page: every field and block, read by a DOM', async () => {
    const { text } = await exported('html');
    const { document } = new JSDOM(text()).window;
    expect(document.querySelector('h1')?.textContent).toBe('Council passes harbour budget');
    expect(document.querySelector('.dek')?.textContent).toBe('A late amendment funds the pier');
    expect(document.querySelector('.byline')?.textContent).toBe('By Jordan Vale');
    expect(document.querySelector('.dateline')?.textContent).toBe('HARBOURTOWN —');
    expect(document.querySelector('img')?.getAttribute('src')).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
    expect(document.querySelector('figcaption')?.textContent).toBe('Boats at the quay Photo: Jo Berg');
    expect(document.querySelector('.pullquote blockquote')?.textContent).toBe('A harbour is its ferries');
    expect(document.querySelector('.pullquote .attribution')?.textContent).toBe('the harbour master');
    expectStructure(document.body);
    expectWholeStory(document.body.textContent!);
  });

  it('as EPUB: a well-formed chapter with every block, the picture inside, the byline as author', async () => {
    const { file } = await exported('epub');
    const entries = unzipSync(file.bytes);
    const read = (name: string) => new TextDecoder().decode(entries[name]!);
    const opf = new JSDOM(read('OEBPS/content.opf'), { contentType: 'application/xml' }).window.document;
    expect(opf.getElementsByTagName('dc:title')[0]?.textContent).toBe('Council passes harbour budget');
    expect(opf.getElementsByTagName('dc:creator')[0]?.textContent).toBe('Jordan Vale');
    const chapterName = Object.keys(entries).find((name) => /chapter.*\.xhtml$/.test(name))!;
    // Strict XML: a chapter that is not well-formed throws here.
    const chapter = new JSDOM(read(chapterName), { contentType: 'application/xhtml+xml' }).window.document;
    expectStructure(chapter.body);
    expectWholeStory(chapter.body.textContent!);
    const src = chapter.querySelector('img')!.getAttribute('src')!;
    expect(entries[`OEBPS/${src}`], src).toEqual(new Uint8Array(PNG));
  });

  it('as Word: every field and block, as mammoth reads it without Dateline’s styles', async () => {
    const { file } = await exported('docx');
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(file.bytes) });
    const { document } = new JSDOM(html).window;
    const paragraphs = Array.from(document.querySelectorAll('p')).map((p) => p.textContent);
    expect(paragraphs.slice(0, 4)).toEqual([
      'Council passes harbour budget',
      'A late amendment funds the pier',
      'By Jordan Vale',
      'HARBOURTOWN — The council met at dawn and voted at once.',
    ]);
    // Word has no rule element: a section break of three asterisks stands for it.
    expect(paragraphs).toContain('* * *');
    expectStructure(document.body, { rule: false });
    expectWholeStory(document.body.textContent!);
  });

  it('as Markdown: front matter with every field, and a body marked reads whole', async () => {
    const { text } = await exported('md');
    const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text())!;
    expect(front!.split('\n')).toEqual([
      'title: "Council passes harbour budget"',
      'dek: "A late amendment funds the pier"',
      'byline: "Jordan Vale"',
      'dateline: "HARBOURTOWN —"',
    ]);
    const { document } = new JSDOM(marked.parse(body!, { async: false, gfm: true })).window;
    expect(document.querySelector('h1')?.textContent).toBe('Council passes harbour budget');
    expectStructure(document.body);
    expectWholeStory(`${front} ${document.body.textContent}`);
  });

  it('as plain text: every field and block in order, the numbered list numbered', async () => {
    const { text } = await exported('txt');
    expectWholeStory(text());
    expect(text()).toContain('- Ferries first\n- Quays second');
    expect(text()).toContain('1. Vote taken\n2. Budget passed');
    expect(text()).toContain('Berth | Ships\nNorth | 12');
  });

  it('as ninjs: every field, the body a DOM reads whole, the picture inside', async () => {
    const { text } = await exported('ninjs');
    const ninjs = JSON.parse(text());
    expect(ninjs).toMatchObject({
      headlines: [{ role: 'main', value: 'Council passes harbour budget' }],
      descriptions: [{ role: 'summary', value: 'A late amendment funds the pier' }],
      by: 'Jordan Vale',
      located: 'HARBOURTOWN —',
    });
    const body = ninjs.bodies.find((entry: { contentType: string }) => entry.contentType === 'text/html').value;
    const { document } = new JSDOM(body).window;
    expectStructure(document.body);
    expectWholeStory(
      `${ninjs.headlines[0].value} ${ninjs.descriptions[0].value} ${ninjs.by} ${ninjs.located} ${document.body.textContent}`,
    );
    expect(ninjs.associations[0].uri).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
  });
});

describe('the reference story exported and imported again', () => {
  const fields = ({
    title,
    dek,
    byline,
    dateline,
    text,
  }: {
    title: string;
    dek: string;
    byline: string;
    dateline: string;
    text: string;
  }) => ({
    title,
    dek,
    byline,
    dateline,
    text: text.replace(/\s+/g, ' ').trim(),
  });

  it.each(['html', 'md', 'docx'])('from %s as an article keeps the headline, dek, byline, dateline and body text', async (format) => {
    const { story, file } = await exported(format);
    const library = tempLibrary();
    const summary = await importFiles(library, [{ path: file.fileName, read: async () => Buffer.from(file.bytes) }]);
    expect(summary.failed).toEqual([]);
    expect(fields(getArticle(library, summary.imported[0]!.id))).toEqual(fields(story));
  });

  it.each(['md', 'docx'])('from %s as a draft keeps the headline, dek, byline, dateline and body text', async (format) => {
    const { story, file } = await exported(format);
    const again = await importAsDraft(tempLibrary(), file.fileName, file.bytes);
    expect(fields(again)).toEqual(fields(story));
  });
});

describe('a story with no paragraph, exported to Word', () => {
  it('regression: keeps its dateline on a line of its own (it had no paragraph to run into, and was dropped)', async () => {
    const library = tempLibrary();
    const draft = createDraft(library, {
      title: 'Ferry times',
      dateline: 'HARBOURTOWN —',
      editorState: editorStateJson([listNode('bullet', [[textNode('North quay 07:10')], [textNode('South quay 07:40')]])]),
    });
    const story = getArticle(library, draft.id);
    const file = await exportArticle(story, 'docx', { media: () => null });
    const again = await importAsDraft(tempLibrary(), file.fileName, file.bytes);
    expect({ dateline: again.dateline, text: again.text }).toEqual({ dateline: 'HARBOURTOWN —', text: story.text });
  });
});
