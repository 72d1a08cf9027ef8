import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesToOpen } from '../../../electron/shell/open-files.ts';
import { tempDir } from '../../helpers/temp.ts';

describe('files to open from a launch', () => {
  it('keeps existing files, relative or absolute, and drops flags, folders and the app folder', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'story.txt'), 'x');
    writeFileSync(join(dir, 'page.html'), 'x');
    mkdirSync(join(dir, 'folder'));
    const argv = [
      '/opt/Dateline/dateline',
      '.',
      '--no-sandbox',
      '--inspect=9229',
      'story.txt',
      join(dir, 'page.html'),
      'folder',
      'missing.md',
    ];
    expect(filesToOpen(argv, dir)).toEqual([join(dir, 'story.txt'), join(dir, 'page.html')]);
  });
});
