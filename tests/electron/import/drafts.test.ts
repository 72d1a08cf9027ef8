import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importAsDraft } from '../../../electron/import/drafts.ts';
import { FIXTURES, tempLibrary } from '../../helpers/temp.ts';

describe('opening a file as a new draft', () => {
  it('reads Markdown with front matter into structure, dropping unsafe links', async () => {
    const library = tempLibrary();
    const draft = await importAsDraft(library, 'council-notes.md', readFileSync(new URL('drafts/council-notes.md', FIXTURES)));
    expect(draft).toMatchObject({
      kind: 'draft',
      title: 'Council weighs harbour budget',
      byline: 'Ana Lima',
      dek: 'A late amendment would fund the ferry pier.',
    });
    expect(draft.html).toBe(
      '<p>The council met on <strong>Tuesday</strong> to debate the <em>harbour</em> budget.</p>' +
        '<h2>What is in it</h2><ul><li>A new ferry pier</li><li>A wider quay</li></ul>' +
        '<blockquote>&quot;We cannot wait another winter,&quot; said the harbour master.</blockquote>' +
        '<p>Read the <a href="https://council.example/agenda">agenda</a> and the unsafe link.</p>' +
        '<ol><li>First reading</li><li>Vote</li></ol>',
    );
  });

  it('reads a Word document with its headings and emphasis', async () => {
    const docx = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Storm closes port')] }),
              new Paragraph({
                children: [new TextRun('Ships stayed in '), new TextRun({ text: 'harbour', bold: true }), new TextRun(' all day.')],
              }),
              new Paragraph({
                heading: HeadingLevel.HEADING_2,
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ text: 'Reaction', color: 'FF0000', font: 'Comic Sans MS' })],
              }),
            ],
          },
        ],
      }),
    );
    const draft = await importAsDraft(tempLibrary(), 'storm.docx', docx);
    expect(draft.title).toBe('Storm closes port');
    expect(draft.html).toBe('<p>Ships stayed in <strong>harbour</strong> all day.</p><h2>Reaction</h2>');
  });

  it('refuses other files and damaged Word documents with a reason', async () => {
    await expect(importAsDraft(tempLibrary(), 'notes.pdf', new Uint8Array([1]))).rejects.toThrow(/\.docx, \.md, \.markdown/);
    await expect(importAsDraft(tempLibrary(), 'broken.docx', new TextEncoder().encode('not a zip'))).rejects.toThrow(/could not be read/);
  });
});
