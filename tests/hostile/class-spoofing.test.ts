import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ALLOWED_CLASSES } from '../../electron/common/sanitize-policy.ts';
import { importFiles } from '../../electron/import/pipeline.ts';
import { getArticle } from '../../electron/library/articles.ts';
import { tempLibrary } from '../helpers/temp.ts';
import { listArticles } from '../helpers/queries.ts';

/**
 * An article that borrows the app's own classes can dress up as the app: a fixed "toast"
 * saying the library is damaged, an overlay dimming the sidebar. Stored HTML keeps only the
 * classes Dateline's own pipeline gives, whichever format brought it in.
 */

const spoof =
  '<div class="toast toast-error" role="alert">Your library is damaged. Call 555-0100.</div>' +
  '<p class="overlay recovery app focus-mode">Ferries resumed on Monday after a week-long strike, the union said, ending disruption for thousands of islanders on the coast.</p>' +
  '<p class="sidebar missing-image">Talks with the operator lasted two days, and the union accepted a four per cent rise over two years.</p>' +
  '<p class=" dialog  pullquote ">The harbour reopened at noon, and the first crossing left twenty minutes later with two hundred passengers.</p>';

const page = `<!doctype html><html><head><title>Ferries resume</title></head><body><article><h1>Ferries resume</h1>${spoof}${spoof}</article></body></html>`;

const sources: Record<string, () => Uint8Array> = {
  'saved page (.html)': () => strToU8(page),
  'Markdown with raw HTML (.md)': () => strToU8(`# Ferries resume\n\n${spoof}\n\nMore words follow here about the harbour.\n`),
  'Wallabag export (.json)': () =>
    strToU8(
      JSON.stringify([
        {
          id: 1,
          title: 'Ferries resume',
          url: 'https://harbour.example/a',
          content: spoof + spoof,
          tags: [],
          is_archived: 0,
          is_starred: 0,
        },
      ]),
    ),
  'Omnivore export (.zip)': () =>
    zipSync({
      'metadata_0_to_1.json': strToU8(
        JSON.stringify([
          {
            id: 'a1',
            slug: 'ferries',
            title: 'Ferries resume',
            url: 'https://harbour.example/b',
            state: 'Succeeded',
            labels: [],
            savedAt: '2024-10-03T08:00:00.000Z',
          },
        ]),
      ),
      'content/ferries.html': strToU8(`<div><h1>Ferries resume</h1>${spoof}${spoof}</div>`),
    }),
};

const names: Record<string, string> = {
  'saved page (.html)': 'ferries.html',
  'Markdown with raw HTML (.md)': 'ferries.md',
  'Wallabag export (.json)': 'wallabag-export.json',
  'Omnivore export (.zip)': 'omnivore.zip',
};

function classesIn(html: string): string[] {
  return [...html.matchAll(/\sclass="([^"]*)"/g)].flatMap((match) => match[1]!.split(/\s+/)).filter(Boolean);
}

describe('classes in imported HTML', () => {
  for (const [format, bytes] of Object.entries(sources)) {
    it(`keeps none of the app's own from a ${format}`, async () => {
      const library = tempLibrary();
      const summary = await importFiles(library, [{ path: names[format]!, read: async () => bytes() }]);
      expect(summary.failed).toEqual([]);
      const stored = listArticles(library, { limit: 10 }).items.map((item) => getArticle(library, item.id));
      expect(stored.length).toBeGreaterThan(0);
      for (const article of stored) {
        expect(article.html).toContain('Ferries resumed on Monday');
        const classes = classesIn(article.html);
        expect(classes.filter((name) => !ALLOWED_CLASSES.has(name))).toEqual([]);
        expect(article.html).not.toMatch(/toast|overlay|sidebar|recovery|dialog/);
      }
    });
  }
});
