import { DatelineError } from '../../common/errors.ts';
import { getArticle } from '../../library/articles.ts';
import { addMedia, getMedia, MEDIA_TYPES } from '../../library/media.ts';
import { base64, type Services } from './services.ts';
import type { HandlersOf } from './types.ts';

export function mediaHandlers({ library }: Services): HandlersOf<'media'> {
  return {
    'media.add': ({ articleId, mimeType, data }) => {
      getArticle(library, articleId);
      if (!MEDIA_TYPES.has(mimeType)) {
        throw new DatelineError('UNSUPPORTED', `Images of type ${mimeType} cannot be stored; use PNG, JPEG, GIF, WebP, AVIF or SVG.`);
      }
      return { id: library.write(() => addMedia(library, articleId, mimeType, Buffer.from(data, 'base64'))) };
    },
    'media.get': ({ id }) => {
      const media = getMedia(library, id);
      if (!media) throw new DatelineError('NOT_FOUND', `There is no image with id ${id}.`);
      return { mimeType: media.mimeType, data: base64(media.bytes) };
    },
  };
}
