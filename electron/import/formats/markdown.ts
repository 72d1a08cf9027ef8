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
    const { html, frontMatter } = markdownToHtml(decodeText(source.bytes));
    return [
      await articleFromDocumentHtml(html, source.name, {
        title: frontMatter.title,
        byline: frontMatter.author ?? frontMatter.byline,
        dek: frontMatter.description ?? frontMatter.summary,
        publishedAt: keptTime(Date.parse(frontMatter.date ?? '')),
        tags: frontMatterList(frontMatter.tags),
        sourceUrl: /^https?:\/\//i.test(frontMatter.url ?? frontMatter.source ?? '') ? (frontMatter.url ?? frontMatter.source)! : null,
      }),
    ];
  },
};
