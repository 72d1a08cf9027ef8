import { getArticle } from '../../library/articles.ts';
import { restoreRevision } from '../../library/drafts.ts';
import { getRevision, listRevisions, takeRevision } from '../../library/revisions.ts';
import type { Services } from './services.ts';
import type { HandlersOf } from './types.ts';

export function revisionHandlers({ library, changed }: Services): HandlersOf<'revisions'> {
  return {
    'revisions.list': ({ id }) => {
      getArticle(library, id);
      return listRevisions(library, id);
    },
    'revisions.get': ({ revisionId }) => getRevision(library, revisionId),
    'revisions.create': ({ id, label }) => {
      const revisionId = library.write(() => takeRevision(library, id, 'manual', label || null));
      const { text: _text, editorState: _state, dek: _dek, ...summary } = getRevision(library, revisionId);
      return summary;
    },
    'revisions.restore': ({ revisionId }) => {
      const article = restoreRevision(library, revisionId);
      changed([article.id]);
      return article;
    },
  };
}
