import { spacedText, type DomDocument, type DomElement } from '../../common/node/html-dom.ts';
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

/** schema.org's Article and every type under it (NewsArticle, ReportageNewsArticle, LiveBlogPosting, …). */
const ARTICLE_TYPES = /^(\w*Article|\w*BlogPosting|Report)$/;

/**
 * What a page says about itself, most trustworthy first: JSON-LD, then Open Graph and other
 * <meta> tags, then plain HTML. Unparseable JSON-LD is skipped, never fatal.
 */
export function readMetadata(document: DomDocument, pageUrl: string | null): PageMetadata {
  const meta = (selector: string) =>
    decodeEntitiesOnce(normalizeSpace(document.querySelector(selector)?.getAttribute('content') ?? '')) || null;
  const firstMeta = (selectors: readonly string[]) => selectors.map(meta).find((value) => value !== null) ?? null;
  const pageTitle = normalizeSpace(document.querySelector('title')?.textContent ?? '') || null;
  const ld = jsonLdArticle(document, {
    addresses: [pageUrl, document.querySelector('link[rel="canonical"]')?.getAttribute('href'), meta('meta[property="og:url"]')],
    titles: [meta('meta[property="og:title"]'), pageTitle, normalizeSpace(document.querySelector('h1')?.textContent ?? '')],
  });
  const siteName =
    (typeof ld?.publisher === 'string' ? normalizeSpace(ld.publisher) || null : null) ??
    text(ld?.publisher, 'name') ??
    meta('meta[property="og:site_name"]') ??
    meta('meta[name="application-name"]') ??
    microdata(document, '[itemprop="publisher"] [itemprop="name"]') ??
    siteNameInTitle(pageTitle, pageUrl, homeLinkNames(document, pageUrl));
  const headings = Array.from(document.querySelectorAll('h1'));
  const headingInStory = document.querySelector('article h1, main h1');
  const storyHeading = headingInStory ?? (headings.length === 1 ? headings[0]! : null);
  const visibleHeading = normalizeSpace(storyHeading?.textContent ?? '') || null;
  const title = chooseHeadline(
    [
      text(ld, 'headline'),
      // Microdata marks the headline as deliberately as JSON-LD does.
      microdata(document, '[itemprop="headline"]'),
      meta('meta[property="og:title"]'),
      meta('meta[name="twitter:title"]'),
      pageTitle,
      visibleHeading,
    ],
    siteName,
    { text: visibleHeading, inStory: headingInStory !== null },
  );
  const canonical =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta('meta[property="og:url"]') ?? text(ld, 'url');
  const published =
    text(ld, 'datePublished') ??
    text(ld, 'dateCreated') ??
    firstMeta(PUBLISHED_META) ??
    microdata(document, '[itemprop="datePublished"]', { needs: /\d{4}/ }) ??
    // hAtom (WordPress and Blogger themes): the entry's "published" time.
    microdata(document, '.hentry .published, .h-entry .dt-published', { needs: /\d{4}-\d\d/ }) ??
    document.querySelector('time[pubdate][datetime]')?.getAttribute('datetime') ??
    firstPublicationTime(document) ??
    null;
  return {
    title,
    byline:
      bylineCandidates(authors(ld?.author), siteName, [
        firstMeta(AUTHOR_META),
        meta('meta[property="article:author"]'),
        pageByline(document),
      ])
        .map((candidate) => (candidate ? cleanByline(candidate) : null))
        .find((candidate) => candidate !== null) ?? null,
    dek: storyDescription(
      decodeEntitiesOnce(text(ld, 'description') ?? '') || meta('meta[property="og:description"]') || meta('meta[name="description"]'),
      { title, siteName },
    ),
    siteName,
    canonicalUrl: absoluteUrl(canonical, pageUrl),
    publishedAt: timeOf(published),
    language:
      (document.documentElement.getAttribute('lang') ?? text(ld, 'inLanguage') ?? meta('meta[property="og:locale"]'))?.replace('_', '-') ??
      null,
  };
}

/**
 * JSON-LD's author first, unless it is only the site itself ("author": the paper as an
 * Organization, as many templates fill it when no person is set): then a person named
 * anywhere else on the page comes first, and the site's name only if nobody is.
 */
