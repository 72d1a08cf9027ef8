import type { NewSavedArticle } from '../library/articles.ts';

/** One file handed to the importers: its name (for the extension) and its bytes. */
export interface ImportSource {
  name: string;
  bytes: Uint8Array;
}

/**
 * One import format. `accepts` decides from the name (and, where names say nothing, the
 * bytes); `parse` turns the bytes into articles or throws a DatelineError whose message a
 * person understands.
 */
export interface Importer {
  readonly id: string;
  readonly label: string;
  readonly extensions: readonly string[];
  accepts(source: ImportSource): boolean;
  parse(source: ImportSource): NewSavedArticle[] | Promise<NewSavedArticle[]>;
}

export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}
