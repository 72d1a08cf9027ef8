import { describe, expect, it } from 'vitest';
import { decodeHtml, readWebPage } from '../../../electron/import/formats/html.ts';
import { cleanByline, timeOf } from '../../../electron/import/html/metadata.ts';
import mammoth from 'mammoth';
import { exportArticle } from '../../../electron/export/registry.ts';
import { getArticle } from '../../../electron/library/articles.ts';
import { createDraft } from '../../../electron/library/drafts.ts';
import { tempLibrary } from '../../helpers/temp.ts';

/**
 * Classes of metadata defect found on real news pages, each on a page shaped like the
 * templates that showed it: the headline chosen by agreement between a page's sources, a
 * byline that is a person (never a URL, a date or a call to action), JSON-LD in CDATA and
 * @graph, entities escaped twice, a stale charset, and picture descriptions kept out of the
 * story's text.
 */

const STORY = Array.from(
  { length: 8 },
  (_, i) =>
    `<p>Paragraph ${i + 1}: the ferry crews walked out on Monday over pay, and the harbour stayed shut until the talks resumed on Thursday afternoon.</p>`,
).join('');

const page = (head: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

async function read(html: string) {
  return readWebPage(html, { path: null, url: 'https://news.example/2026/ferry-strike' });
}

describe('the headline', () => {
  it('is not a lone <h1> outside the story holding the section name', async () => {
    const article = await read(
      page(
        '<title>Ferry crews strike over pay – Harbour Times</title><meta property="og:site_name" content="Harbour Times">',
        `<header><h1>Transport Health Center</h1></header><article>${STORY}</article>`,
      ),
    );
    expect(article.title).toBe('Ferry crews strike over pay');
  });

  it('keeps its own dashes when the site’s name is cut off the <title>', async () => {
    const article = await read(
      page(
        '<title>Strike - day two — crews hold out | Harbour Times</title><meta property="og:site_name" content="Harbour Times">',
        `<article>${STORY}</article>`,
      ),
    );
    expect(article.title).toBe('Strike - day two — crews hold out');
  });

  it('comes from JSON-LD inside CDATA and @graph, of an article type only', async () => {
    const ld = `//<![CDATA[
{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Harbour Times","headline":"Harbour Times home"},{"@type":"NewsArticle","headline":"Crews accept a 4% rise","author":[{"@type":"Person","name":"Ana Lima"},{"@type":"Person","name":"Jo Berg"}],"datePublished":"2026-11-30T08:00:00Z","publisher":{"@type":"Organization","name":"Harbour Times"}}]}
//]]>`;
    const article = await read(
      page(
        `<title>Crews accept a 4% rise - Harbour Times</title><script type="application/ld+json">${ld}</script>`,
        `<article>${STORY}</article>`,
      ),
    );
    expect(article.title).toBe('Crews accept a 4% rise');
    expect(article.byline).toBe('Ana Lima, Jo Berg');
    expect(article.publishedAt).toBe(Date.parse('2026-11-30T08:00:00Z'));
    expect(article.sourceName).toBe('Harbour Times');
  });
  it('is what two sources agree on, even when they agree word for word', async () => {
    const article = await read(
      page(
        '<title>Ferry crews strike over pay - Harbour Times News</title><meta property="og:site_name" content="Harbour Times">' +
          '<meta property="og:title" content="Ferry crews strike over pay">' +
          '<meta name="twitter:title" content="Ferry crews strike over pay">',
        `<article>${STORY}</article>`,
      ),
    );
    expect(article.title).toBe('Ferry crews strike over pay');
  });
});

describe('the headline where no two sources agree', () => {
  it('regression: a short <title> written for search engines beat the story’s own heading, which stayed in the text', async () => {
    const article = await read(
      page(
        '<title>Results | Harbour Times</title><meta property="og:site_name" content="Harbour Times">',
        `<main><article><h1>Council election results</h1>${STORY}</article></main>`,
      ),
    );
    expect(article.title).toBe('Council election results');
    expect(article.text).not.toContain('Council election results');
  });

  it('keeps the <title> over a section’s name heading the story', async () => {
    const article = await read(
      page('<title>Ferry crews strike over pay</title>', `<main><article><h1>Opinion</h1>${STORY}</article></main>`),
    );
    expect(article.title).toBe('Ferry crews strike over pay');
  });

  it('keeps the <title> over a lone heading outside the story', async () => {
    const article = await read(
      page('<title>Ferry crews strike over pay</title>', `<header><h1>Transport</h1></header><div>${STORY}</div>`),
    );
    expect(article.title).toBe('Ferry crews strike over pay');
  });
});

describe('the byline', () => {
  it('is never a profile address, a date, a call to action or an e-mail line', () => {
    for (const value of [
      'https://news.example/staff/ana-lima',
      'May 20, 2019',
      '1 day ago',
      'Follow @analima',
      'Email the author',
      'More by Ana Lima',
      'Updated 10:42',
    ]) {
      expect(cleanByline(value), value).toBeNull();
    }
    expect(cleanByline('By Ana Lima')).toBe('Ana Lima');
    expect(cleanByline('Written by Ana Lima and Jo Berg')).toBe('Ana Lima and Jo Berg');
  });

  it('falls back past a profile URL in article:author to the page’s own byline line', async () => {
    const article = await read(
      page(
        '<title>Ferry crews strike</title><meta property="article:author" content="https://news.example/staff/ana-lima">',
        `<article><h1>Ferry crews strike</h1><p class="byline">By <a rel="author" href="/staff/ana-lima">Ana Lima</a></p>${STORY}</article>`,
      ),
    );
    expect(article.byline).toBe('Ana Lima');
    expect(article.text).not.toContain('By Ana Lima');
  });
});

describe('what a page says about itself', () => {
  it('has entities escaped twice decoded once', async () => {
    const article = await read(
      page(
        '<title>Ferry crews strike</title><meta name="description" content="That&amp;#039;s the third strike &amp;amp; counting">',
        `<article>${STORY}</article>`,
      ),
    );
    expect(article.dek).toBe("That's the third strike & counting");
  });

  it('is read as UTF-8 when its bytes are UTF-8, whatever its meta charset says', () => {
    const bytes = Buffer.from(
      '<html><head><meta charset="windows-1252"><title>Zürich café – “quotes”</title></head><body></body></html>',
      'utf8',
    );
    expect(decodeHtml(bytes)).toContain('Zürich café – “quotes”');
    const legacy = Buffer.from([...Buffer.from('<meta charset="windows-1252"><p>caf'), 0xe9, ...Buffer.from('</p>')]);
    expect(decodeHtml(legacy)).toContain('café');
  });
});

describe('pictures that were not kept', () => {
  it('leave their description in the placeholder only: not the text, the search index or the word count', async () => {
    const article = await read(
      page(
        '<title>Ferry crews strike</title>',
        `<article><h1>Ferry crews strike</h1><figure><img src="https://cdn.example/a.jpg" alt="Crews on the quay at dawn image"></figure>${STORY}</article>`,
      ),
    );
    expect(article.html).toContain('missing-image');
    expect(article.text).not.toContain('Crews on the quay');
  });
});

describe('exports of a byline typed with its "By"', () => {
  it('say "By" once in HTML, Word and plain text', async () => {
    const library = tempLibrary();
    const draft = createDraft(library, { title: 'Ferry crews strike', byline: 'By Jordan Vale' });
    const article = getArticle(library, draft.id);
    for (const format of ['html', 'txt'] as const) {
      const file = await exportArticle(article, format, { media: () => null });
      const text = new TextDecoder().decode(file.bytes);
      expect(text, format).toContain('By Jordan Vale');
      expect(text, format).not.toMatch(/By By/);
    }
    const docx = await exportArticle(article, 'docx', { media: () => null });
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(docx.bytes) });
    expect(value).toContain('By Jordan Vale');
    expect(value).not.toMatch(/By By/);
  });
});

