import { call } from '../client/api.ts';

/** Asks, then deletes. Resolves true when the article is gone; throws an ApiError if deleting failed. */
export async function confirmAndDelete(id: number, question: string): Promise<boolean> {
  if (!window.confirm(question)) return false;
  await call('articles.delete', { id });
  return true;
}
