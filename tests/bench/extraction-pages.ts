/**
 * The pages of the extraction evaluation (`npm run bench -- --only extraction`): news pages
 * written here in the shapes of the big sites' templates — JSON-LD in its variants, bylines in
 * odd places, section-name headings, galleries, live blogs, paywall teasers, related-story
 * rails, share bars, legacy encodings — each with what a person reading it would call its
 * headline, byline, publication time, site and story text.
 *
 * Fifteen template families, each filled with four stories of their own, make 60 pages; the
 * stories are built from a bank of sentences so that no two pages share their text.
 */

export interface ExpectedArticle {
  title: string;
  /** Names as a reader would write them ("Ana Ruiz and Tom Field"); null where the page names no one. */
  byline: string | null;
  /** An instant (ISO 8601), or null where the page gives none. */
  publishedAt: string | null;
  siteName: string;
  /** The story's own text: its paragraphs, subheadings and quotes, nothing of the site around it. */
  body: string;
}

export interface EvaluationPage {
  name: string;
  /** The page as bytes, in its own encoding. */
  bytes: Uint8Array;
  url: string;
  expected: ExpectedArticle;
}

interface Story {
  title: string;
  dek: string;
  authors: string[];
  publishedAt: string;
  paragraphs: string[];
  subheads: string[];
  quote: { text: string; by: string };
  caption: string;
}

const TOPICS = [
  { thing: 'ferry pier', place: 'Port Ellis', actor: 'the harbour board', verb: 'approved' },
  { thing: 'flood barrier', place: 'Lower Marsh', actor: 'the river authority', verb: 'finished' },
  { thing: 'night bus network', place: 'Carrow', actor: 'the transport council', verb: 'expanded' },
  { thing: 'children’s hospital wing', place: 'Westfield', actor: 'the health trust', verb: 'opened' },
  { thing: 'coastal rail line', place: 'Saltby', actor: 'the rail operator', verb: 'reopened' },
  { thing: 'wind farm', place: 'Dunmore Bay', actor: 'the energy ministry', verb: 'licensed' },
  { thing: 'public library', place: 'Old Harwick', actor: 'the city council', verb: 'saved' },
  { thing: 'water treatment plant', place: 'Kelton', actor: 'the water company', verb: 'upgraded' },
  { thing: 'school meals scheme', place: 'Brayford', actor: 'the education board', verb: 'extended' },
  { thing: 'housing estate', place: 'Millbrook', actor: 'the planning committee', verb: 'rejected' },
] as const;

const PEOPLE = [
  'Ana Ruiz',
  'Tom Field',
  'Priya Natarajan',
  'Jonas Albrecht',
  'Mei-Ling Chow',
  'Oluwaseun Adeyemi',
  'Claire O’Donnell',
  'Rafael Mendes',
  'Sofia Lindqvist',
  'Daniel Kowalski',
  'Hannah Whitcombe',
  'Yusuf Demir',
];

const OPENINGS = [
  (t: Topic) => `${cap(t.actor)} ${t.verb} the ${t.thing} in ${t.place} on Tuesday, ending a dispute that had run for almost two years.`,
  (t: Topic) => `The ${t.thing} in ${t.place} was ${t.verb} by ${t.actor} late on Monday after a vote that split the room.`,
  (t: Topic) => `Residents of ${t.place} woke on Wednesday to news that ${t.actor} had ${t.verb} the ${t.thing} overnight.`,
  (t: Topic) => `After months of hearings, ${t.actor} ${t.verb} the ${t.thing} for ${t.place}, officials said on Thursday.`,
];

const MIDDLES = [
  (t: Topic) => `The decision follows a public consultation in which more than four thousand people in ${t.place} took part.`,
  (t: Topic) => `Critics said the cost of the ${t.thing} had doubled since the plans were first drawn up in the spring of last year.`,
  () => `Officials declined to say how long the work would take, but documents seen by reporters suggest at least eighteen months.`,
  (t: Topic) => `Local businesses in ${t.place} said they had been given little warning and feared a drop in trade while work went on.`,
  () => `A spokesperson said the figures would be published in full at the next meeting, which is open to the public.`,
  (t: Topic) => `Opposition members argued that ${t.actor} had ignored an independent report that recommended a smaller scheme.`,
  () => `The money comes from a regional fund that was set up to pay for projects the central government would not.`,
  (t: Topic) => `Engineers who worked on the ${t.thing} said the design had been changed three times to meet new safety rules.`,
  () => `Unions representing staff welcomed the plan but warned that jobs must not be lost when contracts change hands.`,
  (t: Topic) => `Campaigners in ${t.place} said they would keep pressing for a full inquiry into how the contracts were awarded.`,
  () => `The regulator is expected to issue its own assessment before the end of the year, according to two people briefed on it.`,
  (t: Topic) => `Families living nearest to the ${t.thing} have been offered meetings with the project team next month.`,
  () => `Figures released last week showed the number of complaints had fallen by a third since the same period last year.`,
  (t: Topic) => `It is the largest project of its kind in ${t.place} since the old market hall was rebuilt after the fire of 1987.`,
];