describe('templates that say it their own way', () => {
  it('give the publication time in pubdate, parsely or itemprop markup', async () => {
    const inMeta = await read(
      page('<title>Ferry crews strike</title><meta name="parsely-pub-date" content="2026-11-30T08:00:00Z">', `<article>${STORY}</article>`),
    );
    expect(inMeta.publishedAt).toBe(Date.parse('2026-11-30T08:00:00Z'));
    const inBody = await read(
      page(
        '<title>Ferry crews strike</title>',
        `<article><time datetime="2026-01-02T00:00:00Z">Updated</time><time itemprop="datePublished" datetime="2026-11-29T10:00:00Z">Sunday</time>${STORY}</article>`,
      ),
    );
    expect(inBody.publishedAt).toBe(Date.parse('2026-11-29T10:00:00Z'));
  });

  it('name the author in a "byl" meta, with its "By"', async () => {
    const article = await read(
      page('<title>Ferry crews strike</title><meta name="byl" content="By Ana Lima">', `<article>${STORY}</article>`),
    );
    expect(article.byline).toBe('Ana Lima');
  });

  it('link each of several authors: every name is kept', async () => {
    const article = await read(
      page(
        '<title>Ferry crews strike</title>',
        `<article><p class="credits">By <a rel="author" href="/ana">Ana Lima</a> and <a rel="author" href="/jo">Jo Berg</a></p>${STORY}</article>`,
      ),
    );
    expect(article.byline).toMatch(/Ana Lima.*Jo Berg/);
  });
});

