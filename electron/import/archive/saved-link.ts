import type { ImportedHighlight, NewSavedArticle } from '../../library/articles.ts';
import { absoluteUrl } from '../html/metadata.ts';

export interface LinkEntry {
  url: string;
  title?: string;
  tags?: string[];
  createdAt?: number | null;
  read?: boolean;
  archived?: boolean;
  favorite?: boolean;
  highlights?: ImportedHighlight[];
}

/**
 * An entry that brings only an address: kept as a saved link, marked "not downloaded yet",
 * so importing never waits on the network. Null for anything that is not a web address.
 */
export function savedLink(entry: LinkEntry): NewSavedArticle | null {
  const url = absoluteUrl(entry.url.trim(), null);
  if (!url) return null;
  return {
    title: entry.title?.trim() || url,
    sourceName: new URL(url).hostname.replace(/^www\./, ''),
    sourceUrl: url,
    canonicalUrl: url,
    html: '',
    text: '',
    tags: [...new Set((entry.tags ?? []).map((tag) => tag.trim()).filter(Boolean))],
    createdAt: entry.createdAt ?? undefined,
    read: entry.read,
    archived: entry.archived,
    favorite: entry.favorite,
    highlights: entry.highlights,
    linkOnly: true,
  };
}

/** Seconds since 1970 (as exports write them) or an ISO date, to milliseconds. */
export function timeOf(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number' || /^\d+$/.test(String(value))) {
    const number = Number(value);
    return number < 1e12 ? number * 1000 : number;
  }
  const parsed = Date.parse(String(value));
  return Number.isFinite(parsed) ? parsed : null;
}

export function compact<T>(items: (T | null)[]): T[] {
  return items.filter((item): item is T => item !== null);
}
