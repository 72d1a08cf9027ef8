import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  editorStateJson,
  headingNode,
  linkNode,
  listNode,
  paragraphNode,
  quoteNode,
  textNode,
} from '../../../electron/common/editor-state.ts';
import { exportArticle } from '../../../electron/export/registry.ts';
import { createDraft } from '../../../electron/library/drafts.ts';
import type { Library } from '../../../electron/library/library.ts';
import { addMedia, getMedia } from '../../../electron/library/media.ts';
import { setArticleTags } from '../../../electron/library/tags.ts';
import { PNG } from '../../helpers/story-parts.ts';
import { tempLibrary } from '../../helpers/temp.ts';

function draftWithEverything(library: Library) {
  const draft = createDraft(library, {});
  const mediaId = library.write(() => addMedia(library, draft.id, 'image/png', PNG));
  const editorState = editorStateJson([
    paragraphNode([
      textNode('The vote was '),
      textNode('eight to one', 1),
      textNode(' after '),
      linkNode('https://council.example/minutes', [textNode('a long night')]),
      textNode('.'),
    ]),
    headingNode('h2', [textNode('What passed')]),
    listNode('bullet', [[textNode('A new pier')], [textNode('A wider quay')]]),
    quoteNode([textNode('We cannot wait another winter.')]),
    { type: 'image', version: 1, mediaId, altText: 'The quay at dawn', caption: 'The quay at dawn.', credit: 'Ana Lima' },
    { type: 'pullquote', version: 1, quote: 'Another winter', attribution: 'The harbour master' },
  ]);
  setArticleTags(library, draft.id, ['council', 'harbour']);
  return { draft, editorState };
}

async function exported(library: Library, format: string) {
  const { draft, editorState } = draftWithEverything(library);
  const { updateArticle } = await import('../../../electron/library/drafts.ts');
  const article = updateArticle(library, draft.id, {
    title: 'Council passes harbour budget',
    dek: 'A late amendment funds the pier',
    byline: 'Ana Lima',
    dateline: 'PORT TOWN —',
    editorNote: 'SECRET desk note: check the vote count',
    status: 'ready',
    editorState,
  });
  return exportArticle(article, format, { media: (id) => getMedia(library, id) });
}

describe('DOCX export', () => {
  it('is a Word document whose XML has headings, lists, a quote, a link, the image and its caption', async () => {
    const file = await exported(tempLibrary(), 'docx');
    expect(file.fileName).toBe('Council passes harbour budget.docx');
    const zip = await JSZip.loadAsync(file.bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:pStyle w:val="Title"/>');
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]*What passed/);
    expect(xml).toMatch(/<w:numPr>[\s\S]*A new pier/);
    expect(xml).toMatch(/<w:pStyle w:val="BlockQuote"\/>[\s\S]*We cannot wait another winter/);
    expect(xml).toMatch(/<w:hyperlink [^>]*r:id="[^"]+"[\s\S]*a long night/);
    expect(xml).toMatch(/<w:b\/>[\s\S]*eight to one/);
    expect(xml).toContain('PORT TOWN —');
    expect(xml).toMatch(/<pic:pic[\s\S]*The quay at dawn/);
    // The caption in the picture's caption style, the credit in its own (so both come back apart).
    expect(xml).toMatch(/<w:pStyle w:val="FigureCaption"\/>[\s\S]*The quay at dawn\.[\s\S]*<w:rStyle w:val="Credit"\/>[\s\S]*Ana Lima/);
    expect(xml).not.toContain('SECRET desk note');
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    expect(rels).toContain('https://council.example/minutes');
    expect(Object.keys(zip.files).some((name) => name.startsWith('word/media/') && name.endsWith('.png'))).toBe(true);
  });
});

/** The parts of IPTC's ninjs 3.0 schema this export uses: required fields and their types. */
const text = z.object({ role: z.string().optional(), contentType: z.string().optional(), value: z.string() }).strict();
const ninjs3 = z
  .object({
    uri: z.string().min(1),
    standard: z.object({ name: z.literal('ninjs'), version: z.literal('3.0'), schema: z.url() }).strict(),
    type: z.enum(['text', 'picture', 'video', 'audio', 'graphic', 'composite', 'planning', 'component', 'event']),
    version: z.string(),
    firstCreated: z.iso.datetime(),
    versionCreated: z.iso.datetime(),
    contentCreated: z.iso.datetime().optional(),
    pubStatus: z.enum(['usable', 'withheld', 'canceled']),
    language: z.string(),
    headlines: z.array(text).min(1),
    descriptions: z.array(text).optional(),
    bodies: z.array(
      z
        .object({ role: z.string(), contentType: z.string(), charCount: z.number().int(), wordCount: z.number().int(), value: z.string() })
        .strict(),
    ),
    by: z.string().optional(),
    located: z.string().optional(),
    slugline: z.string().optional(),
    subjects: z.array(z.object({ name: z.string() }).strict()).optional(),
    associations: z
      .array(
        z
          .object({
            name: z.string(),
            uri: z.string(),
            type: z.string(),
            descriptions: z.array(text).optional(),
            by: z.string().optional(),
            headlines: z.array(text).optional(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

describe('ninjs export', () => {
  it('validates against ninjs 3.0 and carries the newsroom metadata, but not the editor’s note', async () => {
    const file = await exported(tempLibrary(), 'ninjs');
    const json = JSON.parse(new TextDecoder().decode(file.bytes));
    const parsed = ninjs3.safeParse(json);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(json).toMatchObject({
      type: 'text',
      pubStatus: 'withheld',
      headlines: [{ role: 'main', value: 'Council passes harbour budget' }],
      descriptions: [{ role: 'summary', value: 'A late amendment funds the pier' }],
      by: 'Ana Lima',
      located: 'PORT TOWN —',
      slugline: 'council-passes-harbour-budget',
      subjects: [{ name: 'council' }, { name: 'harbour' }],
      associations: [{ name: 'image1', type: 'picture', by: 'Ana Lima', descriptions: [{ role: 'caption', value: 'The quay at dawn.' }] }],
    });
    expect(json.bodies[0].wordCount).toBe(23);
    expect(JSON.stringify(json)).not.toContain('SECRET desk note');
  });
});

describe('HTML export', () => {
  it('embeds library images so the page stands alone', async () => {
    const html = new TextDecoder().decode((await exported(tempLibrary(), 'html')).bytes);
    expect(html).toContain(`src="data:image/png;base64,${PNG.toString('base64')}"`);
    expect(html).not.toContain('dateline-media:');
    expect(html).toContain('<figcaption>The quay at dawn. <span class="credit">Ana Lima</span></figcaption>');
  });
});
