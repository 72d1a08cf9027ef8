import { describe, expect, it } from 'vitest';
import { readWebPage } from '../../../../electron/import/formats/html.ts';
import { isDateLine } from '../../../../electron/import/html/story-furniture.ts';

/**
 * What sites print in and around a story that Readability keeps: advertisement labels,
 * byline, date and reading-time lines under the headline, the standfirst again, topic lists
 * and the agency's standards line. Each class is taken out whole; the story's own sentences,
 * even those that open with "By" or a name or hold a date, stay.
 */

const PARAGRAPHS = Array.from(
  { length: 8 },
  (_, i) => `Paragraph ${i + 1}: the ferry crews walked out on Monday over pay, and the harbour stayed shut until the talks resumed.`,
);
const STORY = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('');

const HEAD =
  '<title>Ferry crews strike over pay</title><meta name="author" content="Ana Ruiz"><meta name="description" content="The harbour is shut and the talks are stuck.">';

async function read(body: string, head = HEAD) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
  return readWebPage(html, { path: null, url: 'https://news.example/2026/ferry-strike' });
}

const paragraphs = (texts: string[]) => texts.map((p) => `<p>${p}</p>`).join('');
const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

describe('furniture inside the story', () => {
  it('drops advertisement labels and share bars between paragraphs', async () => {
    const share = '<div><p>Share this article</p><a href="https://x.example/s"><img src="x.svg" alt=""></a></div>';
    const body = PARAGRAPHS.map((p, i) => `<p>${p}</p>${i % 2 ? share : '<div class="ad"><span>Advertisement</span></div>'}`).join('');
    const article = await read(`<article>${body}<p>Story continues below advertisement</p></article>`);
    expect(lines(article.text)).toEqual(PARAGRAPHS);
  });

  it('drops the byline and date lines under the headline, with a role after the name', async () => {
    const article = await read(
      `<article><h1>Ferry crews strike over pay</h1><div><span>By Ana Ruiz</span><span>Transport Correspondent</span></div>` +
        `<time datetime="2026-10-07T10:14:00Z">7 October 2026 10:14 AM GMT</time><p>Published: 7 October 2026</p>${STORY}</article>`,
    );
    expect(lines(article.text)).toEqual(PARAGRAPHS);
    expect(article.byline).toBe('Ana Ruiz');
  });

  it("drops a blogging platform's line of author, reading time and date", async () => {
    const article = await read(`<article><p>Ana Ruiz · 5 min read · 6 June 2026</p>${STORY}</article>`);
    expect(lines(article.text)).toEqual(PARAGRAPHS);
  });

  it('drops the standfirst that repeats the description, and keeps it as the dek', async () => {
    const article = await read(
      `<article><div class="standfirst"><p>The harbour is shut and the talks are stuck.</p></div>${STORY}</article>`,
    );
    expect(lines(article.text)).toEqual(PARAGRAPHS);
    expect(article.dek).toBe('The harbour is shut and the talks are stuck.');
  });

  it('drops a "Related Topics" list without keeping its topics as related stories', async () => {
    const article = await read(
      `<article>${STORY}<section><h2>Related Topics</h2><ul><li><a href="/t/transport">Transport</a></li><li><a href="/t/local">Local government</a></li></ul></section></article>`,
    );
    expect(lines(article.text)).toEqual(PARAGRAPHS);
    expect(article.related).toEqual([]);
  });

  it("drops the agency's standards line at the foot and keeps its reporting credit", async () => {
    const article = await read(
      `<article>${STORY}<p>Reporting by Ana Ruiz; Editing by Tom Field</p><p>Our Standards: The Meridian Trust Principles.</p></article>`,
    );
    expect(lines(article.text)).toEqual([...PARAGRAPHS, 'Reporting by Ana Ruiz; Editing by Tom Field']);
  });
});

describe('the story itself stays whole', () => {
  it('keeps sentences that open with "By" or with the author\'s name, and dates inside sentences', async () => {
    const opening = [
      'By Tuesday, Ana Ruiz had counted forty boats waiting outside the harbour wall.',
      'Ana Ruiz won the vote.',
      'On <time datetime="2026-10-07">7 October 2026</time> the talks broke down.',
    ];
    const article = await read(`<article>${opening.map((p) => `<p>${p}</p>`).join('')}${STORY}</article>`);
    expect(lines(article.text)).toEqual([
      'By Tuesday, Ana Ruiz had counted forty boats waiting outside the harbour wall.',
      'Ana Ruiz won the vote.',
      'On 7 October 2026 the talks broke down.',
      ...PARAGRAPHS,
    ]);
  });

  it("keeps a paragraph that only mentions advertising, and a live blog's entry times in the middle", async () => {
    const entries = PARAGRAPHS.map((p, i) => `<div><time>1${i}:00 GMT</time><p>${p}</p></div>`).join('');
    const article = await read(`<article><p>Advertisement revenue fell by half.</p>${entries}</article>`);
    expect(lines(article.text)).toEqual(['Advertisement revenue fell by half.', ...PARAGRAPHS.flatMap((p, i) => [`1${i}:00 GMT`, p])]);
  });
});

