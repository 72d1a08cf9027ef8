import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../electron/import/pipeline.ts';
import { getArticle } from '../../electron/library/articles.ts';
import { tempDir, tempLibrary } from '../helpers/temp.ts';
import { listArticles } from '../helpers/queries.ts';

/**
 * A saved page reads its pictures from disk, beside it. A hostile page must not make the
 * import read the rest of the disk (a key, another person's photo) by climbing out with
 * `../`, through a folder whose name starts like the page's, or through a symbolic link.
 */

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEUlEQVR4nGP4z8DAwMDAAAAT/gH/7oOUUQAAAABJRU5ErkJggg==', 'base64');
const STORY =
  '<p>The harbour reopened on Monday after the storm, and the first ferry left at noon with two hundred people aboard.</p>'.repeat(6);

function savedPage(images: string[]) {
  const root = tempDir();
  const pages = join(root, 'pages');
  mkdirSync(join(pages, 'story_files'), { recursive: true });
  writeFileSync(join(pages, 'story_files', 'quay.png'), PNG);
  // Outside the page's folder: what must never be read.
  mkdirSync(join(root, 'private'));
  writeFileSync(join(root, 'private', 'secret.png'), PNG);
  mkdirSync(join(root, 'pages-other'));
  writeFileSync(join(root, 'pages-other', 'secret.png'), PNG);
  symlinkSync(join(root, 'private', 'secret.png'), join(pages, 'story_files', 'link.png'));
  symlinkSync(join(root, 'private'), join(pages, 'story_files', 'linked-folder'));
  const body = images.map((src, i) => `<figure><img src="${src}" alt="Picture ${i}"></figure>`).join('');
  const file = join(pages, 'story.html');
  writeFileSync(
    file,
    `<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>${body}${STORY}</article></body></html>`,
  );
  return file;
}

async function importPage(file: string) {
  const library = tempLibrary();
  const summary = await importFiles(library, [{ path: file, read: async () => readFileSync(file) }]);
  expect(summary.failed).toEqual([]);
  const [item] = listArticles(library, { limit: 1 }).items;
  const article = getArticle(library, item!.id);
  const stored = (article.html.match(/<img\b/g) ?? []).length;
  return { stored, placeholders: (article.html.match(/missing-image/g) ?? []).length };
}

describe('pictures of a saved page read from disk', () => {
  it('come from the page’s own folder', async () => {
    expect(await importPage(savedPage(['story_files/quay.png']))).toEqual({ stored: 1, placeholders: 0 });
  });

  it('never from outside it: ../, a look-alike folder, absolute paths or symbolic links', async () => {
    const result = await importPage(
      savedPage([
        '../private/secret.png',
        'story_files/../../private/secret.png',
        '../pages-other/secret.png',
        '/etc/hostname',
        'story_files/link.png',
        'story_files/linked-folder/secret.png',
      ]),
    );
    expect(result).toEqual({ stored: 0, placeholders: 6 });
  });
});
