import type { z } from 'zod';

/**
 * What a node of the editor is, apart from how the editor draws it (Koenig's split of a
 * card's data from its view): its Lexical type name and version, the payload it stores, and
 * its HTML, text and Markdown forms. The renderer's Lexical node, the Node side's
 * editor-state → HTML/text, HTML → editor state and the exporters all read one definition.
 * Browser-safe: no Node, no server-side DOM.
 */
export interface EditorNodeDefinition<Payload> {
  /** Lexical's type name, as stored in the editor state. */
  readonly type: string;
  readonly version: number;
  /** The elements (upper case) its HTML form may be written as, for readers that dispatch by tag. */
  readonly tags: readonly string[];
  /** Checks a payload read from disk or a clipboard; a field that is wrong takes its default. */
  readonly payload: z.ZodType<Payload>;
  /** The library's safe HTML for it (every string escaped). Empty when it shows nothing. */
  html(payload: Payload): string;
  /** The words it adds to the story's body text (search, counts): none for what repeats or
   *  describes the story (a pull quote, a caption). */
  bodyText(payload: Payload): string;
  /** How a person reads it in plain text (the plain-text export). */
  readableText(payload: Payload): string;
  /** Its Markdown, given how a library picture is addressed in the file being written. */
  markdown(payload: Payload, media: MediaAddress): string;
  /** Whether an element of HTML is this node's HTML form. */
  matches(element: ElementLike): boolean;
  /** Its payload read back from its HTML form, or null when the element holds none. */
  read(element: ElementLike, media: MediaLookup): Payload | null;
}

/** How a library picture's address is written in an export (a data: URI, a file beside it). */
export type MediaAddress = (mediaId: number) => string;

/** The library picture an image address names, or null (a picture from the web, not kept). */
export type MediaLookup = (src: string) => number | null;

/** The part of an element, in a browser's DOM or linkedom's, that reading a node needs. */
export interface ElementLike {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly classList: { contains(name: string): boolean };
  getAttribute(name: string): string | null;
  querySelector(selector: string): ElementLike | null;
}
