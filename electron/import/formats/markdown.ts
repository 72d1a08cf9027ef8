import { frontMatterValue, frontMatterValues } from '../../common/front-matter.ts';
import { keptTime } from '../../common/time.ts';
import { frontMatterList, markdownToHtml } from '../converters.ts';
import { decodeText } from '../decode.ts';
import { articleFromDocumentHtml } from '../html/document-article.ts';
import { extensionOf, type Importer } from '../types.ts';

/** Markdown notes and articles, with YAML front matter for title, author, date and tags. */
export const markdownImporter: Importer = {
  id: 'markdown',
  label: 'Markdown',
  extensions: ['.md', '.markdown'],
  accepts: (source) => markdownImporter.extensions.includes(extensionOf(source.name)),
  parse: async (source) => {
    const { html, frontMatter, paragraphsCut: cut } = markdownToHtml(decodeText(source.bytes));
    const what = cut === 1 ? 'a paragraph longer than anyone writes was' : `${cut} paragraphs longer than anyone writes were`;
    const notes = cut ? [{ note: `${what} cut into shorter ones to be read.` }] : [];
    return [
      ...notes,
      await articleFromDocumentHtml(html, source.name, {
        title: frontMatterValue(frontMatter, 'title'),
        byline: frontMatterValue(frontMatter, 'byline'),
        dek: frontMatterValue(frontMatter, 'dek'),
        dateline: frontMatterValue(frontMatter, 'dateline'),
        publishedAt: keptTime(Date.parse(frontMatterValue(frontMatter, 'published') ?? '')),
        tags: frontMatterList(frontMatterValue(frontMatter, 'tags')),
        // `source` may name the site instead: the first that is a web address is the source.
        sourceUrl: frontMatterValues(frontMatter, 'source').find((value) => /^https?:\/\//i.test(value)) ?? null,
      }),
    ];
  },
};
