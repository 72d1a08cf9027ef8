import { describe, expect, it } from 'vitest';
import { savedPageFiles } from '../../../electron/common/saved-page-files.ts';

describe('the files of a saved page', () => {
  it('are those in its "_files" folder, in any language a browser names it, and pictures beside it', () => {
    const paths = [
      'Saved/Story.html',
      'Saved/Story_files/ferry.png',
      'Saved/Story_files/css/site.css',
      'Saved/Story_files/frame.html',
      'Saved/Bericht.htm',
      'Saved/Bericht-Dateien/bild.jpg',
      'Saved/Article.html',
      'Saved/photo.jpg',
    ];
    expect(savedPageFiles(paths)).toEqual([
      {
        page: 'Saved/Story.html',
        files: ['Saved/Story_files/ferry.png', 'Saved/Story_files/css/site.css', 'Saved/Story_files/frame.html'],
      },
      { page: 'Saved/Bericht.htm', files: ['Saved/Bericht-Dateien/bild.jpg'] },
      // Loose pictures go with a page of their own folder (here the last one seen).
      { page: 'Saved/Article.html', files: ['Saved/photo.jpg'] },
    ]);
  });

  it('works on Windows paths and whatever the case', () => {
    expect(savedPageFiles(['C:\\Users\\ana\\story.HTML', 'C:\\Users\\ana\\Story_Files\\a.gif'])).toEqual([
      { page: 'C:\\Users\\ana\\story.HTML', files: ['C:\\Users\\ana\\Story_Files\\a.gif'] },
    ]);
  });

  it('are not a "_files" folder without its page, nor stories or exports beside a page', () => {
    expect(savedPageFiles(['Saved/Other_files/a.png', 'Saved/notes.txt', 'Saved/pocket.csv', 'Saved/draft.md'])).toEqual([]);
    expect(savedPageFiles(['Saved/Story.html', 'Saved/notes.txt', 'Saved/export.json', 'Saved/draft.md'])).toEqual([]);
  });
});
