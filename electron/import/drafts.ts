import { DRAFT_EXTENSIONS } from '../common/draft-files.ts';
import { DatelineError } from '../common/errors.ts';
import { frontMatterValue } from '../common/front-matter.ts';
import type { Article } from '../common/model.ts';
import { createDraft } from '../library/drafts.ts';
import type { Library } from '../library/library.ts';
import { addMedia, MEDIA_TYPES } from '../library/media.ts';
import { parseBody } from '../common/node/html-dom.ts';
import { takeBylineLine } from './html/byline-line.ts';
import { takeDateline } from './html/dateline.ts';
import { takeDekLine } from './html/dek-line.ts';
import { htmlToDraft } from './html-to-editor.ts';
import { extensionOf } from './types.ts';
import { importWorker } from './worker/pool.ts';

export async function importAsDraft(library: Library, name: string, bytes: Uint8Array): Promise<Article> {
  const extension = extensionOf(name);
  if (!(DRAFT_EXTENSIONS as readonly string[]).includes(extension)) {
    throw new DatelineError(
      'UNSUPPORTED',
      `A draft can be started from ${DRAFT_EXTENSIONS.join(', ')} files, not ${extension || 'this file'}.`,
    );
  }
  const converted = await importWorker.run({ kind: 'convert', name, bytes });
  const { frontMatter } = converted;
  // A "By …" line under the headline is the byline, not the story's first paragraph.
  const body = parseBody(converted.html);
  const bylineLine = frontMatterValue(frontMatter, 'byline') ? null : takeBylineLine(body);
  // So are a Word document's Dek paragraph and Dateline run.
  const dekLine = frontMatterValue(frontMatter, 'dek') ? null : takeDekLine(body);
  const datelineLine = frontMatterValue(frontMatter, 'dateline') ? null : takeDateline(body);
  const html = body.innerHTML;
  const stem = name
    .split(/[\\/]/)
    .pop()!
    .replace(/\.[^.]+$/, '');
  return library.write(() => {
    const mediaIds: number[] = [];
    const draft = htmlToDraft(html, (src) => {
      const image = /^data:([\w/+.-]+);base64,(.*)$/s.exec(src);
      if (!image || !MEDIA_TYPES.has(image[1]!)) return null;
      const id = addMedia(library, null, image[1]!, Buffer.from(image[2]!, 'base64'));
      mediaIds.push(id);
      return id;
    });
    const article = createDraft(library, {
      title: frontMatterValue(frontMatter, 'title') ?? draft.title ?? stem,
      byline: frontMatterValue(frontMatter, 'byline') ?? bylineLine ?? '',
      dek: frontMatterValue(frontMatter, 'dek') ?? dekLine ?? '',
      dateline: frontMatterValue(frontMatter, 'dateline') ?? datelineLine ?? '',
      editorState: draft.editorState,
    });
    const claim = library.statement('UPDATE media SET article_id = ? WHERE id = ?');
    for (const id of mediaIds) claim.run(article.id, id);
    return article;
  });
}