describe('a page marked up with microdata only', () => {
  const SMALL_TOWN = page(
    '<title>Tri-County Gazette | Local News, Sports &amp; Obituaries</title>' +
      '<meta name="description" content="The Tri-County Gazette is your source for local news.">',
    `<div itemscope itemtype="https://schema.org/NewsArticle"><h2>Local News</h2><h1 itemprop="headline">School board moves start times</h1>
<div>Posted <span itemprop="datePublished" content="2026-05-20T18:00:00-04:00">Tuesday, May 20</span> | By
<span itemprop="author" itemscope><span itemprop="name">Karen Pruitt</span></span> and
<span itemprop="author" itemscope><span itemprop="name">Lee Ford</span></span>, Staff Writer</div>
${STORY}</div>`,
  );

  it('regression: the site’s <title> was the headline and its blurb the dek; no time, no site name', async () => {
    const article = await readWebPage(SMALL_TOWN, { path: null, url: 'https://www.tricountygazette.example/news/start-times' });
    expect(article.title).toBe('School board moves start times');
    expect(article.publishedAt).toBe(Date.parse('2026-05-20T22:00:00Z'));
    expect(article.sourceName).toBe('Tri-County Gazette');
    expect(article.byline).toBe('Karen Pruitt, Lee Ford');
    expect(article.dek).toBe('');
  });

  it('regression: the story opened with its headline again and a "Posted … | By and , Staff Writer" line', async () => {
    const article = await readWebPage(SMALL_TOWN, { path: null, url: 'https://www.tricountygazette.example/news/start-times' });
    expect(article.text.startsWith('Paragraph 1:')).toBe(true);
    expect(article.text).not.toMatch(/Staff Writer|Posted/);
  });
});

