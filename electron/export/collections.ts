import { DatelineError } from '../common/errors.ts';
import { getArticle, listArticleIds } from '../library/articles.ts';
import type { Library } from '../library/library.ts';
import { searchArticles } from '../library/search.ts';
import { libraryExportContext } from './context.ts';
import { buildEpub } from './epub.ts';
import { fileStem, type ExportedFile } from './registry.ts';

/** Most articles one book holds: a tag's newest, or a search's best. */
export const BOOK_LIMIT = { tag: 500, search: 200 } as const;

export type BookSource = { tag: string } | { query: string };

/** Every article of a tag (newest first) or of a search (best first) as one EPUB. */
export function exportBook(library: Library, source: BookSource): ExportedFile {
  const { title, ids } =
    'tag' in source
      ? { title: `Tag: ${source.tag}`, ids: listArticleIds(library, { view: 'all', sort: 'saved', tag: source.tag }, BOOK_LIMIT.tag) }
      : {
          title: `Search: ${source.query}`,
          ids: searchArticles(library, { query: source.query, limit: BOOK_LIMIT.search }).results.map((result) => result.id),
        };
  if (ids.length === 0) throw new DatelineError('NOT_FOUND', 'No articles match, so there is nothing to put in the book.');
  const bytes = buildEpub({ title, articles: ids.map((id) => getArticle(library, id)) }, libraryExportContext(library));
  return { fileName: `${fileStem(title)}.epub`, mimeType: 'application/epub+zip', bytes };
}
