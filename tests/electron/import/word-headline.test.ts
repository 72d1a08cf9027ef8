import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { importAsDraft } from '../../../electron/import/drafts.ts';
import { importFiles } from '../../../electron/import/pipeline.ts';
import { getArticle } from '../../../electron/library/articles.ts';
import { tempLibrary } from '../../helpers/temp.ts';
import { listArticles } from '../../helpers/queries.ts';

/** A Word story as journalists write one: a Title paragraph, a "By …" line, the story. */
async function wordStory(): Promise<Buffer> {
  return Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [
            new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Council passes harbour budget')] }),
            new Paragraph({ children: [new TextRun('By Ana Lima')] }),
            new Paragraph({
              children: [new TextRun('The council approved the harbour budget on Tuesday after a long debate about the new berths.')],
            }),
            new Paragraph({ children: [new TextRun('Members voted nine to four, with two abstentions, the clerk said afterwards.')] }),
          ],
        },
      ],
    }),
  );
}

describe('a Word document', () => {
  it('imports with its Title paragraph as the headline and its "By" line as the byline, not in the body', async () => {
    const library = tempLibrary();
    const summary = await importFiles(library, [{ path: 'harbour-final-v3.docx', read: wordStory }]);
    expect(summary.failed).toEqual([]);
    const article = getArticle(library, listArticles(library, { limit: 1 }).items[0]!.id);
    expect(article.title).toBe('Council passes harbour budget');
    expect(article.byline).toBe('Ana Lima');
    expect(article.text).not.toContain('By Ana Lima');
    expect(article.text).toMatch(/^The council approved/);
  });

  it('opened as a draft gives the same headline and byline', async () => {
    const library = tempLibrary();
    const draft = await importAsDraft(library, 'harbour-final-v3.docx', await wordStory());
    expect(draft.title).toBe('Council passes harbour budget');
    expect(draft.byline).toBe('Ana Lima');
    expect(draft.text).not.toContain('By Ana Lima');
  });
});
