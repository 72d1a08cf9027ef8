import type { DomDocument } from '../../common/node/html-dom.ts';
import { keptTime } from '../../common/time.ts';
import { normalizeSpace } from '../../common/text.ts';

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  dek: string | null;
  siteName: string | null;
  canonicalUrl: string | null;
  publishedAt: number | null;
  language: string | null;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|Report)$/;

/**
 * What a page says about itself, most trustworthy first: JSON-LD, then Open Graph and other
 * <meta> tags, then plain HTML. Unparseable JSON-LD is skipped, never fatal.
 */
export function readMetadata(document: DomDocument, pageUrl: string | null): PageMetadata {
  const meta = (selector: string) => normalizeSpace(document.querySelector(selector)?.getAttribute('content') ?? '') || null;
  const ld = jsonLdArticle(document);
  const siteName = text(ld?.publisher, 'name') ?? meta('meta[property="og:site_name"]') ?? meta('meta[name="application-name"]');
  const headings = Array.from(document.querySelectorAll('h1'));
  const onlyHeading = headings.length === 1 ? normalizeSpace(headings[0]!.textContent ?? '') || null : null;
  const rawTitle =
    text(ld, 'headline') ??
    meta('meta[property="og:title"]') ??
    meta('meta[name="twitter:title"]') ??
    onlyHeading ??
    (normalizeSpace(document.querySelector('title')?.textContent ?? '') || null);
  const canonical =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta('meta[property="og:url"]') ?? text(ld, 'url');
  const published =
    text(ld, 'datePublished') ??
    meta('meta[property="article:published_time"]') ??
    meta('meta[name="date"]') ??
    document.querySelector('time[datetime]')?.getAttribute('datetime') ??
    null;
  return {
    title: rawTitle ? withoutSiteSuffix(rawTitle, siteName) : null,
    byline: authors(ld?.author) ?? meta('meta[name="author"]') ?? meta('meta[property="article:author"]'),
    dek: text(ld, 'description') ?? meta('meta[property="og:description"]') ?? meta('meta[name="description"]'),
    siteName,
    canonicalUrl: absoluteUrl(canonical, pageUrl),
    publishedAt: timeOf(published),
    language:
      (document.documentElement.getAttribute('lang') ?? text(ld, 'inLanguage') ?? meta('meta[property="og:locale"]'))?.replace('_', '-') ??
      null,
  };
}

type Json = Record<string, unknown>;

function jsonLdArticle(document: DomDocument): Json | null {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const found = candidates(data).find((item) =>
      [item['@type']].flat().some((type) => typeof type === 'string' && ARTICLE_TYPES.test(type)),
    );
    if (found) return found;
  }
  return null;
}

function candidates(data: unknown): Json[] {
  if (Array.isArray(data)) return data.flatMap(candidates);
  if (!data || typeof data !== 'object') return [];
  const item = data as Json;
  return [item, ...(Array.isArray(item['@graph']) ? item['@graph'].flatMap(candidates) : [])];
}

function text(object: unknown, key: string): string | null {
  const value = object && typeof object === 'object' ? (object as Json)[key] : undefined;
  if (typeof value === 'string') return normalizeSpace(value) || null;
  if (value && typeof value === 'object' && typeof (value as Json)['@id'] === 'string' && key === 'url')
    return String((value as Json)['@id']);
  return null;
}

function authors(value: unknown): string | null {
  const names = [value]
    .flat()
    .map((author) => (typeof author === 'string' ? author : text(author, 'name')))
    .filter((name): name is string => Boolean(name));
  return names.length ? names.join(', ') : null;
}

/** "Storm closes port | Harbour Times" → "Storm closes port". */
export function withoutSiteSuffix(title: string, siteName: string | null): string {
  const parts = title.split(/\s+[|–—-]\s+/);
  if (parts.length < 2) return title;
  const last = parts.at(-1)!;
  const isSite = siteName
    ? last.toLowerCase() === siteName.toLowerCase()
    : last.length <= 40 && parts.slice(0, -1).join(' ').length > last.length;
  return isSite ? parts.slice(0, -1).join(' – ') : title;
}

export function absoluteUrl(href: string | null | undefined, base: string | null): string | null {
  if (!href) return null;
  try {
    const url = base ? new URL(href, base) : new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function timeOf(value: string | null): number | null {
  if (!value) return null;
  return keptTime(Date.parse(value));
}
