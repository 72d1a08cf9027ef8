import { tagArticles, untagArticles } from '../../library/bulk.ts';
import { deleteTag, listTags, renameTag, setArticleTags } from '../../library/tags.ts';
import type { Services } from './services.ts';
import type { HandlersOf } from './types.ts';

export function tagHandlers({ library, changed }: Services): HandlersOf<'tags'> {
  return {
    'tags.list': () => listTags(library),
    'tags.set': ({ id, tags }) => {
      const result = setArticleTags(library, id, tags);
      changed([id]);
      return { tags: result };
    },
    'tags.add': ({ ids, name }) => {
      const result = tagArticles(library, ids, name);
      changed(result);
      return { changed: result };
    },
    'tags.remove': ({ ids, name }) => {
      const result = untagArticles(library, ids, name);
      changed(result);
      return { changed: result };
    },
    'tags.rename': ({ from, to }) => {
      const result = renameTag(library, from, to);
      changed();
      return result;
    },
    'tags.delete': ({ name }) => {
      deleteTag(library, name);
      changed();
      return { name };
    },
  };
}
