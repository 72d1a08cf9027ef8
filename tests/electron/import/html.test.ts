import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../electron/import/pipeline.ts';
import { htmlImporter, readWebPage } from '../../../electron/import/formats/html.ts';
import { withoutSiteSuffix } from '../../../electron/import/html/metadata.ts';
import { isArticle } from '../../../electron/import/types.ts';
import { getArticle } from '../../../electron/library/articles.ts';
import { getMedia } from '../../../electron/library/media.ts';
import { FIXTURES, tempLibrary } from '../../helpers/temp.ts';
import { searchArticles } from '../../helpers/queries.ts';

const page = (name: string) => fileURLToPath(new URL(`html/${name}`, FIXTURES));

const article = await readWebPage(readFileSync(page('kursk-page.html'), 'utf8'), { path: page('kursk-page.html'), url: null });

describe('the web-page importer on a scraped news page', () => {
  it('reads the metadata from JSON-LD and Open Graph, without the site suffix', () => {
    expect(article).toMatchObject({
      title: 'Global Security Threatened as North Korean Soldiers Aid Russia Near Ukraine Border',
      byline: 'Mira Kovac',
      sourceName: 'World Desk',
      canonicalUrl: 'https://worlddesk.example/world/north-korean-troops-kursk',
      publishedAt: Date.parse('2024-11-01T09:30:00Z'),
      language: 'en-GB',
      dek: "About 8,000 North Korean troops are in Russia's Kursk region, the US says.",
    });
  });

  it('keeps the story and nothing of the site around it', () => {
    expect(article.text).toMatch(/^The United States has reported that approximately 8,000 North Korean troops/);
    expect(article.text).toContain('avoid actions that might escalate the war further.');
    for (const furniture of ['cookies', 'Privacy', 'Politics', 'More From Author', 'Hezbollah', 'New Mexico']) {
      expect(article.text).not.toContain(furniture);
    }
  });

  it('turns the "More From Author" block into related links with absolute URLs', () => {
    expect(article.related).toEqual([
      {
        title: 'Civilian Impact Mounts as Israel and Hezbollah Negotiate Under Fire.',
        url: 'https://worlddesk.example/world/civilian-impact-israel-hezbollah',
      },
      { title: 'Strategies and Controversies in New Mexico', url: 'https://worlddesk.example/us/new-mexico-strategies' },
    ]);
  });

  it('stores nothing active: no script, handler, frame, style or javascript: link', () => {
    expect(article.html).not.toMatch(/<script|<iframe|<style|onclick|onload|javascript:|<button|stylesheet/i);
    expect(article.html).toContain('Click here');
  });

  it('keeps the embedded picture, drops the tracking pixel, and marks the remote image as not downloaded', () => {
    expect(article.media).toHaveLength(1);
    expect(article.media![0]!.mimeType).toBe('image/png');
    expect(article.html).toMatch(/<img src="dateline-media:\/\/pending\/0" alt="Troops on a road in Kursk">/);
    expect(article.html).not.toContain('pixel.example');
    expect(article.html).toContain(
      '<figure><span class="missing-image not-downloaded">Map of the Kursk region</span><figcaption>The Kursk region borders northern Ukraine.</figcaption></figure>',
    );
    expect(article.html).not.toMatch(/https:\/\/images\.worlddesk/);
  });
});

describe('an empty page', () => {
  it('regression: a file of white space, or a byte-order mark alone, is refused with a reason, not a JavaScript error', async () => {
    const library = tempLibrary();
    const files = [new Uint8Array([0x20, 0x0a]), new Uint8Array([0xef, 0xbb, 0xbf, 0x00])].map((bytes, index) => ({
      path: `/imports/empty-${index}.html`,
      read: async () => bytes,
    }));
    const summary = await importFiles(library, files);
    expect(summary.failed.map((failure) => failure.error)).toEqual([
      { code: 'IMPORT_FAILED', message: 'This page is empty: it holds no markup.' },
      { code: 'IMPORT_FAILED', message: 'This page is empty: it holds no markup.' },
    ]);
  });
});

describe('a page that leaves out its <html>, <head> and <body> tags', () => {
  it('regression: keeps its story and its title (the story was dropped and the page refused)', async () => {
    const story = Array.from(
      { length: 6 },
      (_, i) => `<p>Paragraph ${i}: ferries resumed on Monday after a week-long strike, the union said.</p>`,
    ).join('');
    for (const html of [
      `<!doctype html><meta charset="utf-8"><title>Ferries resume</title><article><h1>Ferries resume</h1>${story}</article>`,
      `<html><head><title>Ferries resume</title></head><article>${story}</article></html>`,
    ]) {
      const found = await readWebPage(html, { path: null, url: null });
      expect(found.title).toBe('Ferries resume');
      expect(found.text).toContain('Paragraph 5: ferries resumed on Monday');
    }
  });
});

describe('the web-page importer on a page saved to disk', () => {
  it('reads a legacy encoding and takes images from the page folder, never from outside it', async () => {
    const [article] = await htmlImporter.parse({ name: page('saved-page.html'), bytes: readFileSync(page('saved-page.html')) });
    if (!article || !isArticle(article)) throw new Error('no article');
    expect(article.title).toBe('Café owners protest new rules');
    expect(article.sourceName).toBe('');
    expect(article.media).toHaveLength(1);
    expect(article.html).toContain('dateline-media://pending/0');
    expect(article.html).toContain('<span class="missing-image unavailable">escape</span>');
  });
});

