import type { Article } from '../common/model.ts';

/** One export format: how it is named to people, and how an article becomes a file. */
export interface Exporter {
  readonly id: string;
  readonly label: string;
  readonly extension: string;
  readonly mimeType: string;
  render(article: Article): string | Uint8Array;
}
