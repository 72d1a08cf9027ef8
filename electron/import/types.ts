import type { NewSavedArticle } from '../library/saved-articles.ts';

/** One file handed to the importers: its name (for the extension) and its bytes. */
export interface ImportSource {
  name: string;
  bytes: Uint8Array;
}

/**
 * An entry of an export that cannot be kept (an address that is not a web address), with
 * why: it is reported with the file, never dropped in silence.
 */
export interface LeftOutEntry {
  leftOut: string;
  title: string;
}

/** How a file was read, when it matters to the person (bytes that were not text, replaced). */
export interface ImportNote {
  note: string;
}

/** What a file holds: articles, the entries left out, and notes on how it was read. */
export type ImportEntry = NewSavedArticle | LeftOutEntry | ImportNote;

export function isLeftOut(entry: ImportEntry): entry is LeftOutEntry {
  return 'leftOut' in entry;
}

export function isNote(entry: ImportEntry): entry is ImportNote {
  return 'note' in entry;
}

export function isArticle(entry: ImportEntry): entry is NewSavedArticle {
  return !isLeftOut(entry) && !isNote(entry);
}

/**
 * One import format. `accepts` decides from the name (and, where names say nothing, the
 * bytes); `parse` turns the bytes into articles (and entries left out) or throws a
 * DatelineError whose message a person understands.
 */
export interface Importer {
  readonly id: string;
  readonly label: string;
  readonly extensions: readonly string[];
  /** What it reads, for a file of its extension that nothing recognised ("Pocket exports (title, url, …)"). */
  readonly reads?: string;
  accepts(source: ImportSource): boolean;
  parse(source: ImportSource): ImportEntry[] | Promise<ImportEntry[]>;
}

export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}
