import type { ImportedHighlight, NewSavedArticle } from '../../library/saved-articles.ts';
import { keptTime } from '../../common/time.ts';
import { absoluteUrl } from '../html/metadata.ts';
import type { LeftOutEntry } from '../types.ts';

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
 * so importing never waits on the network. An entry whose address is not a web address
 * (javascript:, file:, none at all) is left out, and says so.
 */
export function savedLink(entry: LinkEntry): NewSavedArticle | LeftOutEntry {
  const url = absoluteUrl(entry.url.trim(), null);
  if (!url) return leftOutForAddress(entry);
  return {
    title: entry.title?.trim() || url,
    sourceName: new URL(url).hostname.replace(/^www\./, ''),
    sourceUrl: url,
    canonicalUrl: url,
    html: '',
    text: '',
    // Cleaned and made unique where every import's tags are: when the library stores them.
    tags: entry.tags ?? [],
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
    return keptTime(number < 1e12 ? number * 1000 : number);
  }
  return keptTime(Date.parse(String(value)));
}

function leftOutForAddress(entry: LinkEntry): LeftOutEntry {
  const address = entry.url.trim();
  const title = (entry.title ?? '').replace(/\s+/g, ' ').trim() || address || 'Untitled';
  return {
    leftOut: address ? 'its address is not a web (http or https) address' : 'it has no address',
    title: title.length > 120 ? `${title.slice(0, 119)}…` : title,
  };
}
