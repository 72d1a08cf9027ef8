// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { droppedFiles } from '../../../renderer/src/library/dropped-files.ts';

/**
 * The browser's File and Directory Entries, as a drop of real folders gives them: a folder's
 * reader hands out its entries in batches (Chromium: 100) until it gives none.
 */
function fileEntry(fullPath: string, text = fullPath) {
  const name = fullPath.split('/').pop()!;
  return { isFile: true, isDirectory: false, name, fullPath, file: (done: (file: File) => void) => done(new File([text], name)) };
}

function folderEntry(fullPath: string, children: object[], batch = 2) {
  return {
    isFile: false,
    isDirectory: true,
    name: fullPath.split('/').pop()!,
    fullPath,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (done: (entries: object[]) => void) => {
          done(children.slice(at, at + batch));
          at += batch;
        },
      };
    },
  };
}

function drop(entries: object[], files: File[] = []): DataTransfer {
  return {
    items: entries.map((entry) => ({ kind: 'file', webkitGetAsEntry: () => entry })),
    files,
  } as unknown as DataTransfer;
}

describe('files dropped on the window', () => {
  it('opens a dropped folder: every file below it, with its path, in every batch the reader gives', async () => {
    const saved = folderEntry('/Saved', [
      fileEntry('/Saved/story.html'),
      folderEntry('/Saved/story_files', [fileEntry('/Saved/story_files/photo.jpg')]),
      fileEntry('/Saved/a.md'),
      fileEntry('/Saved/b.md'),
      fileEntry('/Saved/c.md'),
    ]);
    const found = await droppedFiles(drop([saved, fileEntry('/loose.txt')]));
    expect(found.map((item) => item.path).sort()).toEqual([
      'Saved/a.md',
      'Saved/b.md',
      'Saved/c.md',
      'Saved/story.html',
      'Saved/story_files/photo.jpg',
      'loose.txt',
    ]);
    expect(found.at(-1)!.path).toBe('loose.txt');
    expect(await found.find((item) => item.path === 'Saved/a.md')!.file.text()).toBe('/Saved/a.md');
  });

  it('takes the files as they are when the browser gives no entries', async () => {
    const file = new File(['x'], 'note.txt');
    const transfer = { items: [{ kind: 'file' }], files: [file] } as unknown as DataTransfer;
    expect(await droppedFiles(transfer)).toEqual([{ file, path: 'note.txt' }]);
  });
});
