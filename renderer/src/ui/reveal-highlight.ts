/**
 * A highlight to show once its article is open (chosen in the library-wide list): the
 * reading view takes it after painting its highlights.
 */
let pending: { articleId: number; highlightId: number } | null = null;

const listeners = new Set<(articleId: number) => void>();

export function revealWhenOpen(articleId: number, highlightId: number): void {
  pending = { articleId, highlightId };
  for (const listener of listeners) listener(articleId);
}

/** Told of each highlight chosen, for an article that is open already. */
export function onReveal(listener: (articleId: number) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The highlight waiting to be shown in this article, taken once. */
export function takeReveal(articleId: number): number | null {
  if (pending?.articleId !== articleId) return null;
  const { highlightId } = pending;
  pending = null;
  return highlightId;
}
