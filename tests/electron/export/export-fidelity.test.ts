import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportArticle } from '../../../electron/export/registry.ts';
import { importAsDraft } from '../../../electron/import/drafts.ts';
import { getArticle } from '../../../electron/library/articles.ts';
import { createDraft } from '../../../electron/library/drafts.ts';
import { tempLibrary } from '../../helpers/temp.ts';

/** What a journalist wrote leaves whole: the dateline, the pull quote, the caption, the byline as author. */

const text = (node: object) => ({ type: 'text', text: '', format: 0, version: 1, ...node });
const state = JSON.stringify({
  root: {
    type: 'root',
    version: 1,
    children: [
      { type: 'paragraph', version: 1, children: [text({ text: 'The council approved the harbour budget on Tuesday.' })] },
      { type: 'pullquote', version: 1, quote: 'We cannot wait another winter', attribution: 'the harbour master' },
      { type: 'image', version: 1, mediaId: 1, altText: 'The quay', caption: 'Boats at the quay', credit: 'Photo: Jo Berg' },
    ],
  },
});

function story() {
  const library = tempLibrary();
  const draft = createDraft(library, {
    title: 'Council passes harbour budget',
    byline: 'Jordan Vale',
    dateline: 'HARBOURTOWN',
    editorState: state,
  });
  return { library, article: getArticle(library, draft.id) };
}

const noMedia = { media: () => null };

describe('exports', () => {
  it('plain text keeps the dateline, the pull quote and the caption with its credit', async () => {
    const { article } = story();
    const txt = new TextDecoder().decode((await exportArticle(article, 'txt', noMedia)).bytes);
    expect(txt).toContain('HARBOURTOWN');
    expect(txt).toContain('“We cannot wait another winter” — the harbour master');
    expect(txt).toContain('Boats at the quay Photo: Jo Berg');
  });

  it('Markdown carries the dateline, and comes back as a draft with it', async () => {
    const { library, article } = story();
    const md = (await exportArticle(article, 'md', noMedia)).bytes;
    expect(new TextDecoder().decode(md)).toMatch(/^dateline: "HARBOURTOWN"$/m);
    const back = await importAsDraft(library, 'story.md', md);
    expect(back).toMatchObject({ title: 'Council passes harbour budget', byline: 'Jordan Vale', dateline: 'HARBOURTOWN' });
  });

  it('Markdown writes tables as GitHub tables and pictures into the file itself', async () => {
    const library = tempLibrary();
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEUlEQVR4nGP4z8DAwMDAAAAT/gH/7oOUUQAAAABJRU5ErkJggg==',
      'base64',
    );
    const cell = (value: string, header = false) => ({
      type: 'tablecell',
      version: 1,
      headerState: header ? 1 : 0,
      children: [{ type: 'paragraph', version: 1, children: [text({ text: value })] }],
    });
    const table = {
      type: 'table',
      version: 1,
      children: [
        { type: 'tablerow', version: 1, children: [cell('Berth', true), cell('Ships', true)] },
        { type: 'tablerow', version: 1, children: [cell('North'), cell('12')] },
      ],
    };
    const withTable = JSON.stringify({
      root: {
        type: 'root',
        version: 1,
        children: [table, { type: 'image', version: 1, mediaId: 7, altText: 'Quay', caption: '', credit: '' }],
      },
    });
    const draft = createDraft(library, { title: 'Berths', editorState: withTable });
    const context = { media: (id: number) => (id === 7 ? { mimeType: 'image/png', bytes: png } : null) };
    const md = new TextDecoder().decode((await exportArticle(getArticle(library, draft.id), 'md', context)).bytes);
    expect(md).toMatch(/\| Berth \| Ships \|\n\| --- \| --- \|\n\| North \| 12 \|/);
    expect(md).toContain(`![Quay](data:image/png;base64,${png.toString('base64')})`);
    expect(md).not.toContain('dateline-media:');
    const ninjs = JSON.parse(new TextDecoder().decode((await exportArticle(getArticle(library, draft.id), 'ninjs', context)).bytes));
    expect(JSON.stringify(ninjs)).not.toContain('dateline-media:');
    expect(ninjs.associations[0].uri).toMatch(/^data:image\/png;base64,/);
  });

  it('EPUB names the byline as the book’s author, not the app', async () => {
    const { article } = story();
    const epub = unzipSync((await exportArticle(article, 'epub', noMedia)).bytes);
    const opf = new TextDecoder().decode(epub['OEBPS/content.opf']!);
    expect(opf).toContain('<dc:creator>Jordan Vale</dc:creator>');
    expect(opf).not.toContain('<dc:creator>Dateline</dc:creator>');
  });
});
