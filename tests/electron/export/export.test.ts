import { describe, expect, it } from 'vitest';
import { exportArticle, exportFormats, fileStem } from '../../../electron/export/registry.ts';
import { getArticle } from '../../../electron/library/articles.ts';
import { insertSavedArticle } from '../../../electron/library/saved-articles.ts';
import { createDraft, updateArticle } from '../../../electron/library/drafts.ts';
import { libraryExportContext } from '../../../electron/export/context.ts';
import { addHighlight } from '../../../electron/library/highlights.ts';
import { highlightsFromMarkdown } from '../../../electron/import/formats/omnivore.ts';
import { setArticleTags } from '../../../electron/library/tags.ts';
import { tempLibrary } from '../../helpers/temp.ts';

function sample() {
  const library = tempLibrary();
  const id = library.write(() =>
    insertSavedArticle(library, {
      title: 'Ports <reopen> after "storm"',
      byline: 'Ana Lima',
      sourceName: 'Harbour Times',
      sourceUrl: 'https://harbour.example/ports',
      html: '<p>Ships <strong>returned</strong> on Monday.</p><blockquote>It was calm.</blockquote>',
      text: 'Ships returned on Monday.\n\nIt was calm.',
      related: [
        { title: 'Storm timeline', url: 'https://harbour.example/timeline' },
        { title: 'No link', url: null },
      ],
    }),
  );
  setArticleTags(library, id, ['weather', 'ports']);
  return getArticle(library, id);
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const noMedia = { media: () => null };

describe('exports', () => {
  it('offers Markdown, HTML and plain text', () => {
    expect(exportFormats).toEqual(['md', 'html', 'docx', 'pdf', 'txt', 'ninjs', 'epub', 'highlights-md']);
  });

  it('writes Markdown with front matter, structure and related links', async () => {
    const file = await exportArticle(sample(), 'md', noMedia);
    expect(file.fileName).toBe('Ports reopen after storm.md');
    expect(text(file.bytes)).toBe(
      '---\ntitle: "Ports <reopen> after \\"storm\\""\nbyline: "Ana Lima"\nsource: "https://harbour.example/ports"\ntags: ["ports", "weather"]\n---\n\n' +
        '# Ports <reopen> after "storm"\n\nShips **returned** on Monday.\n\n> It was calm.\n\n## Related\n\n- [Storm timeline](https://harbour.example/timeline)\n- No link\n',
    );
  });

  it('writes a standalone page that escapes metadata and runs nothing', async () => {
    const html = text((await exportArticle(sample(), 'html', noMedia)).bytes);
    expect(html).toContain('<title>Ports &lt;reopen&gt; after &quot;storm&quot;</title>');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<p>Ships <strong>returned</strong> on Monday.</p>');
  });

  it('writes plain text with the headline first', async () => {
    expect(text((await exportArticle(sample(), 'txt', noMedia)).bytes)).toBe(
      'Ports <reopen> after "storm"\nBy Ana Lima\n\nShips returned on Monday.\n\nIt was calm.\n\nRelated:\n- Storm timeline <https://harbour.example/timeline>\n- No link\n',
    );
  });

  it('exports a draft from its editor state', async () => {
    const library = tempLibrary();
    const draft = createDraft(library, { title: 'Draft: budget' });
    const editorState = JSON.stringify({
      root: { type: 'root', children: [{ type: 'heading', tag: 'h2', children: [{ type: 'text', text: 'Vote', format: 0 }] }] },
    });
    const saved = updateArticle(library, draft.id, { editorState });
    expect(text((await exportArticle(saved, 'md', noMedia)).bytes)).toContain('# Draft: budget\n\n## Vote');
  });

  it('refuses an unknown format', async () => {
    await expect(exportArticle(sample(), 'pdf-x', noMedia)).rejects.toThrow(/cannot export to "pdf-x"/);
  });

  it('makes file names every OS accepts', () => {
    expect(fileStem('A/B: C? *D* <E> | "F"')).toBe('A B C D E F');
    expect(fileStem('   ')).toBe('Untitled');
    expect(fileStem('Trailing dots...')).toBe('Trailing dots');
  });
});

describe('file names from long headlines', () => {
  it('regression: a long headline is cut between words, not in the middle of one', () => {
    const headline = 'Global Security Threatened as North Korean Soldiers Aid Russia Near Ukraine Border';
    expect(fileStem(headline)).toBe(headline);
    const long = `${'Word '.repeat(60)}End`;
    const stem = fileStem(long);
    expect(Buffer.byteLength(stem)).toBeLessThanOrEqual(200);
    expect(stem.endsWith('Word')).toBe(true);
  });
  it("exports an article's highlights and notes as Markdown that reads back as the same highlights", async () => {
    const library = tempLibrary();
    const id = library.write(() =>
      insertSavedArticle(library, {
        title: 'Ferry strike',
        byline: 'Ana Lima',
        sourceUrl: 'https://harbour.example/ferry',
        html: '<p>x</p>',
        text: 'x',
      }),
    );
    addHighlight(library, { articleId: id, quote: 'crews walked out', position: 10, note: 'Ask the union\n> and the owners' });
    addHighlight(library, { articleId: id, quote: 'pay was the issue', position: 40, color: 'blue' });
    const file = await exportArticle(getArticle(library, id), 'highlights-md', libraryExportContext(library));
    const markdown = text(file.bytes);
    expect(file.fileName).toBe('Ferry strike.highlights.md');
    expect(markdown).toContain(
      '# Highlights: Ferry strike\n\nBy Ana Lima · [https://harbour.example/ferry](<https://harbour.example/ferry>)',
    );
    expect(highlightsFromMarkdown(markdown)).toEqual([
      { quote: 'crews walked out', note: 'Ask the union \\> and the owners' },
      { quote: 'pay was the issue', note: '' },
    ]);
  });
});