describe('a byline line that says more than the names', () => {
  it.each([
    ['Par Marie Le Goff, publié le 13 mars 2026 à 21h45', 'Marie Le Goff'],
    ['By Karen Pruitt, Staff Writer', 'Karen Pruitt'],
    ['Olena Kravets, BBC News, Kyiv', 'Olena Kravets'],
    ['By Ana Lima | March 3, 2026', 'Ana Lima'],
    ['Ana Lima, special to the Harbour Times', 'Ana Lima'],
    ['Von Lena Hoffmann und Jonas Albrecht', 'Lena Hoffmann und Jonas Albrecht'],
    ['Ana Ruiz, Tom Field and Mei-Ling Chow', 'Ana Ruiz, Tom Field and Mei-Ling Chow'],
    ['Associated Press', 'Associated Press'],
    ['By Jane Doe for The Washington Post', 'Jane Doe'],
    ['Peter Jones in Kyiv', 'Peter Jones'],
    ['Jane Doe, CNN', 'Jane Doe'],
    ['Jane Doe Updated 3 hours ago', 'Jane Doe'],
    ['Ana Lima. Follow her on Twitter', 'Ana Lima'],
    ['Martin Luther King Jr.', 'Martin Luther King Jr.'],
    ['Ludwig van Beethoven', 'Ludwig van Beethoven'],
    ['王小明', '王小明'],
    ['di Mario Rossi', 'Mario Rossi'],
    ['Di Fang', 'Di Fang'],
    // Regressions: an outlet, a credential, another role's credit or a title kept as a name.
    ['Jane Doe and John Roe, The Daily Planet', 'Jane Doe and John Roe'],
    ['By Jane Doe, CNN and John Roe, CNN', 'Jane Doe, John Roe'],
    ['Story by Jane Doe • Photos by John Roe', 'Jane Doe'],
    ['Opinion by Jane Doe', 'Jane Doe'],
    ['Analysis by Jane Doe, CNN', 'Jane Doe'],
    ['Jane Doe (AP)', 'Jane Doe'],
    ['Jane Doe, PhD', 'Jane Doe'],
    ['Jane Doe Senior Political Correspondent', 'Jane Doe'],
    ['By the Associated Press', 'Associated Press'],
    ['The Editorial Board', 'The Editorial Board'],
    ['Mary Ann Smith Reporter', 'Mary Ann Smith'],
    ['Jane Doe Chief', 'Jane Doe Chief'],
  ])('"%s" is "%s"', (line, name) => expect(cleanByline(line)).toBe(name));

  it('takes no byline from, and keeps, an element whose class only holds the letters ("autoresize", "hauteur")', async () => {
    const article = await read(
      page(
        '<title>Ferry crews strike</title>',
        `<article><h1>Ferry crews strike</h1><div class="js-autoresize"><p>Harbour Master Office</p></div><p class="hauteur-fixe">Quay Seven</p>${STORY}</article>`,
      ),
    );
    expect(article.byline).toBe('');
    expect(article.text).toContain('Harbour Master Office');
  });

  it('regression: a French "Par …, publié le …" line in the page gave no byline, and stayed in the story', async () => {
    const article = await read(
      page(
        '<title>Rennes rénove ses écoles</title>',
        `<div class="article"><h1>Rennes rénove ses écoles</h1><p class="auteur">Par <b>Marie Le Goff</b>, publié le 13 mars 2026 à 21h45</p>${STORY}</div>`,
      ),
    );
    expect(article.byline).toBe('Marie Le Goff');
    expect(article.text).not.toContain('publié');
  });
});

describe('JSON-LD in the shapes templates write it', () => {
  const ld = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;
  const person = { '@type': 'Person', name: 'Ana Lima' };
  it.each([
    [
      'an author and publisher that only point at @graph items by @id (Yoast)',
      ld({
        '@graph': [
          { '@type': 'NewsArticle', headline: 'Ferry crews strike', author: { '@id': '#ana' }, publisher: { '@id': '#org' } },
          { '@type': 'Person', '@id': '#ana', name: 'Ana Lima' },
          { '@type': 'Organization', '@id': '#org', name: 'Harbour Times' },
        ],
      }),
    ],
    [
      'an article as the mainEntity of a WebPage',
      ld({ '@type': 'WebPage', mainEntity: { '@type': 'NewsArticle', headline: 'Ferry crews strike', author: person } }),
    ],
    ['a LiveBlogPosting', ld({ '@type': 'LiveBlogPosting', headline: 'Ferry crews strike', author: person })],
    [
      'a name given as a list',
      ld({ '@type': 'NewsArticle', headline: 'Ferry crews strike', author: [{ '@type': 'Person', name: ['Ana Lima'] }] }),
    ],
  ])('regression: %s gave no headline or byline', async (_shape, head) => {
    const article = await read(page(`<title>Harbour Times</title>${head}`, `<article>${STORY}</article>`));
    expect(article.title).toBe('Ferry crews strike');
    expect(article.byline).toBe('Ana Lima');
  });

  it('regression: a Yoast publisher pointed at by @id gave no site name', async () => {
    const head = ld({
      '@graph': [
        { '@type': 'Article', headline: 'Ferry crews strike', publisher: { '@id': '#org' } },
        { '@type': 'Organization', '@id': '#org', name: 'Harbour Times' },
      ],
    });
    expect((await read(page(head, `<article>${STORY}</article>`))).sourceName).toBe('Harbour Times');
  });

  it('regression: a Dublin Core dcterms.date gave no publication time', async () => {
    const article = await read(
      page('<title>Ferry crews strike</title><meta name="DCTERMS.date" content="2026-03-14">', `<article>${STORY}</article>`),
    );
    expect(article.publishedAt).toBe(Date.parse('2026-03-14'));
  });
});

