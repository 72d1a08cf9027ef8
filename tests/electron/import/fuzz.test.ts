import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../../electron/common/errors.ts';
import { importFiles, MAX_IMPORT_BYTES } from '../../../electron/import/pipeline.ts';
import { findImporter, supportedExtensions } from '../../../electron/import/registry.ts';
import { getArticle } from '../../../electron/library/articles.ts';
import type { Library } from '../../../electron/library/library.ts';
import { listTags } from '../../../electron/library/tags.ts';
import { tagName } from '../../../electron/common/model.ts';
import { checkIntegrity } from '../../../electron/library/maintenance.ts';
import { FIXTURES, tempLibrary } from '../../helpers/temp.ts';
import { listArticles } from '../../helpers/queries.ts';

/**
 * Every importer against generated malformed input: random bytes under every extension,
 * real exports truncated and with bytes flipped, files under the wrong extension, deeply
 * nested markup, broken encodings and CSV quoting. Each file must end in an import or a
 * clear error, never a crash or a hang, and a failed file must leave the library as it was.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
/** The import worker stops a parse after 30 s; nothing may take longer than that. */
const TIME_LIMIT_MS = 35_000;

/** Every fixture file that is an export or an article (the corpus mutations start from). */
function corpus(): { name: string; bytes: Uint8Array }[] {
  const root = fileURLToPath(FIXTURES);
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const folder of ['archives', 'html', 'markdown', 'plain-text', 'drafts']) {
    for (const name of readdirSync(join(root, folder))) {
      const path = join(root, folder, name);
      if (statSync(path).isFile() && !name.endsWith('.ts') && !['bomb.zip', 'traversal.zip'].includes(name))
        files.push({ name, bytes: readFileSync(path) });
    }
  }
  return files;
}

const CORPUS = corpus();
const extensions = [...supportedExtensions, '.zip', '', '.exe'];

/** A value an export might hold where another was expected, dates out of range included. */
const anyValue = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.constantFrom(1e20, -1e20, 8.64e15 + 1, -99999999999999, '+275760-09-13T00:00:00Z', '0000-00-00', NaN, Infinity),
  fc.webUrl(),
);
const field = (values: fc.Arbitrary<unknown>) => fc.option(values, { nil: undefined });
const entryShaped = (keys: Record<string, fc.Arbitrary<unknown>>) =>
  fc.oneof(anyValue, fc.record(Object.fromEntries(Object.entries(keys).map(([key, value]) => [key, field(fc.oneof(value, anyValue))]))));
const text = fc.string({ maxLength: 60 });
/** Names of any characters (control characters too) and any length up to well past the limit. */
const tagLike = fc.string({ unit: 'binary', maxLength: 160 });

const wallabagWithAnything = fc
  .array(
    entryShaped({
      url: fc.webUrl(),
      title: text,
      content: text.map((words) => `<p>${words} harbour council vote</p>`),
      tags: fc.array(fc.oneof(text, tagLike, fc.record({ label: fc.oneof(tagLike, anyValue) }))),
      created_at: anyValue,
      published_at: anyValue,
      published_by: fc.oneof(text, fc.array(anyValue)),
      language: anyValue,
      is_archived: anyValue,
      is_starred: anyValue,
      annotations: fc.array(fc.oneof(anyValue, fc.record({ quote: fc.oneof(text, anyValue), text: anyValue }))),
    }),
    { maxLength: 6 },
  )
  .map((entries) => ({ name: 'wallabag.json', bytes: Buffer.from(JSON.stringify([{ is_archived: 0 }, ...entries])) }));

const omnivoreWithAnything = fc
  .array(
    entryShaped({
      id: text,
      slug: fc.constantFrom('a', 'b', 'c'),
      url: fc.webUrl(),
      title: text,
      description: anyValue,
      author: anyValue,
      state: anyValue,
      labels: fc.array(fc.oneof(text, tagLike, fc.record({ name: anyValue }), anyValue)),
      savedAt: anyValue,
      publishedAt: anyValue,
    }),
    { maxLength: 6 },
  )
  .map((items) => ({
    name: 'omnivore.zip',
    bytes: zipSync({
      'metadata_0_to_9.json': strToU8(JSON.stringify(items)),
      'content/a.html': strToU8('<div><p>Ferries resumed on Monday after a strike, the union said.</p></div>'),
      'highlights/a.md': strToU8('> Ferries resumed\n\nnote\n'),
    }),
  }));

const pocketWithAnything = fc
  .tuple(
    fc.array(
      fc.tuple(
        text,
        fc.oneof(fc.webUrl(), text),
        fc.oneof(fc.integer().map(String), text, fc.constantFrom('99999999999999999999', '-99999999999999')),
        text,
      ),
      { maxLength: 6 },
    ),
    fc.array(
      entryShaped({
        url: fc.webUrl(),
        highlights: fc.oneof(anyValue, fc.array(fc.oneof(anyValue, fc.record({ quote: anyValue, created_at: anyValue })))),
      }),
      { maxLength: 4 },
    ),
  )
  .map(([rows, annotations]) => ({
    name: 'pocket.zip',
    bytes: zipSync({
      'part_000000.csv': strToU8(
        `title,url,time_added,tags,status\n${rows.map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',') + ',unread').join('\n')}\n`,
      ),
      'annotations/part_000000.json': strToU8(JSON.stringify(annotations)),
    }),
  }));

