import { unzipSync, strFromU8 } from 'fflate';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { exportBook } from '../../../electron/export/collections.ts';
import { libraryExportContext } from '../../../electron/export/context.ts';
import { exportArticle } from '../../../electron/export/registry.ts';
import { getArticle } from '../../../electron/library/articles.ts';
import { insertSavedArticle } from '../../../electron/library/saved-articles.ts';
import type { Library } from '../../../electron/library/library.ts';
import { addMedia } from '../../../electron/library/media.ts';
import { setArticleTags } from '../../../electron/library/tags.ts';
import { libraryMediaUrl as mediaUrl } from '../../../electron/common/media-url.ts';
import { tempLibrary } from '../../helpers/temp.ts';

const PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
);

function story(library: Library, title: string, html: string, text: string, tags: string[] = ['ferries']): number {
  const id = library.write(() =>
    insertSavedArticle(library, {
      title,
      html,
      text,
      byline: 'Ana Lima',
      related: [{ title: 'Timeline & <more>', url: 'https://harbour.example/t' }],
    }),
  );
  setArticleTags(library, id, tags);
  return id;
}

/** Parses as XML, which throws on anything not well-formed, as strict e-readers do. */
function parseXml(text: string, contentType: 'application/xhtml+xml' | 'application/xml' = 'application/xhtml+xml'): Document {
  return new JSDOM(text, { contentType }).window.document;
}

describe('EPUB export', () => {
  it('makes a book of a tag: a valid package with every chapter well-formed and the library images inside', () => {
    const library = tempLibrary();
    const mediaId = library.write(() => addMedia(library, null, 'image/png', PNG));
    story(
      library,
      'Ferries resume',
      `<p>Crews returned&nbsp;on Monday.<br>Late.</p><figure><img src="${mediaUrl(mediaId)}" alt="The quay"><figcaption>The quay. Photo: A. Lima</figcaption></figure>`,
      'Crews returned on Monday.',
    );
    story(
      library,
      'Strike \u0001ends',
      '<p>Talks <b>ended</b> the strike<hr></p><img src="https://tracker.example/p.gif" alt="remote">',
      'Talks ended the strike.',
    );
    story(library, 'Not in the tag', '<p>Other</p>', 'Other', ['rail']);

    const file = exportBook(library, { tag: 'ferries' });
    expect(file.fileName).toBe('Tag ferries.epub');
    // The first entry is "mimetype", stored: what readers look for at byte 30.
    expect(strFromU8(file.bytes.slice(30, 38))).toBe('mimetype');
    expect(file.bytes[8]).toBe(0);
    const entries = unzipSync(file.bytes);
    expect(strFromU8(entries.mimetype!)).toBe('application/epub+zip');
    const container = parseXml(strFromU8(entries['META-INF/container.xml']!), 'application/xml');
    expect(container.querySelector('rootfile')?.getAttribute('full-path')).toBe('OEBPS/content.opf');

    const opf = parseXml(strFromU8(entries['OEBPS/content.opf']!), 'application/xml');
    const hrefs = Array.from(opf.querySelectorAll('manifest item')).map((item) => item.getAttribute('href')!);
    for (const href of hrefs) expect(entries[`OEBPS/${href}`], href).toBeDefined();
    expect(opf.querySelectorAll('spine itemref')).toHaveLength(2);
    expect(opf.querySelector('manifest item[media-type="image/png"]')?.getAttribute('href')).toBe(`images/${mediaId}.png`);
    expect(entries[`OEBPS/images/${mediaId}.png`]).toEqual(PNG);

    const chapters = hrefs.filter((href) => href.startsWith('chapter-')).map((href) => parseXml(strFromU8(entries[`OEBPS/${href}`]!)));
    expect(chapters.map((chapter) => chapter.querySelector('h1')?.textContent).sort()).toEqual(['Ferries resume', 'Strike ends']);
    const withImage = chapters.find((chapter) => chapter.querySelector('h1')?.textContent === 'Ferries resume')!;
    expect(withImage.querySelector('img')?.getAttribute('src')).toBe(`images/${mediaId}.png`);
    expect(withImage.querySelector('figcaption')?.textContent).toBe('The quay. Photo: A. Lima');
    expect(withImage.querySelector('.related a')?.textContent).toBe('Timeline & <more>');
    // Nothing in a book reaches the network.
    const other = chapters.find((chapter) => chapter.querySelector('h1')?.textContent === 'Strike ends')!;
    expect(other.querySelector('img')).toBeNull();
    expect(other.body.textContent).toContain('remote');
    const nav = parseXml(strFromU8(entries['OEBPS/nav.xhtml']!));
    expect(nav.querySelectorAll('nav li a')).toHaveLength(2);
  });

  it('makes a book of a search, and one article exports as a book of one', async () => {
    const library = tempLibrary();
    const id = story(library, 'Ferries resume', '<p>Crews returned.</p>', 'Crews returned.');
    story(library, 'Rail plan', '<p>Trains.</p>', 'Trains.');
    const book = unzipSync(exportBook(library, { query: 'crews' }).bytes);
    expect(Object.keys(book).filter((name) => name.includes('chapter-'))).toEqual(['OEBPS/chapter-1.xhtml']);

    const single = await exportArticle(getArticle(library, id), 'epub', libraryExportContext(library));
    expect(single.fileName).toBe('Ferries resume.epub');
    expect(strFromU8(unzipSync(single.bytes)['OEBPS/chapter-1.xhtml']!)).toContain('<h1>Ferries resume</h1>');
  });

  it('says so when a tag or search has nothing to put in a book', () => {
    const library = tempLibrary();
    expect(() => exportBook(library, { tag: 'empty' })).toThrow(/nothing to put in the book/);
    expect(() => exportBook(library, { query: 'nothing' })).toThrow(/nothing to put in the book/);
  });
});