describe('a publication time as templates write it', () => {
  it.each([
    ['2026-03-14T10:00:00+01:00', '2026-03-14T09:00:00Z'],
    ['2026-03-14T10:00:00+0100', '2026-03-14T09:00:00Z'],
    ['Sat, 14 Mar 2026 10:00:00 -0400', '2026-03-14T14:00:00Z'],
    ['2026-03-14', '2026-03-14T00:00:00Z'],
  ])('"%s" is %s', (value, instant) => expect(timeOf(value)).toBe(Date.parse(instant)));

  it.each([
    ['1773482400', 'seconds since 1970', '2026-03-14T10:00:00Z'],
    ['1773482400000', 'milliseconds since 1970', '2026-03-14T10:00:00Z'],
    ['20260314', 'a compact date', '2026-03-14T00:00:00Z'],
    ['2026-03-14T10:00:00', 'a time with no zone, the same on every machine', '2026-03-14T10:00:00Z'],
    ['2026-03-14 10:00:00', 'a time with a space and no zone', '2026-03-14T10:00:00Z'],
  ])('regression: "%s" (%s) was not read, or read as local time', (value, _what, instant) =>
    expect(timeOf(value)).toBe(Date.parse(instant)),
  );
});

describe('blog themes that mark their posts with hAtom classes only', () => {
  const WORDPRESS_CLASSIC = (host: string) =>
    page(
      '<title>Ferry crews strike over pay &#8211; Riverside Notes</title>',
      `<header class="site-header"><p class="site-title"><a href="https://${host}/" rel="home">Riverside Notes</a></p><p class="site-description">News from the river towns</p></header>
<main><article class="post hentry"><header class="entry-header"><h2 class="entry-title">Ferry crews strike over pay</h2>
<div class="entry-meta">Posted on <time class="entry-date published" datetime="2026-03-03T09:15:00+00:00">March 3, 2026</time>
<time class="updated" datetime="2026-03-04T10:00:00+00:00">March 4, 2026</time> by <span class="author vcard"><a class="url fn n" href="/author/mgreen/">Martha Green</a></span></div></header>
<div class="entry-content">${STORY}</div></article></main>`,
    );

  it('regression: a theme’s site title gave no site name when the address does not spell it', async () => {
    const article = await readWebPage(WORDPRESS_CLASSIC('rvnotes.example'), {
      path: null,
      url: 'https://rvnotes.example/2026/03/03/ferry/',
    });
    expect(article.sourceName).toBe('Riverside Notes');
    expect(article.title).toBe('Ferry crews strike over pay');
    expect(article.byline).toBe('Martha Green');
    expect(article.publishedAt).toBe(Date.parse('2026-03-03T09:15:00Z'));
  });

  it('regression: an address with a hyphen ("riverside-notes") did not spell the site’s name', async () => {
    const html = WORDPRESS_CLASSIC('elsewhere.example').replace('rel="home"', '');
    const article = await readWebPage(html, { path: null, url: 'https://riverside-notes.example/2026/03/03/ferry/' });
    expect(article.sourceName).toBe('Riverside Notes');
  });

  it('regression: a Blogger post kept "Site: " in its headline and lost its time (an <abbr> titled with it)', async () => {
    const html = page(
      "<title>Harbour Watch: Ferry crews strike over pay</title><meta content='Harbour Watch: Ferry crews strike over pay' property='og:title'/>",
      `<div class="Header"><h1 class="title">Harbour Watch</h1></div><div class="blog-posts hfeed"><div class="post hentry" itemscope itemtype="http://schema.org/BlogPosting">
<h3 class="post-title entry-title" itemprop="name">Ferry crews strike over pay</h3><div class="post-body entry-content" itemprop="articleBody">${STORY}</div>
<div class="post-footer"><span class="post-author vcard">Posted by <span class="fn" itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name">Daniel Okafor</span></span></span>
<span class="post-timestamp">at <abbr class="published" itemprop="datePublished" title="2026-03-03T10:00:00-05:00">10:00 AM</abbr></span></div></div></div>`,
    );
    const article = await readWebPage(html, { path: null, url: 'https://harbourwatch.blogspot.com/2026/03/ferry.html' });
    expect(article.title).toBe('Ferry crews strike over pay');
    expect(article.sourceName).toBe('Harbour Watch');
    expect(article.publishedAt).toBe(Date.parse('2026-03-03T15:00:00Z'));
    expect(article.byline).toBe('Daniel Okafor');
  });
});

