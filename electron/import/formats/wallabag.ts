import { DatelineError } from '../../common/errors.ts';
import { timeOf } from '../archive/saved-link.ts';
import { exportJson, isRecord, listField, namesIn, notAnEntry, textField } from '../archive/fields.ts';
import { storedArticle, type StoredEntry } from '../archive/stored-article.ts';
import { extensionOf, type Importer } from '../types.ts';

/** How far into the file its first entry's fields are looked for (a v1 entry repeats its content first). */
const SNIFF_BYTES = 1 << 20;

/**
 * Wallabag's JSON export: whole articles with their state, tags and annotations. Version 2
 * writes `is_archived`/`is_starred`; version 1 wrote `is_read`/`is_fav` as "0" and "1", its
 * tags as one comma-separated text, and "Untitled" (in the person's language) for no title.
 */
export const wallabagImporter: Importer = {
  id: 'wallabag',
  label: 'Wallabag export',
  extensions: ['.json'],
  accepts: (source) => {
    if (extensionOf(source.name) !== '.json') return false;
    const head = new TextDecoder('latin1').decode(source.bytes.subarray(0, SNIFF_BYTES));
    return /"is_archived"\s*:/.test(head) || (/"is_read"\s*:/.test(head) && /"is_fav"\s*:/.test(head));
  },
  parse: async (source) => {
    const entries = exportJson(source.bytes, 'This Wallabag export');
    if (!Array.isArray(entries)) throw new DatelineError('IMPORT_FAILED', 'This Wallabag export does not hold a list of entries.');
    return Promise.all(entries.map((entry: unknown, index) => (isRecord(entry) ? storedArticle(fromWallabag(entry)) : notAnEntry(index))));
  },
};

/** What version 1 wrote as the title of a page it found none for, in each of its languages. */
const UNTITLED = new Set([
  'Untitled',
  'Sans titre',
  'podle nadpisu',
  'Sin título',
  'با عنوان',
  'per titolo',
  'Sem título',
  'Без названия',
  'po naslovu',
  'Без назви',
  'No title found',
]);

/** 1, true, "1" and "true" (version 1 wrote every number as text); anything else is no. */
function flag(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 'true';
}

function fromWallabag(entry: Record<string, unknown>): StoredEntry {
  const title = textField(entry.title)?.trim();
  const archived = flag(entry.is_archived ?? entry.is_read);
  return {
    url: textField(entry.url) ?? '',
    title: title && !UNTITLED.has(title) ? title : undefined,
    html: textField(entry.content),
    tags:
      typeof entry.tags === 'string'
        ? entry.tags
            .split(',')
            .map((tag) => tag.trim())
            .filter(Boolean)
        : namesIn(entry.tags, 'label'),
    createdAt: timeOf(entry.created_at),
    publishedAt: timeOf(entry.published_at),
    byline: [entry.published_by]
      .flat()
      .flatMap((name) => textField(name) ?? [])
      .join(', '),
    language: textField(entry.language) ?? null,
    archived,
    read: archived,
    favorite: flag(entry.is_starred ?? entry.is_fav),
    highlights: listField(entry.annotations)
      .filter(isRecord)
      .flatMap((annotation) => {
        const quote = textField(annotation.quote);
        return quote ? [{ quote, note: textField(annotation.text) ?? '' }] : [];
      }),
  };
}
