import { deleteArticle, getArticle, listArticleIds, listArticles, setReadingProgress } from '../../library/articles.ts';
import { createDraft, saveDraft, startDraftFrom, updateArticle } from '../../library/drafts.ts';
import { deleteArticles, setStates } from '../../library/bulk.ts';
import { BULK_LIMIT } from '../../common/model.ts';
import { base64, type Services } from './services.ts';
import type { HandlersOf } from './types.ts';

export function articleHandlers({ library, changed, printToPdf }: Services): HandlersOf<'articles'> {
  return {
    'articles.list': (query) => listArticles(library, query),
    'articles.get': ({ id }) => getArticle(library, id),
    'articles.ids': (query) => ({ ids: listArticleIds(library, query, BULK_LIMIT) }),
    'articles.createDraft': (fields) => {
      const draft = createDraft(library, fields);
      changed([draft.id]);
      return draft;
    },
    'articles.update': ({ id, patch, expectedRevision }) => {
      const article = updateArticle(library, id, patch, expectedRevision);
      changed([id]);
      return article;
    },
    'articles.save': ({ id, patch, expectedRevision }) => {
      const saved = saveDraft(library, id, patch, expectedRevision);
      changed([id]);
      return saved;
    },
    'articles.setStates': ({ changes }) => {
      const previous = setStates(library, changes);
      changed(changes.map((change) => change.id));
      return { previous };
    },
    'articles.deleteMany': ({ ids }) => {
      const deleted = deleteArticles(library, ids);
      changed(deleted);
      return { ids: deleted };
    },
    'articles.delete': ({ id }) => {
      deleteArticle(library, id);
      changed([id]);
      return { id };
    },
    // Exporting and opening a file as a draft load their modules on first use (see export.ts).
    'articles.export': async ({ id, format }) => {
      const [{ exportArticle }, { libraryExportContext }] = await Promise.all([
        import('../../export/registry.ts'),
        import('../../export/context.ts'),
      ]);
      const file = await exportArticle(getArticle(library, id), format, libraryExportContext(library, printToPdf));
      return { fileName: file.fileName, mimeType: file.mimeType, data: base64(file.bytes) };
    },
    // No `changed`: the list shows progress, but a scroll is not worth reloading it for.
    'articles.setProgress': ({ id, progress }) => {
      setReadingProgress(library, id, progress);
      return {};
    },
    'articles.draftFrom': ({ id, excerpt }) => {
      const draft = startDraftFrom(library, id, excerpt);
      changed([draft.id]);
      return draft;
    },
    'articles.importDraft': async ({ name, data }) => {
      const { importAsDraft } = await import('../../import/drafts.ts');
      const draft = await importAsDraft(library, name, Buffer.from(data, 'base64'));
      changed([draft.id]);
      return draft;
    },
  };
}
