import { describe, expect, it } from 'vitest';
import { parseEditorState } from '../../../electron/common/editor-state.ts';
import { exportArticle } from '../../../electron/export/registry.ts';
import { importAsDraft } from '../../../electron/import/drafts.ts';
import { getArticle } from '../../../electron/library/articles.ts';
import { createDraft } from '../../../electron/library/drafts.ts';
import { addMedia, getMedia } from '../../../electron/library/media.ts';
import { PNG, storyWithEveryBlock } from '../../helpers/story-parts.ts';
import { tempLibrary } from '../../helpers/temp.ts';

interface Shape {
  type: string;
  text: string;
}

/** The blocks of a stored editor state as a reader sees them: kind and words, not Lexical's bookkeeping. */
function shapeOf(editorState: string): Shape[] {
  const words = (node: Record<string, unknown>): string =>
    typeof node.text === 'string'
      ? node.text
      : Array.isArray(node.children)
        ? (node.children as Record<string, unknown>[]).map(words).join(node.type === 'list' ? ' | ' : '')
        : '';
  const root = parseEditorState(editorState) as { children: Record<string, unknown>[] };
  return root.children
    .map((node) => {
      const kind =
        node.type === 'heading'
          ? `heading ${String(node.tag)}`
          : node.type === 'list'
            ? `list ${String(node.listType)}`
            : String(node.type);
      const text =
        node.type === 'image'
          ? `${String(node.caption)} / ${String(node.credit)}`
          : node.type === 'pullquote'
            ? `${String(node.quote)} / ${String(node.attribution)}`
            : words(node);
      return { type: kind, text: text.replace(/\s+/g, ' ').trim() };
    })
    .filter((block) => block.text !== '' || block.type === 'image');
}

/** The inline formats and links of a state, in order. */
function marksOf(editorState: string): string[] {
  const marks: string[] = [];
  const visit = (node: Record<string, unknown>) => {
    if (node.type === 'text' && typeof node.format === 'number' && node.format) marks.push(`${node.format}:${String(node.text)}`);
    if (node.type === 'link') marks.push(`link:${String(node.url)}`);
    if (Array.isArray(node.children)) (node.children as Record<string, unknown>[]).forEach(visit);
  };
  visit(parseEditorState(editorState) as Record<string, unknown>);
  return marks;
}

describe('a draft with every kind of block, exported and opened again as a draft', () => {
  it.each([
    ['docx', 'Word (quotes, pull quotes and captions came back as paragraphs)'],
    ['md', 'Markdown (pull quotes came back as quotes, captions as paragraphs)'],
  ])('regression: keeps every block, its words, formats and links through %s: %s', async (format) => {
    const library = tempLibrary();
    const mediaId = addMedia(library, null, 'image/png', PNG);
    const draft = createDraft(library, {
      title: 'Council passes harbour budget',
      byline: 'Jordan Vale',
      editorState: storyWithEveryBlock(mediaId),
    });
    const story = getArticle(library, draft.id);
    const file = await exportArticle(story, format, { media: (id) => getMedia(library, id) });
    const again = await importAsDraft(tempLibrary(), file.fileName, file.bytes);

    expect(again.title).toBe(story.title);
    expect(again.byline).toBe(story.byline);
    expect(shapeOf(again.editorState!)).toEqual(shapeOf(story.editorState!));
    expect(marksOf(again.editorState!)).toEqual(marksOf(story.editorState!));
  });
});