const SUBHEADS = ['What happens next', 'A long dispute', 'The cost', 'Voices from the town', 'Questions remain'];

type Topic = (typeof TOPICS)[number];
const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function story(index: number): Story {
  const topic = TOPICS[index % TOPICS.length]!;
  const round = Math.floor(index / TOPICS.length);
  const pick = (offset: number) => MIDDLES[(index * 3 + offset * 5 + round) % MIDDLES.length]!(topic);
  const paragraphs = [OPENINGS[(index + round) % OPENINGS.length]!(topic), ...Array.from({ length: 7 + (index % 4) }, (_, i) => pick(i))];
  const authorCount = 1 + (index % 3 === 0 ? 1 : 0) + (index % 7 === 0 ? 1 : 0);
  const authors = Array.from({ length: authorCount }, (_, i) => PEOPLE[(index * 5 + i * 7) % PEOPLE.length]!);
  const day = 1 + (index % 27);
  const hour = 6 + (index % 14);
  const titles = [
    `${cap(topic.actor)} ${topic.verb} ${topic.place}’s ${topic.thing} after two-year fight`,
    `${topic.place} ${topic.thing}: what the ${topic.verb} plan means for residents`,
    `‘We were never asked’ — anger in ${topic.place} as ${topic.thing} is ${topic.verb}`,
    `${topic.place}’s ${topic.thing} ${topic.verb}, but the bill is still growing`,
  ];
  return {
    title: titles[round % titles.length]!,
    dek: `The ${topic.thing} will change how ${topic.place} lives and works, and not everyone is pleased.`,
    authors,
    publishedAt: new Date(Date.UTC(2026, index % 12, day, hour, (index * 13) % 60)).toISOString().replace('.000Z', 'Z'),
    paragraphs,
    subheads: [SUBHEADS[index % SUBHEADS.length]!],
    quote: {
      text: `We have waited a long time for the ${topic.thing}, and we will be watching every penny.`,
      by: PEOPLE[(index + 3) % PEOPLE.length]!,
    },
    caption: `The site of the ${topic.thing} in ${topic.place}. Photograph: ${PEOPLE[(index + 5) % PEOPLE.length]}`,
  };
}

