import { describe, expect, it } from 'vitest';
import { exportArticle } from '../../../electron/export/registry.ts';
import { importAsDraft } from '../../../electron/import/drafts.ts';
import { importFiles } from '../../../electron/import/pipeline.ts';
import { editorStateJson, paragraphNode, textNode } from '../../../electron/common/editor-state.ts';
import { getArticle } from '../../../electron/library/articles.ts';
import { createDraft } from '../../../electron/library/drafts.ts';
import { setArticleTags } from '../../../electron/library/tags.ts';
import { tempLibrary } from '../../helpers/temp.ts';

/**
 * Regression: the Markdown exporter wrote `dek`, `byline` and `published`, while the
 * importers read `description`, `author` and `date`, so a story exported and opened again
 * lost its dek, byline and date. The keys are one list now (common/front-matter.ts).
 */
async function exportedStory() {
  const library = tempLibrary();
  const draft = createDraft(library, {
    title: 'Ferries resume after the storm',
    dek: 'Crews were back by Monday.',
    byline: 'Ana Lima',
    editorState: editorStateJson([paragraphNode([textNode('The first boat left the quay at dawn.')])]),
  });
  setArticleTags(library, draft.id, ['ports', 'weather']);
  const story = getArticle(library, draft.id);
  const file = await exportArticle(getArticle(library, story.id), 'md', { media: () => null });
  return { file, story };
}

describe('a Markdown export read back', () => {
  it('as a draft keeps its headline, dek and byline', async () => {
    const { file, story } = await exportedStory();
    const again = await importAsDraft(tempLibrary(), file.fileName, file.bytes);
    expect({ title: again.title, dek: again.dek, byline: again.byline }).toEqual({
      title: story.title,
      dek: story.dek,
      byline: story.byline,
    });
  });

  it('as an article keeps its headline, dek, byline and tags', async () => {
    const library = tempLibrary();
    const { file, story } = await exportedStory();
    const summary = await importFiles(library, [{ path: file.fileName, read: async () => Buffer.from(file.bytes) }]);
    expect(summary.failed).toEqual([]);
    const again = getArticle(library, summary.imported[0]!.id);
    const fields = ({ title, dek, byline, tags }: typeof story) => ({ title, dek, byline, tags });
    expect(fields(again)).toEqual(fields(story));
  });
});