describe('a date line', () => {
  it.each([
    '7 October 2026 10:14 AM GMT',
    'Published: 8 November 2026',
    'Updated 3 hours ago',
    'Tue, Oct 7, 2026, 10:14 a.m. ET',
    '2026-10-07',
    '08.04.2026, 15.32 Uhr',
    'publié le 13 mars 2026 à 21h45',
    'Veröffentlicht am 8. April 2026',
    '12 de marzo de 2026',
  ])('is "%s"', (text) => expect(isDateLine(text)).toBe(true));
  it.each(['Officials met on 7 October 2026 to vote.', '2026', 'Ferry crews strike', 'May the best team win 2-1'])('is not "%s"', (text) =>
    expect(isDateLine(text)).toBe(false),
  );
});

describe('furniture in the languages sites print it in', () => {
  it('regression: a German standfirst, date line, share link and "Mehr zum Thema" stayed in the story', async () => {
    const head =
      '<title>Busse fahren elektrisch</title><meta name="author" content="Lena Hoffmann"><meta name="description" content="Hamburg stellt den Nahverkehr um.">';
    const article = await read(
      `<main><article><header><h2>Busse fahren elektrisch</h2><div><strong>Hamburg stellt den Nahverkehr um.</strong></div>
<div><span>Von Lena Hoffmann</span></div><div><time datetime="2026-04-08 15:32">08.04.2026, 15.32 Uhr</time></div><div><a href="#s">Artikel teilen</a></div></header>
<section>${STORY}</section><section><h3>Mehr zum Thema</h3><ul><li><a href="/a">Deutschlandticket: Was sich ändert</a></li><li><a href="/b">Tempolimit: Die Argumente</a></li></ul></section></article></main>`,
      head,
    );
    expect(lines(article.text)).toEqual(PARAGRAPHS);
    expect(article.dek).toBe('Hamburg stellt den Nahverkehr um.');
    expect((article.related ?? []).map((link) => link.title)).toEqual(['Deutschlandticket: Was sich ändert', 'Tempolimit: Die Argumente']);
  });

  it('regression: a French "Partager :" bar and "Lire aussi :" line between paragraphs stayed in the story', async () => {
    const article = await read(
      `<div class="article"><h1>Ferry crews strike over pay</h1><div class="texte">${paragraphs(PARAGRAPHS.slice(0, 4))}
<p>Partager : <a href="https://f.example/s">Facebook</a> <a href="mailto:?">E-mail</a></p>
<p><b>Lire aussi :</b> <a href="/brest/piscine">Brest : la piscine rouvre ses portes</a></p>${paragraphs(PARAGRAPHS.slice(4))}</div></div>`,
    );
    expect(lines(article.text)).toEqual(PARAGRAPHS);
    expect((article.related ?? []).map((link) => link.title)).toEqual(['Brest : la piscine rouvre ses portes']);
  });

  it('regression: a byline line with the desk and place after the name stayed in the story', async () => {
    const article = await read(
      `<div id="wrapper"><header><a href="/">Harbour Times</a><nav><a href="/news">News</a><a href="/sport">Sport</a><a href="/culture">Culture</a><a href="/travel">Travel</a></nav></header>
<main id="main-content"><article><div data-component="headline-block"><h1>Ferry crews strike over pay</h1></div><div data-component="byline-block"><p><time datetime="2026-02-09T08:14:22Z">9 February 2026</time></p><p><span>Ana Ruiz</span><span>Harbour Times, Port Ellis</span></p></div>
<div data-component="text-block">${paragraphs(PARAGRAPHS.slice(0, 5))}</div></article></main><footer><p>Copyright 2026 Harbour Times.</p></footer></div>`,
    );
    expect(lines(article.text)).toEqual(PARAGRAPHS.slice(0, 5));
  });
});

describe('the site speaking between the paragraphs', () => {
  it('regression: "RELATED: …" lines, a "READ MORE" list and calls to sign up or follow stayed in the story', async () => {
    const inserts = [
      '<p>RELATED: <a href="/news/storm">Storm warning issued for the coast this weekend</a></p>',
      '<p><strong>READ MORE</strong></p><ul><li><a href="/a">Rail fares frozen for second year running</a></li><li><a href="/b">New head named for city museum</a></li></ul>',
      '<p><em>Sign up to First Edition, our free daily newsletter – every weekday morning at 7am</em></p>',
    ];
    const article = await read(
      `<article><h1>Ferry crews strike over pay</h1><div>${PARAGRAPHS.map((p, i) => `<p>${p}</p>${inserts[i] ?? ''}`).join('')}
<p><em>Follow us on Twitter and Facebook for the latest news.</em></p><p>Have a story? Email us at news@harbour.example</p></div></article>`,
    );
    expect(lines(article.text)).toEqual(PARAGRAPHS);
    expect((article.related ?? []).map((link) => link.title)).toEqual([
      'Rail fares frozen for second year running',
      'New head named for city museum',
      'Storm warning issued for the coast this weekend',
    ]);
  });

  it('keeps the story’s own sentences about signing up, subscribers and following', async () => {
    const own = [
      'Sign-ups for the ferry pass doubled after the strike, the operator said on Friday.',
      'Subscribers to the harbour newsletter were told of the strike an hour before it began.',
      '“Follow the money,” the union leader told reporters outside the terminal.',
      'Related talks between the port and the council will resume next week.',
    ];
    const article = await read(`<article><h1>Ferry crews strike over pay</h1>${STORY}${own.map((p) => `<p>${p}</p>`).join('')}</article>`);
    expect(lines(article.text)).toEqual([...PARAGRAPHS, ...own]);
  });
});

