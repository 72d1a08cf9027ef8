import type { Library } from '../../electron/library/library.ts';

/**
 * A synthetic news library: deterministic articles of realistic length with a vocabulary
 * that follows Zipf's law, as real text does, so that search sees common and rare words.
 */

const COMMON = `the of and to in a is that for on was with he it as at by from his said
they be this have an are has but not were which their or its after been who also had one
will would we more new about there up when all two first over into year years than last
government people could other police city state people percent million minister country
president officials market week report since told between while under during against
council election vote budget court school hospital water energy prices workers union
strike harbour ferry storm troops border health company bank trade farmers housing rail
climate tax plan law judge mayor village region families children museum football season`.split(/\s+/);

const SYLLABLES = [
  'ka',
  'lo',
  'ver',
  'mi',
  'tan',
  'sor',
  'bel',
  'dra',
  'ne',
  'quo',
  'rim',
  'sta',
  'ul',
  'pex',
  'gor',
  'fin',
  'yal',
  'tre',
  'mon',
  'cas',
];

export interface SyntheticArticle {
  title: string;
  byline: string;
  sourceName: string;
  sourceUrl: string;
  text: string;
  tags: string[];
  createdAt: number;
  publishedAt: number;
}

/** A small, fast, seeded generator (mulberry32): the same seed gives the same library. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function vocabulary(size = 20_000, seed = 7): string[] {
  const next = random(seed);
  const words = new Set(COMMON);
  while (words.size < size) {
    const parts = 2 + Math.floor(next() * 3);
    words.add(Array.from({ length: parts }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]).join(''));
  }
  return [...words];
}

/** Picks word ranks with a Zipf distribution (s ≈ 1) by inverting its cumulative curve. */
function zipfPicker(words: string[], next: () => number): () => string {
  const n = words.length;
  const harmonic = Math.log(n) + 0.5772;
  return () => {
    const rank = Math.min(n - 1, Math.floor(Math.exp(next() * harmonic) - 1));
    return words[rank]!;
  };
}

const SOURCES = ['The Coast Gazette', 'World Desk', 'Harbour Times', 'Northern Ledger', 'City Wire', 'Valley Post'];
const TAGS = ['politics', 'climate', 'transport', 'health', 'business', 'culture', 'sport', 'local', 'world', 'science'];
const AUTHORS = ['Ana Ruiz', 'Mira Kovac', 'Tom Okafor', 'Lena Berg', 'Sam Patel', 'Jo Chen', 'Ravi Das', 'Eve Moreau'];

export function* syntheticArticles(count: number, options: { seed?: number; words?: [number, number] } = {}): Generator<SyntheticArticle> {
  const next = random(options.seed ?? 42);
  const pick = zipfPicker(vocabulary(), next);
  const [least, most] = options.words ?? [400, 1200];
  const start = Date.UTC(2015, 0, 1);
  for (let i = 0; i < count; i += 1) {
    const length = least + Math.floor(next() * (most - least));
    const paragraphs: string[] = [];
    let sentence: string[] = [];
    let paragraph: string[] = [];
    for (let w = 0; w < length; w += 1) {
      sentence.push(pick());
      if (sentence.length > 8 + next() * 14) {
        const text = sentence.join(' ');
        paragraph.push(`${text[0]!.toUpperCase()}${text.slice(1)}.`);
        sentence = [];
        if (paragraph.length > 2 + next() * 3) {
          paragraphs.push(paragraph.join(' '));
          paragraph = [];
        }
      }
    }
    if (sentence.length) paragraph.push(`${sentence.join(' ')}.`);
    if (paragraph.length) paragraphs.push(paragraph.join(' '));
    const titleWords = Array.from({ length: 5 + Math.floor(next() * 6) }, pick).join(' ');
    const source = SOURCES[i % SOURCES.length]!;
    const createdAt = start + Math.floor(next() * 11 * 365 * 86_400_000);
    yield {
      title: `${titleWords[0]!.toUpperCase()}${titleWords.slice(1)} (${i + 1})`,
      byline: AUTHORS[Math.floor(next() * AUTHORS.length)]!,
      sourceName: source,
      sourceUrl: `https://${source.toLowerCase().replace(/\W+/g, '')}.example/story/${i + 1}`,
      text: paragraphs.join('\n\n'),
      tags: next() < 0.6 ? [TAGS[Math.floor(next() * TAGS.length)]!] : [],
      createdAt,
      publishedAt: createdAt - Math.floor(next() * 86_400_000),
    };
  }
}

export function htmlOf(article: SyntheticArticle): string {
  const body = article.text
    .split('\n\n')
    .map((paragraph) => `<p>${paragraph}</p>`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${article.title} | ${article.sourceName}</title>
<meta property="og:site_name" content="${article.sourceName}"><meta name="author" content="${article.byline}">
<link rel="canonical" href="${article.sourceUrl}"><meta property="article:published_time" content="${new Date(article.publishedAt).toISOString()}">
</head><body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>${article.title}</h1><p class="byline">By ${article.byline}</p>${body}</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Another story</a></li><li><a href="/b">And another</a></li></ul></aside></main>
<footer>© ${article.sourceName}</footer></body></html>`;
}

/**
 * Fills a library straight through SQL, the fast path for big imports: rows first, then the
 * search index rebuilt once (FTS triggers per row are about half as fast).
 */
export function fillLibrary(library: Library, articles: Iterable<SyntheticArticle>): number {
  const db = library.db;
  const insert = db.prepare(
    `INSERT INTO articles (kind, title, byline, source_name, source_url, url_key, published_at, created_at, updated_at,
       word_count, body_html, body_text, content_hash, is_read)
     VALUES ('saved', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?)`,
  );
  const tagId = db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id');
  const tagArticle = db.prepare('INSERT INTO article_tags (article_id, tag_id) VALUES (?, ?)');
  let count = 0;
  const triggers = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name = 'articles_fts_after_insert'")
    .get() as { name: string; sql: string };
  db.exec(`DROP TRIGGER ${triggers.name}`);
  try {
    const batch = db.transaction((items: SyntheticArticle[]) => {
      for (const article of items) {
        const words = article.text.split(/\s+/).length;
        const html = article.text
          .split('\n\n')
          .map((paragraph) => `<p>${paragraph}</p>`)
          .join('');
        const id = insert.run(
          article.title,
          article.byline,
          article.sourceName,
          article.sourceUrl,
          article.sourceUrl,
          article.publishedAt,
          article.createdAt,
          article.createdAt,
          words,
          html,
          article.text,
          count % 3 === 0 ? 1 : 0,
        ).lastInsertRowid;
        for (const tag of article.tags) tagArticle.run(id, (tagId.get(tag) as { id: number }).id);
        count += 1;
      }
    });
    let items: SyntheticArticle[] = [];
    for (const article of articles) {
      items.push(article);
      if (items.length === 2000) {
        batch(items);
        items = [];
      }
    }
    batch(items);
    db.exec("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')");
  } finally {
    db.exec(triggers.sql);
  }
  return count;
}
