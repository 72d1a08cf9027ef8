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
  const meta = (selector: string) =>
    decodeEntitiesOnce(normalizeSpace(document.querySelector(selector)?.getAttribute('content') ?? '')) || null;
  const firstMeta = (selectors: readonly string[]) => selectors.map(meta).find((value) => value !== null) ?? null;
  const ld = jsonLdArticle(document);
  const siteName = text(ld?.publisher, 'name') ?? meta('meta[property="og:site_name"]') ?? meta('meta[name="application-name"]');
  const headings = Array.from(document.querySelectorAll('h1'));
  const storyHeading =
    document.querySelector('article h1, [itemprop="headline"], main h1') ?? (headings.length === 1 ? headings[0]! : null);
  const pageTitle = normalizeSpace(document.querySelector('title')?.textContent ?? '') || null;
  const title = chooseHeadline(
    [
      text(ld, 'headline'),
      meta('meta[property="og:title"]'),
      meta('meta[name="twitter:title"]'),
      pageTitle,
      normalizeSpace(storyHeading?.textContent ?? '') || null,
    ],
    siteName,
  );
  const canonical =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta('meta[property="og:url"]') ?? text(ld, 'url');
  const published =
    text(ld, 'datePublished') ??
    text(ld, 'dateCreated') ??
    firstMeta(PUBLISHED_META) ??
    document.querySelector('[itemprop="datePublished"][datetime], time[pubdate][datetime]')?.getAttribute('datetime') ??
    document.querySelector('time[datetime]')?.getAttribute('datetime') ??
    null;
  return {
    title,
    byline:
      [authors(ld?.author), firstMeta(AUTHOR_META), meta('meta[property="article:author"]'), pageByline(document)]
        .map((candidate) => (candidate ? cleanByline(candidate) : null))
        .find((candidate) => candidate !== null) ?? null,
    dek: decodeEntitiesOnce(text(ld, 'description') ?? '') || meta('meta[property="og:description"]') || meta('meta[name="description"]'),
    siteName,
    canonicalUrl: absoluteUrl(canonical, pageUrl),
    publishedAt: timeOf(published),
    language:
      (document.documentElement.getAttribute('lang') ?? text(ld, 'inLanguage') ?? meta('meta[property="og:locale"]'))?.replace('_', '-') ??
      null,
  };
}

/** Where templates put the publication time, besides JSON-LD, most common first. */
const PUBLISHED_META = [
  'meta[property="article:published_time"]',
  'meta[property="og:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="publish-date"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="sailthru.date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="date"]',
] as const;

/** Where templates name the author in a <meta> (a news site's "byl" says "By …"). */
const AUTHOR_META = [
  'meta[name="author"]',
  'meta[name="byl"]',
  'meta[name="parsely-author"]',
  'meta[name="sailthru.author"]',
  'meta[name="dc.creator"]',
  'meta[name="DC.creator"]',
] as const;

type Json = Record<string, unknown>;

function jsonLdArticle(document: DomDocument): Json | null {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      // Some templates wrap their JSON-LD in (commented) CDATA markers.
      const json = (script.textContent ?? '').replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[/, '').replace(/(?:\/\/\s*)?\]\]>\s*$/, '');
      data = JSON.parse(json);
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

/**
 * "Storm closes port | Harbour Times" → "Storm closes port". Only the last separator is cut
 * at, and the headline keeps its own characters (its dashes included) as written.
 */
export function withoutSiteSuffix(title: string, siteName: string | null): string {
  const separators = [...title.matchAll(/\s+[|–—·:-]\s+/g)];
  const last = separators.at(-1);
  if (!last) return title;
  const head = title.slice(0, last.index).trim();
  const tail = title.slice(last.index + last[0].length).trim();
  const isSite = siteName
    ? comparable(tail) === comparable(siteName) || (tail.length >= 3 && comparable(siteName).startsWith(comparable(tail)))
    : tail.length <= 40 && head.length > tail.length && last[0].trim() !== ':';
  return isSite && head ? head : title;
}