const names = (authors: string[]) => (authors.length === 1 ? authors[0]! : `${authors.slice(0, -1).join(', ')} and ${authors.at(-1)}`);
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const prettyDate = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const usDate = (iso: string) =>
  new Date(iso).toLocaleDateString('en-US', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The story's paragraphs with its subheading and quote in place, as markup and as text. */
function storyBody(s: Story, paragraph = (text: string) => `<p>${escape(text)}</p>`): { html: string; text: string[] } {
  const html: string[] = [];
  const text: string[] = [];
  s.paragraphs.forEach((p, i) => {
    if (i === 3) {
      html.push(`<h2>${escape(s.subheads[0]!)}</h2>`);
      text.push(s.subheads[0]!);
    }
    if (i === 5) {
      html.push(`<blockquote><p>${escape(s.quote.text)}</p><p>— ${escape(s.quote.by)}</p></blockquote>`);
      text.push(s.quote.text, `— ${s.quote.by}`);
    }
    html.push(paragraph(p));
    text.push(p);
  });
  return { html: html.join('\n'), text };
}

const relatedRail = (site: string, heading: string) => `
<aside class="related"><h2>${heading}</h2><ul>
${[
  'Council tax to rise by 4%',
  'Storm warning for the coast this weekend',
  'Rail fares frozen for a second year',
  'New head for the city museum',
]
  .map(
    (t) =>
      `<li><a href="https://${site}/news/${slug(t)}">${t}</a><span class="summary">Read the full story from our newsroom about ${t.toLowerCase()}.</span></li>`,
  )
  .join('\n')}
</ul></aside>`;

const shareBar = `<div class="share"><span>Share this story</span><a href="https://twitter.example/share">Twitter</a><a href="https://facebook.example/share">Facebook</a><a href="mailto:?subject=story">Email</a></div>`;

const siteChrome = (site: string, section: string) => `
<header class="masthead"><a href="/" class="logo">${site}</a>
<nav><ul>${['News', 'Politics', 'Business', 'Sport', 'Culture', 'Opinion'].map((n) => `<li><a href="/${n.toLowerCase()}">${n}</a></li>`).join('')}</ul></nav>
<div class="section-label">${section}</div></header>`;

const footer = (site: string) =>
  `<footer><p>© 2026 ${site}. All rights reserved.</p><ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms</a></li></ul></footer>`;

interface Template {
  id: string;
  site: string;
  domain: string;
  render: (
    s: Story,
    url: string,
  ) => { html: string; expected: Partial<Omit<ExpectedArticle, 'body'>> & { body: string[] }; charset?: 'windows-1252' };
}

const page = (head: string, body: string, charset = 'utf-8', lang = 'en') =>
  `<!DOCTYPE html><html lang="${lang}"><head><meta charset="${charset}">${head}</head><body>${body}</body></html>`;

/** A date as a French or German site prints it: "13 mars 2026 à 21h45", "08.04.2026, 15.32 Uhr". */
const localDate = (iso: string, lang: 'fr' | 'de') => {
  const date = new Date(iso);
  const time = (separator: string) =>
    `${String(date.getUTCHours()).padStart(2, '0')}${separator}${String(date.getUTCMinutes()).padStart(2, '0')}`;
  if (lang === 'fr')
    return `${date.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })} à ${time('h')}`;
  return `${date.toLocaleDateString('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' })}, ${time('.')} Uhr`;
};
const joinedNames = (authors: string[], and: string) =>
  authors.length === 1 ? authors[0]! : `${authors.slice(0, -1).join(', ')} ${and} ${authors.at(-1)}`;

const TEMPLATES: Template[] = [
  {
    // A national daily: NewsArticle JSON-LD with Person authors, a "By" line of links, ads between paragraphs.
    id: 'daily-jsonld',
    site: 'The Morning Ledger',
    domain: 'morningledger.example',
    render: (s) => {
      const body = storyBody(s, (p) => `<p class="story-body-text">${escape(p)}</p><div class="ad"><span>Advertisement</span></div>`);
      const ld = {
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: s.title,
        datePublished: s.publishedAt,
        author: s.authors.map((name) => ({ '@type': 'Person', name, url: `https://morningledger.example/by/${slug(name)}` })),
        publisher: { '@type': 'Organization', name: 'The Morning Ledger' },
      };
      return {
        html: page(
          `<title>${escape(s.title)} - The Morning Ledger</title><meta property="og:title" content="${escape(s.title)}"><script type="application/ld+json">${JSON.stringify(ld)}</script>`,
          `${siteChrome('The Morning Ledger', 'U.K.')}<main><article><header><h1>${escape(s.title)}</h1><p class="summary">${escape(s.dek)}</p>
<p class="byline">By ${s.authors.map((a) => `<a href="/by/${slug(a)}">${a}</a>`).join(' and ')}</p><time datetime="${s.publishedAt}">${prettyDate(s.publishedAt)}</time></header>
<section name="articleBody">${body.html}</section></article>${relatedRail('morningledger.example', 'More on this story')}</main>${footer('The Morning Ledger')}`,
        ),
        expected: { body: body.text },
      };
    },
  },
  {
    // A broadcaster: JSON-LD in @graph, byline "By Name" with a role line, a "Related Topics" list, share buttons.
    id: 'broadcaster-graph',
    site: 'Northern Broadcasting',
    domain: 'nbc-north.example',
    render: (s) => {
      const body = storyBody(s);
      const ld = {
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebSite', name: 'Northern Broadcasting', url: 'https://nbc-north.example/' },
          { '@type': 'BreadcrumbList', name: 'England' },
          {
            '@type': 'ReportageNewsArticle',
            headline: s.title,
            datePublished: s.publishedAt,
            author: s.authors.map((name) => ({ '@type': 'Person', name })),
          },
        ],
      };
      return {
        html: page(
          `<title>${escape(s.title)} - Northern Broadcasting News</title><meta property="og:site_name" content="Northern Broadcasting"><script type="application/ld+json">${JSON.stringify(ld)}</script>`,
          `${siteChrome('Northern Broadcasting', 'England')}<main id="main-content"><article><h1 id="main-heading">${escape(s.title)}</h1>
${shareBar}<div class="byline-block">${s.authors.map((a) => `<div><span>By ${a}</span><span class="role">Local Democracy Reporter</span></div>`).join('')}</div>
<time datetime="${s.publishedAt}">${prettyDate(s.publishedAt)}</time>
<figure><img src="https://ichef.nbc-north.example/p1.jpg" alt="${escape(s.caption)}"><figcaption>${escape(s.caption)}</figcaption></figure>
${body.html}<section class="topics"><h2>Related Topics</h2><ul><li><a href="/topics/transport">Transport</a></li><li><a href="/topics/local">Local government</a></li></ul></section></article>
${relatedRail('nbc-north.example', 'More on this story')}</main>${footer('Northern Broadcasting')}`,
        ),
        expected: { body: body.text, siteName: 'Northern Broadcasting' },
      };
    },
  },
  {
    // A web-first paper: title with section and site, article:author as a profile address, byline in <address>.
    id: 'paper-profile-author',
    site: 'The Chronicle',
    domain: 'chronicle.example',
    render: (s) => {
      const body = storyBody(s);
      return {
        html: page(
          `<title>${escape(s.title)} | UK news | The Chronicle</title><meta property="og:title" content="${escape(s.title)}"><meta property="og:site_name" content="The Chronicle">
<meta property="article:author" content="https://www.chronicle.example/profile/${slug(s.authors[0]!)}"><meta property="article:published_time" content="${s.publishedAt}">
<meta name="description" content="${escape(s.dek)}">`,
          `${siteChrome('The Chronicle', 'UK news')}<div class="content"><div class="headline"><h1>${escape(s.title)}</h1></div><div class="standfirst"><p>${escape(s.dek)}</p></div>
<aside class="meta"><address>${s.authors.map((a) => `<a rel="author" href="/profile/${slug(a)}">${a}</a>`).join(' and ')}</address><details><summary>${prettyDate(s.publishedAt)}</summary></details>${shareBar}</aside>
<div class="article-body-commercial-selector">${body.html}</div>
<div class="submeta"><a href="/uk/transport">Transport</a><a href="/uk/local">Local government</a></div></div>
<section class="most-viewed"><h2>Most viewed</h2><ol>${['Ten things to do this weekend', 'Why the tide is so high', 'The best walks near the coast'].map((t) => `<li><a href="/x/${slug(t)}">${t}</a></li>`).join('')}</ol></section>${footer('The Chronicle')}`,
        ),
        expected: { body: body.text, siteName: 'The Chronicle' },
      };
    },
  },
  {
    // A wire service: JSON-LD in CDATA, several authors, a dateline opening the story, a reporting credit after it.
    id: 'wire-cdata',
    site: 'Meridian Wire',
    domain: 'meridianwire.example',
    render: (s) => {
      const first = `PORT ELLIS, ${prettyDate(s.publishedAt)} (Meridian) - ${s.paragraphs[0]}`;
      const body = storyBody({ ...s, paragraphs: [first, ...s.paragraphs.slice(1)] });
      const ld = {
        '@context': 'http://schema.org',
        '@type': 'NewsArticle',
        headline: s.title,
        dateCreated: s.publishedAt,
        datePublished: s.publishedAt,
        author: s.authors.map((name) => ({ '@type': 'Person', name })),
      };
      return {
        html: page(
          `<title>${escape(s.title)} | Meridian Wire</title><script type="application/ld+json">//<![CDATA[
${JSON.stringify(ld)}
//]]></script><meta property="og:site_name" content="Meridian Wire">`,
          `${siteChrome('Meridian Wire', 'World')}<article><div class="article-header"><h1 data-testid="Heading">${escape(s.title)}</h1>
<div class="info"><div data-testid="AuthorByline">By ${names(s.authors)}</div><time datetime="${s.publishedAt}">${prettyDate(s.publishedAt)} 10:14 AM GMT</time></div></div>
<div class="article-body">${body.html}<p class="sign-off">Reporting by ${s.authors[0]}; Editing by ${PEOPLE[11]}</p>
<p class="trust">Our Standards: The Meridian Trust Principles.</p></div></article>${relatedRail('meridianwire.example', 'Read Next')}${footer('Meridian Wire')}`,
        ),
        expected: { body: body.text },
      };
    },
  },
  {
    // A local paper in windows-1252, laid out with a lone section-name <h1> outside the story.
    id: 'local-legacy-encoding',
    site: 'Harwick Gazette',
    domain: 'harwickgazette.example',
    render: (s) => {
      const body = storyBody(s);
      return {
        charset: 'windows-1252',
        html: page(
          `<title>${escape(s.title)} | Harwick Gazette</title><meta name="author" content="${names(s.authors)}"><meta property="og:site_name" content="Harwick Gazette">
<meta name="pubdate" content="${s.publishedAt}">`,
          `<table width="100%"><tr><td class="masthead"><h1>Local News</h1></td></tr><tr><td><table><tr><td class="left-nav"><a href="/news">News</a><br><a href="/sport">Sport</a><br><a href="/notices">Notices</a></td>
<td class="story"><h2 class="headline">${escape(s.title)}</h2><p class="byline">By ${names(s.authors)}</p><p class="date">Published: ${prettyDate(s.publishedAt)}</p>
${body.html}</td></tr></table></td></tr></table>${footer('Harwick Gazette')}`,
          'windows-1252',
        ),
        expected: { body: body.text, siteName: 'Harwick Gazette' },
      };
    },
  },
  {
    // A blogging platform: "Name · 5 min read · Follow" beside a relative date, no JSON-LD.
    id: 'blog-platform',
    site: 'Inkwell',
    domain: 'inkwell.example',
    render: (s) => {
      const body = storyBody(s);
      return {
        html: page(
          `<title>${escape(s.title)} | by ${s.authors[0]} | Inkwell</title><meta property="og:title" content="${escape(s.title)}"><meta property="og:site_name" content="Inkwell">
<meta name="author" content="${s.authors[0]}"><meta property="article:published_time" content="${s.publishedAt}">`,
          `<div class="topbar"><a href="/">Inkwell</a><a href="/signin">Sign in</a></div><article><section><h1>${escape(s.title)}</h1>
<div class="author-row"><a href="/@${slug(s.authors[0]!)}">${s.authors[0]}</a><span>·</span><span>5 min read</span><span>·</span><button>Follow</button><span>${prettyDate(s.publishedAt)}</span></div>
${body.html}</section></article><div class="clap"><button>Clap</button><span>124</span></div><section class="more-from"><h2>More from ${s.authors[0]}</h2>${relatedRail('inkwell.example', 'Recommended from Inkwell')}</section>`,
        ),
        expected: { body: body.text, byline: s.authors[0]!, siteName: 'Inkwell' },
      };
    },
  },
  {
    // A live blog: LiveBlogPosting JSON-LD, timestamped updates as the story.
    id: 'live-blog',
    site: 'The Evening Post',
    domain: 'eveningpost.example',
    render: (s) => {
      const updates = s.paragraphs.map((p, i) => ({ time: new Date(Date.parse(s.publishedAt) + i * 600_000).toISOString(), text: p }));
      const ld = {
        '@context': 'https://schema.org',
        '@type': 'LiveBlogPosting',
        headline: s.title,
        datePublished: s.publishedAt,
        author: { '@type': 'Person', name: s.authors[0] },
      };
      return {
        html: page(
          `<title>${escape(s.title)} – live | The Evening Post</title><meta property="og:site_name" content="The Evening Post"><script type="application/ld+json">${JSON.stringify(ld)}</script>`,
          `${siteChrome('The Evening Post', 'Live')}<main><h1>${escape(s.title)} – live</h1><p class="byline">${s.authors[0]}</p>
<div class="live-blog">${updates.map((u) => `<div class="block"><time datetime="${u.time}">${u.time.slice(11, 16)} GMT</time><p>${escape(u.text)}</p>${shareBar}</div>`).join('\n')}</div></main>${footer('The Evening Post')}`,
        ),
        // Each entry's time is part of what a reader of a live blog reads, so it is part of the story.
        expected: {
          body: updates.flatMap((u) => [`${u.time.slice(11, 16)} GMT`, u.text]),
          title: `${s.title} – live`,
          byline: s.authors[0]!,
        },
      };
    },
  },
  {
    // A paywalled magazine: only the teaser paragraphs are on the page, then a subscription box.
    id: 'paywall-teaser',
    site: 'The Quarterly Review',
    domain: 'quarterlyreview.example',
    render: (s) => {
      const teaser = { ...s, paragraphs: s.paragraphs.slice(0, 4) };
      const body = storyBody(teaser);
      const ld = {
        '@context': 'https://schema.org',
        '@type': 'Article',
        headline: s.title,
        datePublished: s.publishedAt,
        isAccessibleForFree: false,
        author: s.authors.map((name) => ({ '@type': 'Person', name })),
        publisher: { '@type': 'Organization', name: 'The Quarterly Review' },
      };
      return {
        html: page(
          `<title>${escape(s.title)}</title><meta property="og:site_name" content="The Quarterly Review"><script type="application/ld+json">${JSON.stringify(ld)}</script>`,
          `${siteChrome('The Quarterly Review', 'Essays')}<article><h1>${escape(s.title)}</h1><h2 class="dek">${escape(s.dek)}</h2><p class="byline">By ${names(s.authors)}</p>
<div class="body">${body.html}</div><div class="paywall"><h3>Subscribe to keep reading</h3><p>Get unlimited access to every essay for just £1 a week. Cancel any time.</p><a href="/subscribe">Subscribe now</a></div></article>${footer('The Quarterly Review')}`,
        ),
        expected: { body: body.text },
      };
    },
  },
  {
    // A photo gallery: short text, several captioned pictures, and an entity escaped twice in the description.
    id: 'gallery-entities',
    site: 'Coast & Country',
    domain: 'coastandcountry.example',
    render: (s) => {
      const body = storyBody({ ...s, paragraphs: s.paragraphs.slice(0, 5) });
      return {
        html: page(
          `<title>${escape(s.title)} | Coast &amp; Country</title><meta property="og:title" content="${escape(s.title)}"><meta property="og:site_name" content="Coast &amp;amp; Country">
<meta property="og:description" content="That&amp;#039;s the view from ${escape(s.paragraphs[0]!.slice(0, 40))}"><meta property="article:published_time" content="${s.publishedAt}"><meta name="byl" content="By ${names(s.authors)}">`,
          `${siteChrome('Coast & Country', 'Galleries')}<main><article><h1>${escape(s.title)}</h1><div class="credit">Words by ${names(s.authors)}</div>
${body.html}<div class="gallery">${[1, 2, 3].map((n) => `<figure><img src="https://img.coastandcountry.example/${n}.jpg" alt="Picture ${n}: ${escape(s.caption)}"><figcaption>${n} of 3. ${escape(s.caption)}</figcaption></figure>`).join('')}</div>
</article>${relatedRail('coastandcountry.example', 'You might also like')}</main>${footer('Coast & Country')}`,
        ),
        expected: { body: body.text, byline: names(s.authors), siteName: 'Coast & Country' },
      };
    },
  },
  {
    // A health portal: a section-name <h1> ("Transport Health Center") before the story's own heading.
    id: 'portal-section-h1',
    site: 'Civic Health Today',
    domain: 'civichealth.example',
    render: (s) => {
      const body = storyBody(s);
      return {
        html: page(
          `<title>${escape(s.title)} - Civic Health Today</title><meta property="og:title" content="${escape(s.title)}"><meta name="author" content="${names(s.authors)}">
<meta property="og:site_name" content="Civic Health Today"><meta itemprop="datePublished" content="${s.publishedAt}">`,
          `<div class="portal-header"><h1>Community Health Center</h1><p>Your guide to services near you.</p></div><div class="article-wrap"><div class="article-title">${escape(s.title)}</div>
<div class="author">Written by ${names(s.authors)} · Medically reviewed by Dr. ${PEOPLE[10]}</div><div class="article-text">${body.html}</div>
<div class="sources"><h3>Sources</h3><p>Regional health statistics, 2026.</p></div></div>${relatedRail('civichealth.example', 'Related stories')}`,
        ),
        expected: { body: body.text, byline: names(s.authors), siteName: 'Civic Health Today' },
      };
    },
  },
  {
    // A small-town paper: no JSON-LD or Open Graph, microdata only; a <title> and description
    // that are the site's own; the author's link inside a "Posted … | By …, Staff Writer" line.
    id: 'town-microdata',
    site: 'Tri-County Gazette',
    domain: 'tricountygazette.example',
    render: (s) => {
      const body = storyBody(s);
      return {
        html: page(
          `<title>Tri-County Gazette | Local News, Sports &amp; Obituaries</title><meta name="description" content="The Tri-County Gazette is your source for local news, sports and obituaries.">`,
          `<div id="top"><img src="/logo.png" alt="Tri-County Gazette"><ul class="menu"><li>News</li><li>Obituaries</li><li>Classifieds</li><li>E-Edition</li></ul></div>
<div class="content" itemscope itemtype="https://schema.org/NewsArticle"><h2 class="section-title">Local News</h2><h1 itemprop="headline">${escape(s.title)}</h1>
<div class="meta">Posted <span itemprop="datePublished" content="${s.publishedAt}">${prettyDate(s.publishedAt)}</span> | By ${s.authors
            .map(
              (a) =>
                `<span itemprop="author" itemscope itemtype="https://schema.org/Person"><a href="/staff/${slug(a)}"><span itemprop="name">${a}</span></a></span>`,
            )
            .join(' and ')}, Staff Writer</div>
<div itemprop="articleBody">${body.html}</div><div class="share">Share this story: <a href="https://facebook.example/share">Facebook</a> <a href="mailto:?">Email</a> <a href="javascript:print()">Print</a></div></div>
<div class="sidebar"><h3>Most Read</h3><ol><li><a href="/obits/harold-jenkins">Obituary: Harold Jenkins, 88</a></li><li><a href="/news/fair-board-lineup">Fair board announces lineup</a></li></ol></div>
<div class="footer">Copyright © 2026 Tri-County Gazette, 12 Main St. All rights reserved.</div>`,
        ),
        expected: { body: body.text },
      };
    },
  },
  {
    // A French regional paper in a legacy encoding: "Par … et …, publié le 13 mars à 21h45",
    // a "Partager :" bar and a "Lire aussi :" block inside the story.
    id: 'regional-french',
    site: 'Ouest Régions',
    domain: 'ouest-regions.example',
    render: (s) => {
      const body = storyBody(s);
      const byline = joinedNames(s.authors, 'et');
      return {
        html: page(
          `<title>${escape(s.title)} - Ouest Régions</title><meta property="og:title" content="${escape(s.title)}"><meta property="og:site_name" content="Ouest Régions">
<meta property="article:published_time" content="${s.publishedAt}">`,
          `<div id="bandeau"><a href="/">Accueil</a> <a href="/bretagne">Bretagne</a> <a href="/sports">Sports</a> <a href="/abonnement">S’abonner</a></div>
<div class="article"><p class="rubrique">Bretagne</p><h1 class="titre">${escape(s.title)}</h1>
<p class="auteur">Par ${s.authors
            .map((a) => `<b>${a}</b>`)
            .join(', ')
            .replace(/, (<b>[^<]*<\/b>)$/, ' et $1')}, publié le ${localDate(s.publishedAt, 'fr')}</p>
<div class="texte">${body.html}</div><div class="partage">Partager : <a href="https://facebook.example/share">Facebook</a> <a href="https://twitter.example/share">Twitter</a> <a href="mailto:?">E-mail</a></div>
<div class="lire-aussi"><b>Lire aussi :</b> <a href="/brest/piscine-rouvre">Brest : la piscine rouvre ses portes</a> <a href="/quimper/marche-couvert">Quimper : le marché couvert rénové</a></div></div>`,
          'iso-8859-1',
          'fr',
        ),
        charset: 'windows-1252',
        expected: { body: body.text, byline },
      };
    },
  },
  {
    // A German news magazine: the standfirst in <strong> that the description repeats, "Von …",
    // a date line "08.04.2026, 15.32 Uhr", an "Artikel teilen" link and "Mehr zum Thema".
    id: 'magazine-german',
    site: 'Die Rundschau',
    domain: 'rundschau.example',
    render: (s, url) => {
      const body = storyBody(s);
      const ld = {
        '@context': 'http://schema.org',
        '@type': 'NewsArticle',
        mainEntityOfPage: url,
        headline: s.title,
        description: s.dek,
        datePublished: s.publishedAt,
        author: s.authors.map((name) => ({ '@type': 'Person', name, url: `https://www.rundschau.example/impressum/autor-${slug(name)}` })),
        publisher: { '@type': 'Organization', name: 'Die Rundschau' },
      };
      return {
        html: page(
          `<title>${escape(s.title)} - Die Rundschau</title><meta property="og:title" content="${escape(s.title)}"><meta name="author" content="Die Rundschau">
<script type="application/ld+json">${JSON.stringify([ld])}</script>`,
          `<header><a href="/">Rundschau</a><nav><a href="/politik">Politik</a><a href="/ausland">Ausland</a><a href="/wirtschaft">Wirtschaft</a></nav></header>
<main><article><header><h2><span>${escape(s.title)}</span></h2><div class="leading-loose"><strong>${escape(s.dek)}</strong></div>
<div><span>Von ${joinedNames(
            s.authors.map((a) => `<a href="/impressum/autor-${slug(a)}">${a}</a>`),
            'und',
          )}</span></div><div><time datetime="${s.publishedAt.replace('T', ' ').replace('Z', '')}">${localDate(s.publishedAt, 'de')}</time></div><div><a href="#share">Artikel teilen</a></div></header>
<section class="relative">${body.html}</section>
<section><h3>Mehr zum Thema</h3><ul><li><a href="/auto/deutschlandticket">Deutschlandticket: Was sich ändert</a></li><li><a href="/auto/tempolimit">Tempolimit: Die Argumente</a></li></ul></section></article></main>`,
          'utf-8',
          'de',
        ),
        expected: { body: body.text, byline: joinedNames(s.authors, 'und') },
      };
    },
  },
  {
    // A classic blog theme (WordPress's own): no JSON-LD or Open Graph, the site's title as a
    // home link in the masthead (its address does not spell it), the post's title in an <h2>,
    // hAtom classes for the time and author, a sidebar of recent posts and a comment form.
    id: 'blog-theme-hatom',
    site: 'Riverside Notes',
    domain: 'rvnotes.example',
    render: (s, url) => {
      const body = storyBody(s);
      const home = `${new URL(url).origin}/`;
      const updated = new Date(Date.parse(s.publishedAt) + 26 * 3_600_000).toISOString();
      return {
        html: page(
          `<title>${escape(s.title)} &#8211; Riverside Notes</title><meta name="generator" content="WordPress 6.7">`,
          `<div id="page" class="site"><header id="masthead" class="site-header"><p class="site-title"><a href="${home}" rel="home">Riverside Notes</a></p>
<p class="site-description">News from the river towns</p><nav id="site-navigation"><ul><li><a href="${home}">Home</a></li><li><a href="/about/">About</a></li><li><a href="/contact/">Contact</a></li></ul></nav></header>
<div id="content" class="site-content"><main id="main" class="site-main"><article class="post type-post status-publish hentry">
<header class="entry-header"><h2 class="entry-title">${escape(s.title)}</h2><div class="entry-meta"><span class="posted-on">Posted on <a href="${url}" rel="bookmark"><time class="entry-date published" datetime="${s.publishedAt.replace('Z', '+00:00')}">${prettyDate(s.publishedAt)}</time><time class="updated" datetime="${updated}">${prettyDate(updated)}</time></a></span>
<span class="byline"> by ${s.authors.map((a) => `<span class="author vcard"><a class="url fn n" href="/author/${slug(a)}/">${a}</a></span>`).join(' and ')}</span></div></header>
<div class="entry-content">${body.html}</div><footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/news/">News</a></span></footer></article>
<nav class="navigation post-navigation"><h2 class="screen-reader-text">Post navigation</h2><div class="nav-links"><a href="/previous/" rel="prev">Previous post: Bridge repairs begin on Monday</a></div></nav>
<div id="comments" class="comments-area"><div id="respond" class="comment-respond"><h3 class="comment-reply-title">Leave a Reply</h3><form><p class="comment-notes">Your email address will not be published.</p><textarea name="comment"></textarea><input type="submit" value="Post Comment"></form></div></div></main>
<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul><li><a href="/a/">Bridge repairs begin on Monday</a></li><li><a href="/b/">Library saved by a late vote</a></li></ul></section></aside></div>
<footer class="site-footer"><a href="https://wordpress.example/">Proudly powered by WordPress</a></footer></div>`,
        ),
        expected: { body: body.text },
      };
    },
  },
  {
    // A wire service: every paragraph a <div>, the authors' line and the time side by side in
    // one "author" block with nothing between them, a sign-off and a standards link after.
    id: 'wire-div-paragraphs',
    site: 'Wirenews',
    domain: 'wirenews.example',
    render: (s) => {
      let n = 0;
      const body = storyBody(s, (text) => `<div data-testid="paragraph-${n++}" class="article-body__paragraph">${escape(text)}</div>`);
      return {
        html: page(
          `<title>${escape(s.title)} | Wirenews</title><meta property="og:title" content="${escape(s.title)}"><meta property="og:site_name" content="Wirenews"><meta name="article:published_time" content="${s.publishedAt}">`,
          `<header class="site-header"><a href="/">Wirenews</a><nav><a href="/world">World</a><a href="/business">Business</a><a href="/markets">Markets</a></nav></header>
<main><article><div class="article-header"><nav class="breadcrumbs"><a href="/world">World</a><a href="/world/europe">Europe</a></nav><h1 data-testid="Heading">${escape(s.title)}</h1>
<div class="article-header__author"><div data-testid="AuthorByline">By ${s.authors.map((a) => `<a href="/authors/${slug(a)}">${a}</a>`).join(' and ')}</div><time datetime="${s.publishedAt}"><span>${usDate(s.publishedAt)}</span><span>${s.publishedAt.slice(11, 16)} GMT</span><span>Updated 2 hours ago</span></time></div></div>
<div class="article-body__content">${body.html}<p class="sign-off">Reporting by ${s.authors[0]}; Editing by Mark Potter</p></div>
<div class="trust-principles"><a href="/principles">Our Standards: The Wirenews Trust Principles.</a></div></article></main>`,
        ),
        expected: { body: body.text },
      };
    },
  },
];

