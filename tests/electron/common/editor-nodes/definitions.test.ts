import { describe, expect, it } from 'vitest';
import { EDITOR_NODES } from '../../../../electron/common/editor-nodes/index.ts';
import { deriveContent, editorStateJson, paragraphNode, textNode } from '../../../../electron/common/editor-state.ts';
import { libraryMediaUrl, mediaIdFromUrl } from '../../../../electron/common/media-url.ts';
import { htmlToReadableText } from '../../../../electron/common/node/html-blocks.ts';
import { parseBody } from '../../../../electron/common/node/html-dom.ts';
import { htmlToDraft } from '../../../../electron/import/html-to-editor.ts';

/**
 * Every node the editor has leaves as HTML and comes back as the same node, every field
 * whole, through the one definition each reads. A node added to the table without a sample
 * here fails the first test.
 */
const SAMPLES: Record<string, Record<string, unknown>> = {
  image: { mediaId: 12, altText: 'Boats at the "north" quay', caption: 'The quay at dawn & after', credit: 'Ana Lima' },
  pullquote: { quote: 'We cannot wait <another> winter', attribution: 'the harbour master' },
};

const storyWith = (type: string, version: number) =>
  editorStateJson([paragraphNode([textNode('The council met.')]), { type, version, ...SAMPLES[type] }]);

describe('the editor’s own nodes', () => {
  it('each has a sample here', () => {
    expect(EDITOR_NODES.map((definition) => definition.type).sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  for (const definition of EDITOR_NODES) {
    describe(definition.type, () => {
      it('comes back from its HTML as the same node, every field whole', () => {
        const { html } = deriveContent(storyWith(definition.type, definition.version));
        const draft = htmlToDraft(html, mediaIdFromUrl);
        const nodes = (JSON.parse(draft.editorState) as { root: { children: Record<string, unknown>[] } }).root.children;
        expect(nodes.find((node) => node.type === definition.type)).toEqual({
          type: definition.type,
          version: definition.version,
          ...SAMPLES[definition.type],
        });
      });

      it('reads its payload from its HTML form', () => {
        const payload = definition.payload.parse(SAMPLES[definition.type]);
        const element = parseBody(definition.html(payload)).children[0]!;
        expect(definition.matches(element)).toBe(true);
        expect(definition.read(element, mediaIdFromUrl)).toEqual(payload);
      });

      it('adds no words to the body text, and shows its words in the readable text', () => {
        const { html, text } = deriveContent(storyWith(definition.type, definition.version));
        expect(text).toBe('The council met.');
        const readable = definition.readableText(definition.payload.parse(SAMPLES[definition.type]));
        expect(htmlToReadableText(html)).toContain(readable);
      });

      it('takes a default for a field that is missing or of the wrong kind', () => {
        const broken = Object.fromEntries(Object.keys(SAMPLES[definition.type]!).map((key) => [key, { not: 'a value' }]));
        expect(() => definition.payload.parse(broken)).not.toThrow();
      });
    });
  }

  it('a picture’s Markdown addresses it as the export says, with its caption and credit', () => {
    const image = EDITOR_NODES.find((definition) => definition.type === 'image')!;
    const markdown = image.markdown(image.payload.parse(SAMPLES.image), (id) => `media/${id}.png`);
    // Markdown has no caption: a captioned picture is its HTML figure, caption and credit apart.
    expect(markdown).toBe(
      '<figure><img src="media/12.png" alt="Boats at the &quot;north&quot; quay"><figcaption>The quay at dawn &amp; after <span class="credit">Ana Lima</span></figcaption></figure>',
    );
    const plain = image.markdown(image.payload.parse({ ...SAMPLES.image, caption: '', credit: '' }), (id) => `media/${id}.png`);
    expect(plain).toBe('![Boats at the "north" quay](media/12.png)');
    expect(image.markdown(image.payload.parse({ ...SAMPLES.image, mediaId: 0 }), libraryMediaUrl)).toBe('');
  });
});
