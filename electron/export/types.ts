import type { Article, Highlight } from '../common/model.ts';
import type { StoredMedia } from '../library/media.ts';

/** What an exporter may ask of the app besides the article. */
export interface ExportContext {
  media(id: number): StoredMedia | null;
  /** The article's highlights, in reading order; none when not given. */
  highlights?: (articleId: number) => Highlight[];
  /** Turns a standalone page into a PDF; only the desktop app can. */
  printToPdf?: (html: string) => Promise<Uint8Array>;
}

/** One export format: how it is named to people, and how an article becomes a file. */
export interface Exporter {
  readonly id: string;
  readonly label: string;
  readonly extension: string;
  readonly mimeType: string;
  /** Text a terminal can show (the CLI prints it when no file is named), or bytes for a file. */
  readonly writes: 'text' | 'bytes';
  render(article: Article, context: ExportContext): string | Uint8Array | Promise<string | Uint8Array>;
}