function bylineCandidates(jsonLd: string | null, siteName: string | null, others: (string | null)[]): (string | null)[] {
  const isTheSite = jsonLd !== null && siteName !== null && comparable(jsonLd) === comparable(siteName);
  return isTheSite ? [...others, jsonLd] : [jsonLd, ...others];
}

/**
 * The page's description, unless it is the site's own blurb that every page carries ("The
 * Tri-County Gazette is your source for local news"): one naming the site and sharing no word
 * with the headline describes the site, not the story.
 */
function storyDescription(description: string | null, page: { title: string | null; siteName: string | null }): string | null {
  if (!description || !page.siteName || !comparable(description).includes(comparable(page.siteName))) return description;
  const words = (value: string) => new Set(comparable(value).match(/\p{L}{4,}/gu) ?? []);
  const headline = words(page.title ?? '');
  const site = words(page.siteName);
  const shared = [...words(description)].some((word) => headline.has(word) && !site.has(word));
  return shared ? description : null;
}

/**
 * The first `<time datetime>` that is not an update's ("Updated <time>…</time> · Published
 * <time>…</time>"), else the first of all.
 */
function firstPublicationTime(document: DomDocument): string | null {
  const times = Array.from(document.querySelectorAll('time[datetime]')).slice(0, 12);
  const isUpdate = (time: DomElement) => {
    if (/updat|modif/i.test(time.getAttribute('class') ?? '')) return true;
    const siblings = Array.from(time.parentElement?.childNodes ?? []);
    const before = siblings
      .slice(0, siblings.indexOf(time))
      .map((node) => node.textContent ?? '')
      .join('');
    const ownFirstWord = normalizeSpace(time.textContent ?? '').split(' ')[0] ?? '';
    return UPDATED_LABEL.test(before.slice(-40)) || UPDATED_LABEL.test(ownFirstWord);
  };
  return (times.find((time) => !isUpdate(time)) ?? times[0])?.getAttribute('datetime') ?? null;
}

/** The words before an update's time, in the languages the rest of the page reading knows. */
const UPDATED_LABEL =
  /(updated|modified|last updated|edited|aktualisiert|geändert|mis à jour|modifié|actualizado|aggiornato|atualizado|bijgewerkt)( on| at| le| am| el| il| em| op)?\s*:?\s*$/i;

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
  'meta[name="dcterms.date" i]',
  'meta[name="dcterms.created" i]',
  'meta[name="dcterms.issued" i]',
  'meta[name="article:published_time"]',
  'meta[name="datePublished" i]',
  'meta[name="publication_date" i]',
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
  'meta[name="dcterms.creator" i]',
  'meta[name="article:author"]',
] as const;

type Json = Record<string, unknown>;

/**
 * A microdata property's value: its `content` or `datetime` attribute where it has one (a
 * `<meta>`, a `<time>`, a span carrying the machine-readable form), else its text.
 */
function microdata(document: DomDocument, selector: string, options: { needs?: RegExp } = {}): string | null {
  for (const element of Array.from(document.querySelectorAll(selector))) {
    const value = normalizeSpace(
      element.getAttribute('content') ??
        element.getAttribute('datetime') ??
        // hAtom's pattern: <abbr title="2026-03-03T10:00:00-05:00">10:00 AM</abbr>.
        (element.tagName === 'ABBR' ? element.getAttribute('title') : null) ??
        (element.tagName === 'META' ? '' : (element.textContent ?? '')),
    );
    if (value && (!options.needs || options.needs.test(value))) return decodeEntitiesOnce(value);
  }
  return null;
}

/**
 * A page that names its site nowhere else often does in its <title> ("Headline | Tri-County
 * Gazette", "Harbour Watch: Headline"): the first or last part that spells the address's own
 * name (tricountygazette.com, harbourwatch.blogspot.com) or that the page shows as the link
 * to its home page (a theme's site title) is the site's name.
 */
function siteNameInTitle(title: string | null, pageUrl: string | null, homeNames: readonly string[]): string | null {
  if (!title) return null;
  const letters = (value: string) =>
    value
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]/gu, '');
  let labels: string[] = [];
  try {
    if (pageUrl)
      labels = new URL(pageUrl).hostname
        .split('.')
        .filter((label) => label.length >= 3 && label !== 'www')
        .map(letters);
  } catch {
    labels = [];
  }
  const parts = title.split(/\s+[|–—·:-]\s+|(?<=\S):\s+/).map((part) => part.trim());
  if (parts.length < 2) return null;
  const home = new Set(homeNames.map(letters));
  const isSite = (part: string) => part.length <= 60 && (labels.includes(letters(part)) || home.has(letters(part)));
  return [parts[0]!, parts.at(-1)!].find(isSite) ?? null;
}

