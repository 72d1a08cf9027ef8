import { getArticle } from '../../library/articles.ts';
import { addHighlight, deleteHighlight, findHighlights, listHighlights, updateHighlight } from '../../library/highlights.ts';
import type { Services } from './services.ts';
import type { HandlersOf } from './types.ts';

export function highlightHandlers({ library, emit }: Services): HandlersOf<'highlights'> {
  const changedIn = (articleId: number) => emit('highlights.changed', { articleId });
  return {
    'highlights.list': ({ id }) => {
      getArticle(library, id);
      return listHighlights(library, id);
    },
    'highlights.add': (input) => {
      const highlight = addHighlight(library, input);
      changedIn(highlight.articleId);
      return highlight;
    },
    'highlights.update': ({ id, patch }) => {
      const highlight = updateHighlight(library, id, patch);
      changedIn(highlight.articleId);
      return highlight;
    },
    'highlights.delete': ({ id }) => {
      const highlight = deleteHighlight(library, id);
      changedIn(highlight.articleId);
      return highlight;
    },
    'highlights.find': (query) => findHighlights(library, query),
  };
}