const fixture = fc.constantFrom(...CORPUS);
const malformed = fc.oneof(
  // Random bytes under every name.
  fc.record({ name: fc.constantFrom(...extensions).map((ext) => `random${ext}`), bytes: fc.uint8Array({ maxLength: 4096 }) }),
  // A real export cut short.
  fixture.chain((file) => fc.nat(file.bytes.length).map((cut) => ({ name: file.name, bytes: file.bytes.slice(0, cut) }))),
  // A real export with bytes flipped.
  fixture.chain((file) =>
    fc
      .array(fc.tuple(fc.nat(Math.max(0, file.bytes.length - 1)), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 })
      .map((flips) => {
        const bytes = Uint8Array.from(file.bytes);
        for (const [at, value] of flips) bytes[at] = value;
        return { name: file.name, bytes };
      }),
  ),
  // A real export under another format's extension.
  fc.tuple(fixture, fc.constantFrom(...extensions)).map(([file, ext]) => ({ name: `renamed${ext}`, bytes: file.bytes })),
  // Markup nested far deeper than any page.
  fc.tuple(fc.integer({ min: 200, max: 8000 }), fc.constantFrom('div', 'b', 'blockquote', 'li', 'svg')).map(([depth, tag]) => ({
    name: 'deep.html',
    bytes: Buffer.from(`<html><body>${`<${tag}>`.repeat(depth)}deep text${`</${tag}>`.repeat(depth)}</body></html>`),
  })),
  // Text that claims one encoding and is another.
  fc
    .tuple(
      fc.uint8Array({ minLength: 1, maxLength: 2048 }),
      fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], []),
      fc.constantFrom('.txt', '.md', '.html'),
    )
    .map(([body, bom, ext]) => ({
      name: `encoding${ext}`,
      bytes: Uint8Array.from([...bom, ...body]),
    })),
  // Exports shaped right whose values are anything: null entries, numbers for text, dates
  // out of range, lists where a string should be.
  wallabagWithAnything,
  omnivoreWithAnything,
  pocketWithAnything,
  // Instapaper CSV with broken quoting.
  fc.array(fc.string({ maxLength: 40 }), { maxLength: 30 }).map((cells) => ({
    name: 'instapaper-export.csv',
    bytes: Buffer.from(
      `URL,Title,Selection,Folder,Timestamp\n${cells.map((cell, i) => (i % 3 === 0 ? `"${cell}` : `${cell},"x""`)).join('\n')}`,
    ),
  })),
);

/**
 * Every row of every table, the search index's own included, as one string: equal before and
 * after when nothing was stored (a transaction may write and then remove a row of its own,
 * as an import's batch marks what waits to be indexed, and leave the library as it was).
 */
function contentOf(library: Library): string {
  const tables = library.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
    .all() as { name: string }[];
  return JSON.stringify(tables.map(({ name }) => [name, library.db.prepare(`SELECT * FROM "${name}"`).all()]));
}

describe('importers under malformed input', () => {
  it(`end every generated file in an import or a clear error, leaving the library unchanged when they fail`, async () => {
    const library = tempLibrary();
    const tried = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(malformed, async (file) => {
        const importer = findImporter(file)?.id ?? (file.name.endsWith('.zip') ? 'zip' : 'refused');
        tried.set(importer, (tried.get(importer) ?? 0) + 1);
        const before = contentOf(library);
        const started = performance.now();
        const summary = await importFiles(library, [{ path: file.name, read: async () => file.bytes }]);
        expect(performance.now() - started).toBeLessThan(TIME_LIMIT_MS);
        expect(summary.cancelled).toBe(false);
        expect(summary.imported.length + summary.duplicates.length + summary.failed.length).toBeGreaterThan(0);
        for (const failure of summary.failed) {
          expect(errorCodes).toContain(failure.error.code);
          expect(failure.error.message).toMatch(/\w/);
          expect(failure.error.message).not.toMatch(/\n\s+at /);
          // A person's explanation, not a JavaScript error leaking out of a parser.
          expect(failure.error.message).not.toMatch(
            /Cannot read properties|is not a function|is not iterable|Invalid time value|undefined|\bnull\b/,
          );
        }
        // Whatever was stored can be listed and opened.
        for (const item of summary.imported) expect(getArticle(library, item.id).id).toBe(item.id);
        expect(() => listArticles(library, { limit: 500 })).not.toThrow();
        // And every tag it brought can be filtered, renamed and deleted.
        for (const tag of listTags(library)) expect(tagName.safeParse(tag.name).success, tag.name).toBe(true);
        // Nothing stored and nothing added to a stored copy: nothing written.
        const merged = summary.duplicates.some((item) => item.merged.length > 0);
        if (summary.imported.length === 0 && !merged) expect(contentOf(library)).toBe(before);
      }),
      { numRuns: RUNS * 7, seed: Number(process.env.FUZZ_SEED ?? 20261125) },
    );
    expect(checkIntegrity(library).ok).toBe(true);
    console.log(`malformed imports tried: ${[...tried].map(([id, n]) => `${id} ${n}`).join(', ')}`);
  }, 300_000);

  it('refuses a file over the size cap without reading it into a parser', async () => {
    const library = tempLibrary();
    const summary = await importFiles(library, [{ path: 'huge.html', size: MAX_IMPORT_BYTES + 1, read: async () => new Uint8Array(1) }]);
    expect(summary.failed).toEqual([{ path: 'huge.html', error: { code: 'TOO_LARGE', message: expect.stringMatching(/50 MB/) } }]);
  });
});