/** What the page's links to its own home page say (its logo's text, a theme's site title). */
function homeLinkNames(document: DomDocument, pageUrl: string | null): string[] {
  let origin: string | null = null;
  try {
    origin = pageUrl ? new URL(pageUrl).origin : null;
  } catch {
    origin = null;
  }
  const homes = ['/', ...(origin ? [origin, `${origin}/`] : [])];
  const links = Array.from(document.querySelectorAll('a[href], [class*="site-title" i], [class*="site-name" i]')).filter(
    (element) =>
      element.tagName !== 'A' || homes.includes(element.getAttribute('href') ?? '') || /\bhome\b/i.test(element.getAttribute('rel') ?? ''),
  );
  return links
    .slice(0, 20)
    .flatMap((element) => [normalizeSpace(element.textContent ?? ''), element.querySelector('img[alt]')?.getAttribute('alt') ?? ''])
    .filter((name) => name.length >= 2 && name.length <= 60);
}

/**
 * The page's JSON-LD item of an article type, with its author and publisher filled in where
 * they only point at another item by its `@id` (as Yoast's `@graph` does).
 */
function jsonLdArticle(document: DomDocument, page: { addresses: (string | null | undefined)[]; titles: (string | null)[] }): Json | null {
  const items: Json[] = [];
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      // Some templates wrap their JSON-LD in (commented) CDATA markers.
      const json = (script.textContent ?? '').replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[/, '').replace(/(?:\/\/\s*)?\]\]>\s*$/, '');
      items.push(...candidates(JSON.parse(json)));
    } catch {
      continue;
    }
  }
  const articles = items.filter((item) => [item['@type']].flat().some((type) => typeof type === 'string' && ARTICLE_TYPES.test(type)));
  const article = pagesOwn(articles, page) ?? articles[0];
  if (!article) return null;
  const byId = new Map(items.flatMap((item) => (typeof item['@id'] === 'string' ? [[item['@id'], item] as const] : [])));
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolve);
    const reference = value && typeof value === 'object' ? (value as Json) : null;
    return reference && typeof reference['@id'] === 'string' && !('name' in reference) ? (byId.get(reference['@id']) ?? value) : value;
  };
  return { ...article, author: resolve(article.author), publisher: resolve(article.publisher) };
}

/**
 * Of several articles in a page's JSON-LD (the story and the stories it links to, in one
 * `@graph`), the one about this page: its address is the page's, or else its headline is the
 * page's title. Null when none is told apart.
 */
function pagesOwn(articles: Json[], page: { addresses: (string | null | undefined)[]; titles: (string | null)[] }): Json | null {
  if (articles.length < 2) return null;
  const key = (address: unknown) => {
    const value = typeof address === 'string' ? address : text(address, '@id');
    try {
      const url = value ? new URL(value) : null;
      return url ? `${url.hostname.replace(/^www\./, '')}${url.pathname.replace(/\/+$/, '')}` : null;
    } catch {
      return null;
    }
  };
  const addresses = new Set(page.addresses.map(key).filter(Boolean));
  const byAddress = articles.find((item) =>
    [item.url, item['@id'], item.mainEntityOfPage].some((address) => {
      const found = key(address);
      return found !== null && addresses.has(found);
    }),
  );
  if (byAddress) return byAddress;
  const titles = page.titles.filter((title): title is string => Boolean(title)).map(comparable);
  return (
    articles.find((item) => {
      const headline = text(item, 'headline') ?? text(item, 'name');
      return headline !== null && titles.some((title) => agrees(comparable(headline), title));
    }) ?? null
  );
}

/** The items of a JSON-LD document: at its top, in its `@graph`, and a page's `mainEntity`. */
function candidates(data: unknown): Json[] {
  if (Array.isArray(data)) return data.flatMap(candidates);
  if (!data || typeof data !== 'object') return [];
  const item = data as Json;
  return [item, ...candidates(item['@graph']), ...candidates(item.mainEntity)];
}

