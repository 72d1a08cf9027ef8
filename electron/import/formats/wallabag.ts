import { DatelineError } from '../../common/errors.ts';
import { timeOf } from '../archive/saved-link.ts';
import { storedArticle } from '../archive/stored-article.ts';
import { decodeText } from '../decode.ts';
import { extensionOf, type Importer } from '../types.ts';

interface WallabagEntry {
  title?: string;
  url?: string;
  content?: string;
  is_archived?: number | boolean;
  is_starred?: number | boolean;
  tags?: (string | { label?: string })[];
  created_at?: string;
  published_at?: string;
  published_by?: string[] | string;
  language?: string;
  annotations?: { text?: string; quote?: string }[];
}

/** Wallabag's JSON export: whole articles with their state, tags and annotations. */
export const wallabagImporter: Importer = {
  id: 'wallabag',
  label: 'Wallabag export',
  extensions: ['.json'],
  accepts: (source) => extensionOf(source.name) === '.json' && /"is_archived"\s*:/.test(new TextDecoder('latin1').decode(source.bytes.subarray(0, 65536))),
  parse: async (source) => {
    let entries: unknown;
    try {
      entries = JSON.parse(decodeText(source.bytes));
    } catch {
      throw new DatelineError('IMPORT_FAILED', 'This Wallabag export is not valid JSON.');
    }
    if (!Array.isArray(entries)) throw new DatelineError('IMPORT_FAILED', 'This Wallabag export does not hold a list of entries.');
    return Promise.all(
      (entries as WallabagEntry[]).map((entry) =>
        storedArticle({
          url: entry.url ?? '',
          title: entry.title,
          html: entry.content,
          tags: (entry.tags ?? []).map((tag) => (typeof tag === 'string' ? tag : (tag.label ?? ''))),
          createdAt: timeOf(entry.created_at),
          publishedAt: timeOf(entry.published_at),
          byline: [entry.published_by ?? []].flat().join(', '),
          language: entry.language ?? null,
          archived: Boolean(entry.is_archived),
          read: Boolean(entry.is_archived),
          favorite: Boolean(entry.is_starred),
          highlights: (entry.annotations ?? []).filter((a) => a.quote).map((a) => ({ quote: a.quote!, note: a.text ?? '' })),
        }),
      ),
    );
  },
};
