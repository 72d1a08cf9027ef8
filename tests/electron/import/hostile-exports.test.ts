import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { importFiles } from '../../../electron/import/pipeline.ts';
import { getArticle } from '../../../electron/library/articles.ts';
import type { Library } from '../../../electron/library/library.ts';
import { HOSTILE_EXPORTS, hostileCorpusFiles } from '../../fixtures/hostile/exports.ts';
import { HOSTILE_PAYLOADS } from '../../fixtures/hostile/payloads.ts';
import { tempLibrary } from '../../helpers/temp.ts';
import { listArticles } from '../../helpers/queries.ts';

const INERT_LINK = /^(https?:|mailto:|#)/i;
/** Pictures come only from the library itself. */
const LIBRARY_PICTURE = /^dateline-media:/i;
const ACTIVE_ELEMENTS =
  'script, iframe, frame, frameset, object, embed, style, link, meta, base, form, input, button, textarea, select, svg, math, template, noscript, area, map';

/** Whatever in stored markup could run, navigate or fetch; empty when the markup is inert. */
function activeParts(html: string): string[] {
  // jsdom parses as a browser would, so markup that only turns active once parsed is seen.
  const { document } = new JSDOM(html).window;
  const found = Array.from(document.querySelectorAll(ACTIVE_ELEMENTS), (element) => `<${element.tagName.toLowerCase()}>`);
  for (const element of Array.from(document.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on') || name === 'style' || name === 'srcset' || name === 'background' || name === 'poster')
        found.push(`${name}=`);
      const value = attribute.value.trim();
      if (['href', 'xlink:href', 'action', 'formaction', 'data'].includes(name) && !INERT_LINK.test(value))
        found.push(`${name}="${value}"`);
      if (name === 'src' && !LIBRARY_PICTURE.test(value)) found.push(`src="${value}"`);
    }
  }
  return found;
}

/** Every article in the library, each checked: its body holds nothing that could run, navigate or fetch. */
function storedArticles(library: Library) {
  const articles = listArticles(library, { limit: 500 }).items.map((item) => getArticle(library, item.id));
  for (const article of articles) {
    expect(activeParts(article.html), article.title).toEqual([]);
    if (article.sourceUrl) expect(article.sourceUrl).toMatch(/^https:\/\/[a-z-]+\.example\//);
  }
  return articles;
}

const collapsed = (text: string) => text.replace(/\s+/g, ' ').trim();
const payloads = HOSTILE_PAYLOADS.map(collapsed);

describe('the hostile corpus', () => {
  it('as web pages, a Wallabag export and a Markdown file: every article stored inert, each refused page with its reason', async () => {
    const library = tempLibrary();
    const files = hostileCorpusFiles();
    const summary = await importFiles(
      library,
      files.map((file) => ({ path: `/imports/${file.name}`, read: async () => file.bytes })),
    );
    // The mutation-XSS payload opens a <style> in the headline that swallows the rest of its
    // page as style text, leaving no article to keep.
    expect(summary.failed.map((failure) => failure.path)).toEqual(['/imports/hostile-57.html', '/imports/hostile-58.html']);
    for (const failure of summary.failed)
      expect(failure.error).toMatchObject({ code: 'IMPORT_FAILED', message: expect.stringMatching(/\w/) });
    expect(storedArticles(library)).toHaveLength(HOSTILE_PAYLOADS.length * 2 - 2 + 1);
  });

  it.each(HOSTILE_EXPORTS.map((hostile) => [hostile.label, hostile] as const))(
    'in %s: every entry is stored inert, and no address but a web address is kept',
    async (_, hostile) => {
      const library = tempLibrary();
      const bytes = await hostile.build();
      const summary = await importFiles(library, [{ path: `/imports/${hostile.name}`, read: async () => bytes }]);
      expect(summary.failed).toEqual([]);
      expect(summary.duplicates).toEqual([]);
      expect(summary.imported).toHaveLength(hostile.articles);
      // Entries whose address is a script or a file are named with the reason, not dropped unseen.
      const leftOut = hostile.leftOut
        ? [
            {
              path: `/imports/${hostile.name}`,
              reason: 'its address is not a web (http or https) address',
              count: hostile.leftOut,
              titles: expect.any(Array),
            },
          ]
        : [];
      expect(summary.leftOut).toEqual(leftOut);

      const articles = storedArticles(library);
      expect(articles).toHaveLength(hostile.articles);
      // Each payload arrived, as text, in the field shown first.
      for (const article of articles)
        expect(
          payloads.some((payload) => collapsed(article.title).includes(payload)),
          article.title,
        ).toBe(true);
      const highlights = library.db.prepare('SELECT count(*) AS n FROM highlights').get() as { n: number };
      expect(highlights.n).toBe(hostile.highlights);
    },
  );
});