function text(object: unknown, key: string): string | null {
  const value = object && typeof object === 'object' ? (object as Json)[key] : undefined;
  if (typeof value === 'string') return normalizeSpace(value) || null;
  // Some templates give a list where one value is meant ("name": ["Ana Lima"]).
  if (Array.isArray(value) && value.length && value.every((part) => typeof part === 'string'))
    return normalizeSpace(value.join(', ')) || null;
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
 * "Storm closes port | Harbour Times" → "Storm closes port" (and "Harbour Times | Storm
 * closes port" likewise). Only the last separator is cut at (the first, for a name in front),
 * and the headline keeps its own characters (its dashes included) as written.
 */
export function withoutSiteSuffix(title: string, siteName: string | null): string {
  // Chinese and Japanese titles join the site's name with no spaces ("…半導体株が高い｜日本経済新聞").
  const tight = siteName ? withoutTightSiteName(title, siteName) : null;
  if (tight) return tight;
  const separators = [...title.matchAll(/\s+[|–—·:-]\s+/g)];
  const last = separators.at(-1);
  if (!last) return title;
  // "Harbour Times | Storm closes port": the site's name in front, as many local sites put it.
  const first = separators[0]!;
  if (siteName && first[0].trim() !== ':' && comparable(title.slice(0, first.index)) === comparable(siteName)) {
    return title.slice(first.index + first[0].length).trim() || title;
  }
  const head = title.slice(0, last.index).trim();
  const tail = title.slice(last.index + last[0].length).trim();
  const isSite = siteName
    ? comparable(tail) === comparable(siteName) || (tail.length >= 3 && comparable(siteName).startsWith(comparable(tail)))
    : tail.length <= 40 && head.length > tail.length && last[0].trim() !== ':';
  return isSite && head ? head : title;
}

/** Separators written with no space around them, as CJK titles do: full-width bar and colon, "_". */
const TIGHT_SEPARATOR = '[｜│|：:_／/]';

function withoutTightSiteName(title: string, siteName: string): string | null {
  const name = siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const pattern of [`^\\s*${name}\\s*${TIGHT_SEPARATOR}\\s*(.+)$`, `^(.+?)\\s*${TIGHT_SEPARATOR}\\s*${name}\\s*$`]) {
    const match = new RegExp(pattern, 'iu').exec(title);
    if (match?.[1]?.trim()) return match[1].trim();
  }
  return null;
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
 * backs (a section name in the only <h1>) loses to ones that agree; where no two agree, the
 * heading inside the story (`article h1`, `main h1`) that holds every word of the <title> is
 * the headline a reader sees, not the short form a site wrote for search engines ("Council
 * election results" over "Results"); a section's name there ("Opinion") holds none of them.
 */
function chooseHeadline(
  sources: (string | null)[],
  siteName: string | null,
  heading: { text: string | null; inStory: boolean },
): string | null {
  const visibleHeading = heading.text;
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
    const shown = candidate === visibleHeading;
    if (
      score > bestScore ||
      (score === bestScore &&
        (fuller(mine, comparable(best), shown) ||
          (shown && onlyAddsPart(comparable(best), mine)) ||
          (shown && score === 0 && heading.inStory && holdsWordsOf(mine, comparable(best)))))
    ) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Of two that agree, the one that goes on where the other stops ("Café owners protest" in
 * the <title>, "Café owners protest new rules" in the story), unless what it adds is only a
 * site's name after a separator. What the story's own heading shows is the headline as the
 * reader sees it, separator and all ("Storm closes port – live").
 */
function fuller(candidate: string, best: string, shown: boolean): boolean {
  if (!(candidate.length > best.length && candidate.startsWith(best))) return false;
  return shown || !/^(\s*[|–—·:-]\s|\s*[｜│：_])/.test(candidate.slice(best.length));
}

/** Whether every word of `shorter` is among the words of `longer`. */
function holdsWordsOf(longer: string, shorter: string): boolean {
  const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];
  const held = new Set(words(longer));
  const wanted = words(shorter);
  return wanted.length > 0 && wanted.every((word) => held.has(word));
}

/**
 * Whether `longer` is `shorter` and a separated part more ("… - Politics", the section a
 * <title> names between the headline and the site's name).
 */
function onlyAddsPart(longer: string, shorter: string): boolean {
  return longer.length > shorter.length && longer.startsWith(shorter) && /^\s*[|–—·:-]\s/.test(longer.slice(shorter.length));
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
 * subscribe, or a sentence. "By", "Written by", "Words:" (and "Par", "Von", "Por") in front
 * are dropped, and so is what a byline line adds after the names: a role, a desk or a place
 * ("Ana Ruiz, Staff Writer", "Olena Kravets, BBC News, Kyiv"), a date ("Par Marie Le Goff,
 * publié le 13 mars").
 */
export function cleanByline(value: string): string | null {
  const line = normalizeSpace(value)
    // A name and the date after it in two blocks, read as one text with nothing between them
    // ("John RoeMarch 3, 2026", "Ana RuizUpdated 2 hours ago").
    .replace(/(\p{Ll})(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|(?:Updated|Published)\b)/gu, '$1 ')
    .replace(/^(by|written by|words by|words|text|story by|reporting by|von|par|por)\s*[:\-–]?\s+/i, '')
    // A label for the kind of piece before it: "Opinion by …", "Analysis by …", "Review by …".
    .replace(/^(?!(?:[Mm]ore|[Vv]iew|[Ss]ee|[Aa]ll|[Rr]ead|[Bb]rowse|[Oo]ther)\b)\p{L}+(\s\p{L}+)?\s+by\s+(?=\p{Lu})/u, '')
    // A wire service named as "the" agency: "By the Associated Press".
    .replace(/^the\s+(?=\p{Lu})/u, '')
    // An agency or outlet in brackets after the name: "Jane Doe (AP)".
    .replace(/\s*\([^()]{1,40}\)\s*$/, '')
    // Written in lower case only: "Di Fang" and "Af Klint" are names, "di Mario Rossi" is a byline.
    .replace(/^(door|di|av|af)\s+(?=\p{Lu})/u, '')
    .replace(/^by\s+/i, '')
    .replace(/[\s,|·]+$/, '');
  if (!line || line.length > 120) return null;
  const names: string[] = [];
  for (const [index, part] of line.split(/\s*(?:[|·•;,]|\s[–—-])\s*/).entries()) {
    const name = leadingName(part, index === 0);
    if (!name) break;
    names.push(name);
    // The line went on with something that is not a name ("Peter Jones in Kyiv"): the names end here.
    if (name !== part) break;
  }
  if (names.length === 0) return null;
  const words = names
    .join(' ')
    .split(/\s+/)
    .filter((word) => !CONJUNCTION.test(word));
  return words.length > 12 ? null : names.join(', ');
}

/** Lower-case words a name or a list of names may hold. */
const PARTICLE = /^(de|da|das|do|dos|du|del|della|der|den|van|von|zu|le|la|di|bin|binti|al|el|ter|ten|y|e|und|et|and|&)$/i;
const CONJUNCTION = /^(and|und|et|y|e|&)$/i;
/** What follows the names on a byline line: a role, a desk, an agency. */
export const ROLE =
  /\b(staff|writer|reporter|correspondent|editor|editors|contributor|columnist|photographer|journalist|journaliste|news|agency|press|desk|bureau|service|team|newsroom|redaktion|rédaction|redacción)\b/i;

/** Words that, after a name, say what the person is ("Ana Lima Staff Writer"); "Press" in "Associated Press" is not one. */
const PERSON_ROLE = /^(staff|writer|reporter|correspondent|editor|editors|contributor|columnist|photographer|journalist|journaliste)$/i;
/** Words that open a role's title before its noun ("Senior Political Correspondent"). */
const ROLE_QUALIFIER =
  /^(senior|chief|deputy|associate|assistant|contributing|managing|executive|political|foreign|special|investigative|national|international|global|economics|business|sports?|health|science|technology|tech|diplomatic|legal|crime|education|environment|climate|culture|arts|security|defen[cs]e|local|digital|breaking|data|staff|lead|head|features?)$/i;

/** Whether `words` are a role's title: qualifiers, then a role's noun. */
function beginsRole(words: string[]): boolean {
  const noun = words.findIndex((word) => PERSON_ROLE.test(word));
  return noun > 0 && noun <= 3 && words.slice(0, noun).every((word) => ROLE_QUALIFIER.test(word));
}

/**
 * After the names, a part that names no person: an outlet ("The Daily Planet"), another
 * role's credit ("Photos by …", "Edited by …"), a credential ("PhD").
 */
const NOT_A_PERSON_AFTER_NAMES = /^(the\s|\p{L}+(\s\p{L}+)?\s+by\b|(phd|md|mph|mba|rn|esq|jd)\.?$)/iu;

/**
 * The name (or names joined by "and") a part of a byline line opens with: its capitalised
 * words (particles such as "de" or "van" among them), up to a date, an address, a call to
 * action, a role or a lower-case word ("Peter Jones in Kyiv", "Ana Lima Staff Writer").
 * After the first part, a part that is a role, a desk or an agency's initials ends the names.
 * A name written all in lower case is taken as it is.
 */
function leadingName(part: string, first: boolean): string | null {
  const cut = [PROFILE_OR_CALL.exec(part)?.index, DATE_LIKE.exec(part)?.index, /\d/.exec(part)?.index].filter(
    (index): index is number => index !== undefined,
  );
  const before = part.slice(0, Math.min(part.length, ...cut)).trim();
  if (!before || !/\p{L}/u.test(before)) return null;
  if (!first && (ROLE.test(before) || /^\p{Lu}{2,6}$/u.test(before) || NOT_A_PERSON_AFTER_NAMES.test(before))) return null;
  // "CNN and John Roe" (from "By Jane Doe, CNN and John Roe, CNN"): the agency goes, the name stays.
  if (!first && /^\p{Lu}{2,6}\s+(and|&)\s+\p{Lu}/u.test(before))
    return leadingName(before.replace(/^\p{Lu}{2,6}\s+(and|&)\s+/u, ''), false);
  const words = before.split(/\s+/);
  if (first && before === part && words.every((word) => /^\p{Ll}/u.test(word))) return before;
  const run: string[] = [];
  for (const [index, word] of words.entries()) {
    const capitalised = !/^\p{Ll}/u.test(word) || PARTICLE.test(word);
    if (!capitalised || (run.length > 0 && PERSON_ROLE.test(word))) break;
    // "Jane Doe Senior Political Correspondent": the role begins at its first qualifier.
    if (run.length > 1 && ROLE_QUALIFIER.test(word) && beginsRole(words.slice(index))) break;
    run.push(word);
  }
  while (run.length && PARTICLE.test(run.at(-1)!)) run.pop();
  // A sentence's full stop goes; an initial's or a "Jr." stays.
  const name = run.join(' ').replace(/[.!?]$/, (end, _offset, whole: string) => (/(^|\s)(\p{Lu}|Jr|Sr|Dr|St)\.$/u.test(whole) ? end : ''));
  return /\p{L}/u.test(name) ? name : null;
}

/**
 * A template's author line by its class, in the languages sites name it in ("auteur",
 * "autor"): whole class names only, as "autoresize" and "hauteur" hold the letters too.
 */
export const AUTHOR_LINE = ['author', 'auteur', 'autor', 'autore', 'article-author', 'article-auteur', 'story-author']
  .map((name) => `[class~="${name}" i]`)
  .join(', ');

/** The page's own byline line, read before it is taken out of the story. */
function pageByline(document: DomDocument): string | null {
  // Several authors are several links (or microdata names): each one's name, not the first alone.
  const linked = [
    ...new Set(Array.from(document.querySelectorAll('[rel="author"]'), (link) => normalizeSpace(link.textContent ?? ''))),
  ].filter(Boolean);
  if (linked.length) return linked.join(', ');
  const marked = [
    ...new Set(
      Array.from(document.querySelectorAll('[itemprop="author"] [itemprop="name"]'), (name) => normalizeSpace(name.textContent ?? '')),
    ),
  ].filter(Boolean);
  if (marked.length) return marked.join(', ');
  const element = document.querySelector(
    `[class*="byline" i] [class*="name" i], [class*="author-name" i], [class*="byline" i], [itemprop="author"], ${AUTHOR_LINE}`,
  );
  return element ? spacedText(element) || null : null;
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

/**
 * A page's publication time as templates write it: ISO 8601, RFC 2822, seconds or
 * milliseconds since 1970, or "20260314". A date and time with no zone is taken as UTC, so
 * the same page gives the same time on every machine (JavaScript would take it as local).
 */
export function timeOf(value: string | null): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d{10}$/.test(text)) return keptTime(Number(text) * 1000);
  if (/^\d{13}$/.test(text)) return keptTime(Number(text));
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return keptTime(Date.UTC(Number(compact[1]), Number(compact[2]) - 1, Number(compact[3])));
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) return keptTime(Date.parse(`${text.replace(' ', 'T')}Z`));
  return keptTime(Date.parse(text));
}
