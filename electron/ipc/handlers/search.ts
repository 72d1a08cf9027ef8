import type { Services } from './services.ts';
import type { HandlersOf } from './types.ts';

export function searchHandlers({ searcher }: Services): HandlersOf<'search'> {
  return {
    'search.query': (query) => searcher.search(query),
  };
}