describe('importing web pages into the library', () => {
  it('stores the images in the library and points the article at them', async () => {
    const library = tempLibrary();
    const summary = await importFiles(library, [
      { path: page('kursk-page.html'), read: async () => readFileSync(page('kursk-page.html')) },
    ]);
    expect(summary.failed).toEqual([]);
    const stored = getArticle(library, summary.imported[0]!.id);
    const id = Number(/dateline-media:\/\/library\/(\d+)/.exec(stored.html)![1]);
    expect(getMedia(library, id)!.mimeType).toBe('image/png');
    expect(stored.html).not.toContain('pending');
    expect(searchArticles(library, { query: 'Zelenskyy' }).total).toBe(1);
    expect(searchArticles(library, { query: 'Hezbollah' }).total).toBe(0);
  });

  it('recognises the same story saved twice under different addresses by its canonical URL', async () => {
    const library = tempLibrary();
    const bytes = readFileSync(page('kursk-page.html'));
    const changed = Buffer.from(bytes.toString().replace('Mira Kovac</a></p>', 'Mira Kovac</a> (updated)</p>'));
    const summary = await importFiles(library, [
      { path: 'a.html', read: async () => bytes },
      { path: 'b.html', read: async () => changed },
    ]);
    expect(summary.imported).toHaveLength(1);
    expect(summary.duplicates).toHaveLength(1);
  });

  it.each([
    ['an empty page', '<html><body></body></html>'],
    ['a page of navigation only', '<html><body><nav><a href="/">Home</a></nav></body></html>'],
  ])('refuses %s with a reason', async (_name, html) => {
    const summary = await importFiles(tempLibrary(), [{ path: 'x.html', read: async () => new TextEncoder().encode(html) }]);
    expect(summary.failed[0]!.error.message).toMatch(/no article text|could not find/);
  });
});

describe('headline suffixes', () => {
  it('regression: a CJK <title> with the site’s name outvoted the Open Graph headline it starts with', async () => {
    const article = await readWebPage(
      `<html><head><title>港湾ストライキが拡大、フェリー全便欠航｜港湾新聞</title><meta property="og:title" content="港湾ストライキが拡大、フェリー全便欠航"><meta property="og:site_name" content="港湾新聞"></head><body><article>${'<p>港湾の労働者は月曜日に賃上げを求めてストライキに入り、フェリーは全便が欠航した。交渉は木曜日に再開される予定だ。</p>'.repeat(6)}</article></body></html>`,
      { path: null, url: 'https://kowan.example/news/1' },
    );
    expect(article.title).toBe('港湾ストライキが拡大、フェリー全便欠航');
  });

  it.each([
    ['Storm closes port | Harbour Times', 'Harbour Times', 'Storm closes port'],
    ['Storm closes port - Harbour Times', null, 'Storm closes port'],
    ['Q&A: the budget – explained', 'Harbour Times', 'Q&A: the budget – explained'],
    // Chinese and Japanese titles join the site's name with no spaces around the separator.
    ['東京株式市場、3日続伸　半導体株が高い｜日本経済新聞', '日本経済新聞', '東京株式市場、3日続伸　半導体株が高い'],
    ['首相、解散を表明：朝日新聞デジタル', '朝日新聞デジタル', '首相、解散を表明'],
    ['中国经济增长放缓_新浪新闻', '新浪新闻', '中国经济增长放缓'],
    ['首相：解散はしない', null, '首相：解散はしない'],
  ])('%s', (title, site, expected) => {
    expect(withoutSiteSuffix(title, site)).toBe(expected);
  });
});

describe('markup built to stall the parser', () => {
  it('a page nested thousands of elements deep is refused at once, not after the 30-second budget', async () => {
    const page = `<html><body><p>${'word '.repeat(40)}</p>${'<div>'.repeat(5000)}deep${'</div>'.repeat(5000)}</body></html>`;
    const started = performance.now();
    await expect(readWebPage(page, { path: 'deep.html', url: null })).rejects.toThrow(/too deeply built/);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('a page of ordinary depth still reads', async () => {
    const page = `<html><body>${'<div>'.repeat(60)}<article><h1>Deep but real</h1><p>${'Harbour word '.repeat(40)}</p></article>${'</div>'.repeat(60)}</body></html>`;
    expect((await readWebPage(page, { path: 'ok.html', url: null })).text).toContain('Harbour word');
  });
});

describe('related-story blocks', () => {
  const paragraph = (i: number) =>
    `<p>Paragraph ${i} of the story: the ferry crews walked out on Monday over pay, and the harbour stayed shut until talks resumed at the port authority late on Wednesday evening.</p>`;
  const clip = (i: number) =>
    `<div><p>Video ${i}: Watch the latest clips from around the region, including the weather, the traffic and the weekend's football, with commentary from our reporters in the field.</p></div>`;
  const moreNews = (name: string) =>
    `<div class="block"><h3>More News</h3><ul>${Array.from({ length: 10 }, (_, i) => `<li><a href="/news/${name}-${i}">Another headline number ${i} about the region's councils and its budget</a></li>`).join('')}</ul></div>`;

  it('regression: taking them out never makes the story take in the video carousel around it', async () => {
    const html = `<!doctype html><html><head><title>Ferry strike ends | Harbour Times</title></head><body><main><section class="page">
      <div class="videos"><div class="carousel">${[0, 1, 2, 3].map(clip).join('')}</div>${moreNews('v1')}${moreNews('v2')}</div>
      <article><div class="story">${[0, 1, 2, 3, 4, 5].map(paragraph).join('')}</div></article>
      ${moreNews('s1')}${moreNews('s2')}
    </section></main></body></html>`;
    const found = await readWebPage(html, { path: null, url: 'https://harbour.example/news/ferry' });
    expect(found.text).toContain('Paragraph 5 of the story');
    expect(found.text).not.toContain('Video');
    expect(found.text).not.toContain('Another headline');
    expect(found.related?.length).toBeGreaterThan(20);
  });
});
