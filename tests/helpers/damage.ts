import { closeSync, openSync, statSync, writeSync } from 'node:fs';

const PAGE = 4096;

/**
 * Overwrites one page in the middle of a closed database file with garbage, as a failing
 * disk or a bad sector would: the file still opens, but SQLite's check finds the damage.
 */
export function corruptMiddlePage(file: string): void {
  const pages = Math.floor(statSync(file).size / PAGE);
  if (pages < 4) throw new Error(`${file} is too small to damage in the middle (${pages} pages)`);
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(PAGE, 0x41), 0, PAGE, Math.floor(pages / 2) * PAGE);
  } finally {
    closeSync(fd);
  }
}
