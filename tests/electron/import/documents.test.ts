import { Document, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../electron/import/pipeline.ts';
import { getArticle } from '../../../electron/library/articles.ts';
import { FIXTURES, tempLibrary } from '../../helpers/temp.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEUlEQVR4nGP4z8DAwMDAAAAT/gH/7oOUUQAAAABJRU5ErkJggg==', 'base64');

describe('the Markdown importer', () => {
  it('reads front matter for the metadata and keeps structure, pictures and tags, and nothing active', async () => {
    const library = tempLibrary();
    const path = fileURLToPath(new URL('markdown/dispatch.md', FIXTURES));
    const summary = await importFiles(library, [{ path, read: async () => readFileSync(path) }]);
    expect(summary.failed).toEqual([]);
    const article = getArticle(library, summary.imported[0]!.id);
    expect(article).toMatchObject({
      title: 'Ferry strike ends after talks',
      byline: 'Ana Lima',
      publishedAt: '2024-10-03T08:00:00.000Z',
      sourceUrl: 'https://harbour.example/ferry-strike-ends',
      tags: ['labour', 'transport'],
    });
    expect(article.html).toContain('<h1>A heading that is not the title</h1>');
    expect(article.html).toContain('<strong>Monday</strong>');
    expect(article.html).toMatch(/<img src="dateline-media:\/\/library\/\d+" alt="The quay at dawn">/);
    expect(article.html).toContain('<li>Pay rises of 4%</li>');
    expect(article.html).not.toMatch(/script|alert/);
  });

  it('regression: a paragraph of 10 MB imports whole, with a note, instead of overflowing the parser', { timeout: 60_000 }, async () => {
    const library = tempLibrary();
    const markdown = `# One long paragraph\n\n${'harbour '.repeat(1_250_000)}\n\nThe last paragraph.\n`;
    const summary = await importFiles(library, [{ path: 'long.md', read: async () => Buffer.from(markdown) }]);
    expect(summary.failed).toEqual([]);
    expect(summary.notes).toEqual([
      { path: 'long.md', note: 'a paragraph longer than anyone writes was cut into shorter ones to be read.' },
    ]);
    const article = getArticle(library, summary.imported[0]!.id);
    expect(article.text.match(/harbour/g)).toHaveLength(1_250_000);
    expect(article.text.trim().endsWith('The last paragraph.')).toBe(true);
  });
});

describe('the Word importer', () => {
  it('takes the first heading as the headline and keeps emphasis and images', async () => {
    const docx = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Council passes harbour budget')] }),
              new Paragraph({
                children: [
                  new TextRun('The vote was '),
                  new TextRun({ text: 'eight to one', bold: true }),
                  new TextRun(' on Tuesday night.'),
                ],
              }),
              new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 20, height: 10 } })] }),
            ],
          },
        ],
      }),
    );
    const library = tempLibrary();
    const summary = await importFiles(library, [{ path: 'budget.docx', read: async () => docx }]);
    expect(summary.failed).toEqual([]);
    const article = getArticle(library, summary.imported[0]!.id);
    expect(article.title).toBe('Council passes harbour budget');
    expect(article.html).toMatch(
      /^<p>The vote was <strong>eight to one<\/strong> on Tuesday night\.<\/p><p><img src="dateline-media:\/\/library\/\d+"/,
    );
    expect(article.text).toBe('The vote was eight to one on Tuesday night.');
  });

  it('reports a damaged Word file without leaving anything behind', async () => {
    const library = tempLibrary();
    const summary = await importFiles(library, [{ path: 'broken.docx', read: async () => new TextEncoder().encode('PK not really') }]);
    expect(summary.failed[0]!.error.message).toMatch(/could not be read/);
    expect(library.db.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 0 });
  });
});
