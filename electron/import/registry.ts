import { bookmarksImporter } from './formats/bookmarks.ts';
import { browserBookmarksJsonImporter } from './formats/browser-bookmarks-json.ts';
import { docxImporter } from './formats/docx.ts';
import { evernoteImporter } from './formats/evernote.ts';
import { feedImporter } from './formats/feed.ts';
import { htmlImporter } from './formats/html.ts';
import { instapaperImporter } from './formats/instapaper.ts';
import { markdownImporter } from './formats/markdown.ts';
import { omnivoreImporter } from './formats/omnivore.ts';
import { pinboardImporter } from './formats/pinboard.ts';
import { pocketImporter } from './formats/pocket.ts';
import { raindropImporter } from './formats/raindrop.ts';
import { readwiseReaderImporter } from './formats/readwise-reader.ts';
import { wallabagImporter } from './formats/wallabag.ts';
import { plainTextImporter } from './formats/plain-text.ts';
import type { Importer, ImportSource } from './types.ts';

/**
 * Every import format Dateline knows, in the order they are asked: the exports of other apps
 * (recognised by their content) before the general formats that share their extensions.
 * Add one line per format.
 */
export const importers: readonly Importer[] = [
  pocketImporter,
  instapaperImporter,
  raindropImporter,
  readwiseReaderImporter,
  omnivoreImporter,
  wallabagImporter,
  bookmarksImporter,
  browserBookmarksJsonImporter,
  pinboardImporter,
  evernoteImporter,
  feedImporter,
  plainTextImporter,
  htmlImporter,
  markdownImporter,
  docxImporter,
];

export function findImporter(source: ImportSource): Importer | undefined {
  return importers.find((importer) => importer.accepts(source));
}

/** The extensions people pick files by (a file with none, such as Chrome’s `Bookmarks`, is still recognised by its content). */
export const supportedExtensions: readonly string[] = [...new Set(importers.flatMap((importer) => importer.extensions))].filter(Boolean);