function encode(html: string, charset: 'utf-8' | 'windows-1252' | undefined): Uint8Array {
  if (charset !== 'windows-1252') return new TextEncoder().encode(html);
  // windows-1252 for the characters these pages use; anything else is written as a reference.
  const special: Record<string, number> = {
    '‘': 0x91,
    '’': 0x92,
    '“': 0x93,
    '”': 0x94,
    '–': 0x96,
    '—': 0x97,
    '·': 0xb7,
    '£': 0xa3,
    '©': 0xa9,
  };
  const bytes: number[] = [];
  for (const char of html) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (special[char] !== undefined) bytes.push(special[char]);
    else for (const b of new TextEncoder().encode(`&#${code};`)) bytes.push(b);
  }
  return Uint8Array.from(bytes);
}

export function evaluationPages(): EvaluationPage[] {
  const pages: EvaluationPage[] = [];
  TEMPLATES.forEach((template, t) => {
    for (let round = 0; round < 4; round += 1) {
      const s = story(t + round * TEMPLATES.length);
      const url = `https://www.${template.domain}/news/2026/${slug(s.title)}`;
      const { html, expected, charset } = template.render(s, url);
      pages.push({
        name: `${template.id}-${round + 1}`,
        bytes: encode(html, charset),
        url,
        expected: {
          title: expected.title ?? s.title,
          byline: expected.byline === undefined ? names(s.authors) : expected.byline,
          publishedAt: expected.publishedAt === undefined ? s.publishedAt : expected.publishedAt,
          siteName: expected.siteName ?? template.site,
          body: expected.body.join('\n'),
        },
      });
    }
  });
  return pages;
}
