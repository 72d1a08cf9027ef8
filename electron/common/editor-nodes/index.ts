import { imageNode } from './image.ts';
import { pullQuoteNode } from './pull-quote.ts';
import type { EditorNodeDefinition, ElementLike } from './types.ts';

/**
 * The editor's own nodes, one line each. Lexical's built-in nodes (paragraphs, headings,
 * quotes, lists, tables, links, rules) bring their own DOM forms; these are Dateline's.
 * Adding one: its module beside this one, a line here, and its Lexical node in the renderer.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a table of nodes with payloads of their own
export const EDITOR_NODES: readonly EditorNodeDefinition<any>[] = [imageNode, pullQuoteNode];

const byType = new Map(EDITOR_NODES.map((definition) => [definition.type, definition]));

/** The definition of a stored node's type, or undefined for Lexical's own. */
export function editorNodeOf(type: unknown): EditorNodeDefinition<unknown> | undefined {
  return typeof type === 'string' ? byType.get(type) : undefined;
}

/** The definition whose HTML form `element` is, if any. */
export function editorNodeMatching(element: ElementLike): EditorNodeDefinition<unknown> | undefined {
  return EDITOR_NODES.find((definition) => definition.matches(element));
}
