/** What the crash writer says it is doing, and has done. */
export type Write =
  | { op: 'save'; id: number; text: string }
  | { op: 'draft'; title: string; id?: number }
  | { op: 'import'; token: string; id?: number }
  | { op: 'tags'; id: number; tags: string[] };

export function paragraphState(text: string): string {
  return JSON.stringify({ root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text, format: 0 }] }] } });
}