/** Text as compared between sources: case, spacing, dashes and quotes do not count. */
function comparable(value: string): string {
  return value
    .toLowerCase()
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The headline the page's sources agree on: JSON-LD of an article type, Open Graph, Twitter,
 * the <title> without the site's name, the story's own heading. Each candidate scores one
 * for every other source that says the same (or starts with it, as a <title> often does);
 * the best scored wins, the more trusted first on a tie. A heading that no other source
 * backs (a section name in the only <h1>) loses to ones that agree.
 */
function chooseHeadline(sources: (string | null)[], siteName: string | null): string | null {
  const candidates = sources
    .map((source) => (source ? withoutSiteSuffix(source, siteName) : null))
    .filter((value): value is string => Boolean(value) && (!siteName || comparable(value!) !== comparable(siteName)));
  if (candidates.length === 0) return sources.find(Boolean) ?? null;
  let best = candidates[0]!;
  let bestScore = -1;
  for (const [index, candidate] of candidates.entries()) {
    const mine = comparable(candidate);
    // Counted by place, not by value: two sources saying the same are two votes for it.
    const score = candidates.filter((other, at) => at !== index && agrees(mine, comparable(other))).length;
    if (score > bestScore || (score === bestScore && fuller(mine, comparable(best)))) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Of two that agree, the one that goes on where the other stops ("Café owners protest" in
 * the <title>, "Café owners protest new rules" in the story), unless what it adds is only a
 * site's name after a separator.
 */
function fuller(candidate: string, best: string): boolean {
  return candidate.length > best.length && candidate.startsWith(best) && !/^\s*[|–—·:-]\s/.test(candidate.slice(best.length));
}

function agrees(a: string, b: string): boolean {
  return a === b || (a.length >= 12 && b.startsWith(a)) || (b.length >= 12 && a.startsWith(b));
}

const PROFILE_OR_CALL =
  /^(https?:|www\.)|\/|@|\b(follow|subscribe|sign up|newsletter|more (by|from)|view all|all articles|staff|contributor page|e-?mail)\b/i;
const DATE_LIKE =
  /\b(\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(minutes?|hours?|days?|weeks?) ago|updated|published)\b/i;

/**
 * A byline is a person's name, or several: never an address, a date, a call to follow or
 * subscribe, or a sentence. "By", "Written by" and "Words:" in front are dropped.
 */
export function cleanByline(value: string): string | null {
  const name = normalizeSpace(value)
    .replace(/^(by|written by|words by|words|text|story by|reporting by|von|par|por)\s*[:\-–]?\s+/i, '')
    .replace(/^by\s+/i, '')
    .replace(/[\s,|·]+$/, '');
  if (!name || name.length > 120 || !/\p{L}/u.test(name)) return null;
  if (PROFILE_OR_CALL.test(name) || DATE_LIKE.test(name)) return null;
  const words = name.split(/\s+/).filter((word) => !/^(and|&|,)$/i.test(word));
  if (words.length > 12 || /[.!?]$/.test(name.replace(/\b[A-Z]\.$/, ''))) return null;
  return name;
}

/** The page's own byline line, read before it is taken out of the story. */
function pageByline(document: DomDocument): string | null {
  // Several authors are several links: each one's name, not the first alone.
  const linked = [
    ...new Set(Array.from(document.querySelectorAll('[rel="author"]'), (link) => normalizeSpace(link.textContent ?? ''))),
  ].filter(Boolean);
  if (linked.length) return linked.join(', ');
  const element = document.querySelector(
    '[itemprop="author"] [itemprop="name"], [class*="byline" i] [class*="name" i], [class*="author-name" i], [class*="byline" i], [itemprop="author"]',
  );
  return element ? normalizeSpace(element.textContent ?? '') || null : null;
}

/** Entities escaped twice by a template ("That&amp;#039;s" arrives as "That&#039;s") decoded once more. */
function decodeEntitiesOnce(value: string): string {
  if (!/&(#\d+|#x[\da-f]+|amp|quot|apos|lt|gt|nbsp);/i.test(value)) return value;
  return value
    .replace(/&#(\d+);/g, (_match, code: string) => safeChar(Number(code)))
    .replace(/&#x([\da-f]+);/gi, (_match, code: string) => safeChar(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

function safeChar(code: number): string {
  return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
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
