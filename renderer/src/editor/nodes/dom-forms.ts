import type { DOMConversionMap, DOMExportOutput, LexicalNode } from 'lexical';
import { mediaIdFromUrl } from '../../../../electron/common/media-url.ts';
import type { EditorNodeDefinition, ElementLike } from '../../../../electron/common/editor-nodes/types.ts';

/**
 * The DOM forms of the editor's own nodes, from their one definition: what a copy puts on
 * the clipboard is the library's own HTML for the node, and a paste of that HTML (from this
 * draft or another) becomes the node again, captions, credits and attributions whole.
 */

/** A node's HTML form as an element, for Lexical's `exportDOM`. */
export function exportOwnDOM<Payload>(definition: EditorNodeDefinition<Payload>, payload: Payload): DOMExportOutput {
  const template = document.createElement('template');
  template.innerHTML = definition.html(payload);
  return { element: template.content.firstElementChild as HTMLElement | null };
}

/** The payload an element of pasted HTML holds for `definition`, or null. */
export function readOwn<Payload>(definition: EditorNodeDefinition<Payload>, element: Element): Payload | null {
  const like = element as unknown as ElementLike;
  return definition.matches(like) ? definition.read(like, mediaIdFromUrl) : null;
}

/** Lexical's `importDOM` map for a node: each of its tags, read by its definition. */
export function importOwnDOM<Payload>(
  definition: EditorNodeDefinition<Payload>,
  create: (payload: Payload) => LexicalNode,
): DOMConversionMap {
  const conversion = (element: HTMLElement) => {
    const payload = readOwn(definition, element);
    return payload === null ? null : { conversion: () => ({ node: create(payload) }), priority: 3 as const };
  };
  return Object.fromEntries(definition.tags.map((tag) => [tag.toLowerCase(), conversion]));
}
