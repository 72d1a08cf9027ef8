import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { insertSavedArticle } from '../../../electron/library/saved-articles.ts';
import { type Library } from '../../../electron/library/library.ts';
import { Searcher } from '../../../electron/library/searcher.ts';
import { tempDir, tempLibrary } from '../../helpers/temp.ts';
import { searchArticles, searchQuery } from '../../helpers/queries.ts';

const searchers: Searcher[] = [];
afterEach(async () => {
  await Promise.all(searchers.splice(0).map((searcher) => searcher.close()));
});

function searcherFor(library: Library, interruptAfterMs?: number): Searcher {
  const searcher = new Searcher(library, interruptAfterMs);
  searchers.push(searcher);
  return searcher;
}

function addStories(library: Library): void {
  library.write(() => {
    insertSavedArticle(library, { title: 'Ferry strike ends', text: 'The ferry crews went back to work.', html: '' });
    insertSavedArticle(library, { title: 'Harbour storm', text: 'A storm closed the harbour; the ferry waited.', html: '' });
  });
}

describe('Searcher', () => {
  it('answers from a worker exactly as the search itself does, and sees later writes', async () => {
    const library = tempLibrary();
    addStories(library);
    const searcher = searcherFor(library);
    expect(await searcher.search(searchQuery({ query: 'ferry' }))).toEqual(searchArticles(library, { query: 'ferry' }));
    library.write(() => insertSavedArticle(library, { title: 'Ferry timetable', text: 'New times.', html: '' }));
    expect((await searcher.search(searchQuery({ query: 'ferry' }))).total).toBe(3);
  });

  it('searches on the calling thread when asked (the CLI), with the same answers', async () => {
    const library = tempLibrary();
    addStories(library);
    const searcher = new Searcher(library, undefined, { inThread: true });
    searchers.push(searcher);
    expect(await searcher.search(searchQuery({ query: 'ferry' }))).toEqual(searchArticles(library, { query: 'ferry' }));
  });

  it('lets a newer search from the same box supersede a waiting one, and leaves other boxes alone', async () => {
    const library = tempLibrary();
    addStories(library);
    const searcher = searcherFor(library, 60_000);
    const first = searcher.search(searchQuery({ query: 'ferry', session: 'a' }));
    const waiting = searcher.search(searchQuery({ query: 'storm', session: 'a' }));
    const otherBox = searcher.search(searchQuery({ query: 'storm', session: 'b' }));
    const newest = searcher.search(searchQuery({ query: 'harbour', session: 'a' }));
    await expect(waiting).rejects.toMatchObject({ code: 'SUPERSEDED' });
    // The running one is not stopped before its time is up, so it still answers.
    expect((await first).total).toBe(2);
    expect((await otherBox).total).toBe(1);
    expect((await newest).results.map((r) => r.title)).toEqual(['Harbour storm']);
  });

  it('stops a running search that a newer one supersedes, and carries on with a fresh worker', async () => {
    const library = tempLibrary();
    addStories(library);
    const searcher = searcherFor(library, 0);
    const running = searcher.search(searchQuery({ query: 'ferry', session: 'a' }));
    const newer = searcher.search(searchQuery({ query: 'storm', session: 'a' }));
    await expect(running).rejects.toMatchObject({ code: 'SUPERSEDED' });
    expect((await newer).total).toBe(1);
    expect((await searcher.search(searchQuery({ query: 'crews' }))).total).toBe(1);
  });

  it('regression: a process with nothing else to do exited before the worker answered', () => {
    const library = tempLibrary();
    addStories(library);
    const module = (path: string) => JSON.stringify(new URL(path, import.meta.url).href);
    const script = `
      const { Library } = await import(${module('../../../electron/library/library.ts')});
      const { Searcher } = await import(${module('../../../electron/library/searcher.ts')});
      const results = await new Searcher(Library.openReader(${JSON.stringify(library.file)})).search({ query: 'ferry', limit: 50 });
      console.log('answered', results.total);`;
    const file = join(tempDir(), 'search-once.mjs');
    writeFileSync(file, script);
    const output = execFileSync(process.execPath, ['--experimental-strip-types', '--no-warnings', file], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(output.trim()).toBe('answered 2');
  });
});
