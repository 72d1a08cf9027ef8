const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

export interface SnippetPart {
  text: string;
  match: boolean;
}

/**
 * Splits a search snippet (escaped text with matches in <mark>…</mark>) into plain text
 * runs, so it can be shown without ever being parsed as HTML.
 */
export function snippetParts(marked: string): SnippetPart[] {
  return marked.split(/<\/?mark>/).map((part, index) => ({
    text: part.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity),
    match: index % 2 === 1,
  }));
}
