import { listQuerySchema, searchQuerySchema, type ListQuery, type SearchQuery } from '../../electron/common/model.ts';
import * as articles from '../../electron/library/articles.ts';
import type { Library } from '../../electron/library/library.ts';
import * as search from '../../electron/library/search.ts';

/**
 * The library's list and search take queries the contract has checked. Tests write them as
 * a window would send them, and these check them the same way first.
 */
export const searchQuery = (query: SearchQuery) => searchQuerySchema.parse(query);

export const searchArticles = (library: Library, query: SearchQuery) => search.searchArticles(library, searchQuery(query));

export const listArticles = (library: Library, query: ListQuery = {}) => articles.listArticles(library, listQuerySchema.parse(query));

export const listArticleIds = (library: Library, query: ListQuery, limit: number) =>
  articles.listArticleIds(library, listQuerySchema.parse(query), limit);