describe('what Readability would drop or keep wrongly', () => {
  it('regression: a quote’s attribution in its <footer> was dropped with the site’s footers', async () => {
    const quote =
      '<blockquote><p>We will not go back until the rota is fixed.</p><footer>— <cite>Union leader Tom Field</cite></footer></blockquote>';
    const article = await read(
      `<article><h1>Ferry crews strike over pay</h1>${paragraphs(PARAGRAPHS.slice(0, 4))}${quote}${paragraphs(PARAGRAPHS.slice(4))}</article>`,
    );
    expect(lines(article.text)).toEqual([
      ...PARAGRAPHS.slice(0, 4),
      'We will not go back until the rota is fixed.',
      '— Union leader Tom Field',
      ...PARAGRAPHS.slice(4),
    ]);
  });

  it('regression: the paywall’s offer, the box about the author and footnotes’ back-links stayed in the story', async () => {
    const article = await read(
      `<article><h1>Ferry crews strike over pay</h1>${paragraphs(PARAGRAPHS.slice(0, 5))}<p>The fund was set up in 2019.<sup><a href="#fn1" id="r1">1</a></sup></p>
<ol class="notes"><li id="fn1">Regional fund annual report, 2025. <a href="#r1">↩</a></li></ol>
<div class="author-bio"><p><strong>Ana Ruiz</strong> is the Harbour Times’ transport reporter. Reach her at ana@harbour.example.</p></div>
<div class="paywall"><h3>Subscribe to keep reading</h3><p>Get unlimited access to the Harbour Times for £1 a week. Cancel anytime.</p><a href="/subscribe">Subscribe now</a><p>Already a subscriber? <a href="/login">Log in</a></p></div></article>`,
    );
    expect(lines(article.text)).toEqual([...PARAGRAPHS.slice(0, 5), 'The fund was set up in 2019.1', 'Regional fund annual report, 2025.']);
  });

  it('keeps a story’s own sentences about subscriptions', async () => {
    const own = 'Subscribers to the ferry pass will get their money back, the operator said.';
    const article = await read(`<article><h1>Ferry crews strike over pay</h1>${STORY}<p>${own}</p></article>`);
    expect(lines(article.text)).toEqual([...PARAGRAPHS, own]);
  });
});

describe('a page that holds more than its story', () => {
  it('regression: the next story, loaded below as the reader scrolled, was kept as part of this one', async () => {
    const next = paragraphs(PARAGRAPHS.map((p) => p.replace('ferry crews', 'highways agency')));
    const article = await read(
      `<main><article><h1>Ferry crews strike over pay</h1>${STORY}</article><article><h1>Bridge repairs begin</h1>${next}</article></main>`,
    );
    expect(article.text).toContain(PARAGRAPHS[7]);
    expect(article.text).not.toContain('highways agency');
  });

  it('keeps every post of a live blog whose posts are articles headed with their own headings', async () => {
    const posts = PARAGRAPHS.map(
      (p, i) => `<article class="post"><h2>Update ${i + 1}</h2><p>${p}</p><p>${p.replace('Paragraph', 'More on')}</p></article>`,
    );
    const article = await read(`<header><h1>Ferry crews strike over pay</h1></header><main>${posts.join('')}</main>`);
    for (const p of PARAGRAPHS) expect(article.text).toContain(p);
  });

  it('regression: a video player’s "Video duration 2:31" and the copyright line at the foot stayed in the story', async () => {
    const article = await read(
      `<article><h1>Ferry crews strike over pay</h1>${paragraphs(PARAGRAPHS.slice(0, 4))}<div class="player"><p>Video duration 2:31</p><p>Play video</p></div>${paragraphs(PARAGRAPHS.slice(4))}<p>© 2026 The Daily Planet. All rights reserved.</p></article>`,
    );
    expect(lines(article.text)).toEqual(PARAGRAPHS);
  });

  it('keeps a picture’s credit and a sentence about copyright', async () => {
    const article = await read(
      `<article><h1>Ferry crews strike over pay</h1>${STORY}<p>Copyright lawyers say the harbour board’s logo belongs to the town.</p><figure><img src="https://cdn.news.example/pier.jpg" alt=""><figcaption>© Ana Ruiz</figcaption></figure></article>`,
    );
    expect(article.text).toContain('Copyright lawyers say');
    expect(article.text).toContain('© Ana Ruiz');
  });
});
