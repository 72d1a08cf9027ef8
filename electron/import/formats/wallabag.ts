import { DatelineError } from '../../common/errors.ts';
import { timeOf } from '../archive/saved-link.ts';
import { exportJson, isRecord, listField, namesIn, notAnEntry, textField } from '../archive/fields.ts';
import { storedArticle, type StoredEntry } from '../archive/stored-article.ts';
import { extensionOf, type Importer } from '../types.ts';

/** Wallabag's JSON export: whole articles with their state, tags and annotations. */
export const wallabagImporter: Importer = {
  id: 'wallabag',
  label: 'Wallabag export',
  extensions: ['.json'],
  accepts: (source) =>
    extensionOf(source.name) === '.json' && /"is_archived"\s*:/.test(new TextDecoder('latin1').decode(source.bytes.subarray(0, 65536))),
  parse: async (source) => {
    const entries = exportJson(source.bytes, 'This Wallabag export');
    if (!Array.isArray(entries)) throw new DatelineError('IMPORT_FAILED', 'This Wallabag export does not hold a list of entries.');
    return Promise.all(entries.map((entry: unknown, index) => (isRecord(entry) ? storedArticle(fromWallabag(entry)) : notAnEntry(index))));
  },
};

function fromWallabag(entry: Record<string, unknown>): StoredEntry {
  return {
    url: textField(entry.url) ?? '',
    title: textField(entry.title),
    html: textField(entry.content),
    tags: namesIn(entry.tags, 'label'),
    createdAt: timeOf(entry.created_at),
    publishedAt: timeOf(entry.published_at),
    byline: [entry.published_by]
      .flat()
      .flatMap((name) => textField(name) ?? [])
      .join(', '),
    language: textField(entry.language) ?? null,
    archived: Boolean(entry.is_archived),
    read: Boolean(entry.is_archived),
    favorite: Boolean(entry.is_starred),
    highlights: listField(entry.annotations)
      .filter(isRecord)
      .flatMap((annotation) => {
        const quote = textField(annotation.quote);
        return quote ? [{ quote, note: textField(annotation.text) ?? '' }] : [];
      }),
  };
}
