import { countWords } from '../../common/text.ts';
import { htmlToBlocks } from '../../common/node/html-blocks.ts';
import type { Exporter } from '../types.ts';
import { embedMedia } from './html.ts';

/**
 * IPTC ninjs 3.0 ("news in JSON"), what wire systems and CMSs ingest. The editor's note is
 * for our desk only, so it is not sent (ninjs's edNote is read by the receiving newsroom).
 */
export const ninjsExporter: Exporter = {
  id: 'ninjs',
  label: 'ninjs 3.0 (IPTC news in JSON)',
  extension: '.json',
  mimeType: 'application/json',
  writes: 'text',
  render: (article, context) => {
    const uri = article.canonicalUrl ?? article.sourceUrl ?? `urn:dateline:article:${article.id}`;
    // Pictures travel inside the file (data: URIs): nothing outside Dateline opens its own addresses.
    const html = embedMedia(article.html, context);
    const images = htmlToBlocks(html).flatMap((block) => (block.kind === 'image' ? [block] : []));
    const ninjs = {
      uri,
      standard: { name: 'ninjs', version: '3.0', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.0.json' },
      type: 'text',
      version: String(article.revision),
      firstCreated: article.createdAt,
      versionCreated: article.updatedAt,
      ...(article.publishedAt ? { contentCreated: article.publishedAt } : {}),
      pubStatus: article.kind === 'draft' && article.status !== 'published' ? 'withheld' : 'usable',
      language: article.language ?? 'en',
      headlines: [{ role: 'main', value: article.title }],
      ...(article.dek ? { descriptions: [{ role: 'summary', value: article.dek }] } : {}),
      bodies: [
        {
          role: 'main',
          contentType: 'text/html',
          charCount: [...article.text].length,
          wordCount: countWords(article.text),
          value: html,
        },
      ],
      ...(article.byline ? { by: article.byline } : {}),
      ...(article.dateline ? { located: article.dateline } : {}),
      ...(article.slug ? { slugline: article.slug } : {}),
      ...(article.tags.length ? { subjects: article.tags.map((name) => ({ name })) } : {}),
      ...(images.length
        ? {
            associations: images.map((image, index) => ({
              name: `image${index + 1}`,
              uri: image.src,
              type: 'picture',
              ...(image.caption ? { descriptions: [{ role: 'caption', value: image.caption }] } : {}),
              ...(image.credit ? { by: image.credit } : {}),
              ...(image.altText ? { headlines: [{ role: 'alternative', value: image.altText }] } : {}),
            })),
          }
        : {}),
    };
    return `${JSON.stringify(ninjs, null, 2)}\n`;
  },
};