describe('a byline and its date in two blocks with nothing between them', () => {
  it('regression: the date’s first word joined the last name ("John RoeMarch")', async () => {
    const article = await read(
      page(
        '<title>Ferry crews strike over pay | Wirenews</title>',
        `<article><h1>Ferry crews strike over pay</h1><div class="article-header__author"><div>By <a href="/authors/jane-doe">Jane Doe</a> and <a href="/authors/john-roe">John Roe</a></div><time datetime="2026-03-03T16:15:00Z"><span>March 3, 2026</span><span>4:15 PM UTC</span><span>Updated 2 hours ago</span></time></div>${STORY}</article>`,
      ),
    );
    expect(article.byline).toBe('Jane Doe and John Roe');
  });

  it.each([
    ['Jane DoeMarch 3, 2026', 'Jane Doe'],
    ['Ana RuizUpdated 2 hours ago', 'Ana Ruiz'],
    ['Rosa DeMarco', 'Rosa DeMarco'],
    ['Ian MacMay', 'Ian MacMay'],
  ])('"%s" is "%s"', (line, name) => expect(cleanByline(line)).toBe(name));
});

describe('pages that hold more than their own story’s metadata', () => {
  const URL_OF_PAGE = 'https://www.dailyplanet.example/politics/2026/03/03/ferry-pier';
  const ld = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;

  it('regression: a linked story listed first in the JSON-LD @graph gave its byline and time to the page', async () => {
    const html = page(
      '<title>Ferry pier to reopen in spring | The Daily Planet</title>' +
        ld({
          '@context': 'https://schema.org',
          '@graph': [
            {
              '@type': 'NewsArticle',
              headline: 'Bridge repairs begin',
              url: 'https://www.dailyplanet.example/bridge',
              datePublished: '2026-01-01T00:00:00Z',
              author: { '@type': 'Person', name: 'Tom Field' },
            },
            {
              '@type': 'NewsArticle',
              headline: 'Ferry pier to reopen in spring',
              mainEntityOfPage: { '@id': `${URL_OF_PAGE}/` },
              datePublished: '2026-03-03T10:00:00Z',
              author: { '@type': 'Person', name: 'Jane Doe' },
            },
          ],
        }),
      `<article><h1>Ferry pier to reopen in spring</h1>${STORY}</article>`,
    );
    const article = await readWebPage(html, { path: null, url: URL_OF_PAGE });
    expect(article.byline).toBe('Jane Doe');
    expect(article.publishedAt).toBe(Date.parse('2026-03-03T10:00:00Z'));
  });

  it('tells the page’s own article by its headline when no address says', async () => {
    const html = page(
      '<title>Ferry pier to reopen in spring | The Daily Planet</title>' +
        ld([
          {
            '@context': 'https://schema.org',
            '@type': 'NewsArticle',
            headline: 'Bridge repairs begin',
            author: { '@type': 'Person', name: 'Tom Field' },
          },
          {
            '@context': 'https://schema.org',
            '@type': 'NewsArticle',
            headline: 'Ferry pier to reopen in spring',
            author: { '@type': 'Person', name: 'Jane Doe' },
          },
        ]),
      `<article><h1>Ferry pier to reopen in spring</h1>${STORY}</article>`,
    );
    expect((await readWebPage(html, { path: null, url: URL_OF_PAGE })).byline).toBe('Jane Doe');
  });

  it('regression: the paper as the JSON-LD author hid the reporter the page names', async () => {
    const html = page(
      '<title>Ferry pier</title><meta name="author" content="Jane Doe">' +
        ld({
          '@context': 'https://schema.org',
          '@type': 'NewsArticle',
          headline: 'Ferry pier',
          author: { '@type': 'Organization', name: 'The Daily Planet' },
          publisher: { '@type': 'Organization', name: 'The Daily Planet' },
        }),
      `<article><h1>Ferry pier</h1>${STORY}</article>`,
    );
    expect((await readWebPage(html, { path: null, url: URL_OF_PAGE })).byline).toBe('Jane Doe');
  });

  it('keeps a wire service as the byline when it is the author and nobody else is named', async () => {
    const html = page(
      '<title>Ferry pier</title>' +
        ld({
          '@context': 'https://schema.org',
          '@type': 'NewsArticle',
          headline: 'Ferry pier',
          author: { '@type': 'Organization', name: 'Associated Press' },
          publisher: { '@type': 'Organization', name: 'The Daily Planet' },
        }),
      `<article><h1>Ferry pier</h1>${STORY}</article>`,
    );
    expect((await readWebPage(html, { path: null, url: URL_OF_PAGE })).byline).toBe('Associated Press');
  });

  it('regression: a publisher given as a plain name gave no site name', async () => {
    const html = page(
      `<title>Ferry pier</title>${ld({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Ferry pier', publisher: 'The Daily Planet' })}`,
      `<article><h1>Ferry pier</h1>${STORY}</article>`,
    );
    expect((await readWebPage(html, { path: null, url: URL_OF_PAGE })).sourceName).toBe('The Daily Planet');
  });

  it('regression: "Headline - Section - Site" kept the section in the headline the story shows without it', async () => {
    const html = page(
      '<title>Ferry pier to reopen in spring - Politics - The Daily Planet</title><meta property="og:site_name" content="The Daily Planet">',
      `<article><h1>Ferry pier to reopen in spring</h1>${STORY}</article>`,
    );
    expect((await readWebPage(html, { path: null, url: URL_OF_PAGE })).title).toBe('Ferry pier to reopen in spring');
  });

  it.each([
    ['Updated <time datetime="2026-03-05T10:00:00Z">March 5</time> · Published <time datetime="2026-03-03T10:00:00Z">March 3</time>'],
    ['<time class="updated" datetime="2026-03-05T10:00:00Z">March 5</time><time datetime="2026-03-03T10:00:00Z">March 3</time>'],
    ['<time datetime="2026-03-05T10:00:00Z">Updated March 5</time><time datetime="2026-03-03T10:00:00Z">March 3</time>'],
  ])('regression: the time of an update was taken for the publication time (%s)', async (times) => {
    const html = page('<title>Ferry pier</title>', `<article><h1>Ferry pier</h1><p>${times}</p>${STORY}</article>`);
    expect((await readWebPage(html, { path: null, url: URL_OF_PAGE })).publishedAt).toBe(Date.parse('2026-03-03T10:00:00Z'));
  });
});
