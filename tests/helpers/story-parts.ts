import {
  editorStateJson,
  headingNode,
  linkNode,
  listNode,
  paragraphNode,
  quoteNode,
  textNode,
} from '../../electron/common/editor-state.ts';

/** A 2×1 red PNG, made byte by byte so a test needs no image file. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEUlEQVR4nGP4z8DAwMDAAAAT/gH/7oOUUQAAAABJRU5ErkJggg==',
  'base64',
);

/** Lexical's text format bits. */
export const BOLD = 1;
export const ITALIC = 2;

/** A serialized table cell holding one paragraph. */
const cell = (value: string, header = false) => ({
  type: 'tablecell',
  version: 1,
  headerState: header ? 1 : 0,
  children: [paragraphNode([textNode(value)])],
});

/**
 * A story with one of every block the editor makes (emphasis, a link and a TK in the text; two
 * heading levels, both kinds of list, a quote, a table, a picture with caption and credit, a
 * rule, a pull quote with its attribution): what a journalist wrote, in every form.
 */
export function storyWithEveryBlock(mediaId: number): string {
  return editorStateJson([
    paragraphNode([
      textNode('The council met at '),
      textNode('dawn', BOLD),
      textNode(' and voted '),
      textNode('at once', ITALIC),
      textNode('.'),
    ]),
    headingNode('h2', [textNode('What was decided')]),
    paragraphNode([
      textNode('Read the '),
      linkNode('https://harbour.example/budget', [textNode('full budget')]),
      textNode(' online. The cost is TK.'),
    ]),
    headingNode('h3', [textNode('The votes')]),
    listNode('bullet', [[textNode('Ferries first')], [textNode('Quays second')]]),
    listNode('number', [[textNode('Vote taken')], [textNode('Budget passed')]]),
    quoteNode([textNode('We cannot wait another winter.')]),
    {
      type: 'table',
      version: 1,
      children: [
        { type: 'tablerow', version: 1, children: [cell('Berth', true), cell('Ships', true)] },
        { type: 'tablerow', version: 1, children: [cell('North'), cell('12')] },
      ],
    },
    { type: 'image', version: 1, mediaId, altText: 'The quay', caption: 'Boats at the quay', credit: 'Photo: Jo Berg' },
    { type: 'horizontalrule', version: 1 },
    { type: 'pullquote', version: 1, quote: 'A harbour is its ferries', attribution: 'the harbour master' },
    paragraphNode([textNode('The first boat leaves on Monday.')]),
  ]);
}
