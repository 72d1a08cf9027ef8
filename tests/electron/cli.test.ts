import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KURSK_FIXTURE, tempDir } from '../helpers/temp.ts';
import { corruptMiddlePage } from '../helpers/damage.ts';

const BIN = fileURLToPath(new URL('../../electron/bin/dateline.js', import.meta.url));
const KURSK = fileURLToPath(KURSK_FIXTURE);

/** Runs the real `dateline` command in its own process against a real library file. */
function dateline(library: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, '--library', library, ...args], { encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function json(output: { stdout: string }) {
  return JSON.parse(output.stdout);
}

/**
 * Runs `dateline` with a hook that names every npm package it loaded, for the commands that
 * must start fast: the importer's and the exporters' libraries took a second to load.
 */
function packagesLoadedBy(library: string, ...args: string[]): string[] {
  const hook = join(tempDir(), 'record-packages.mjs');
  writeFileSync(
    hook,
    `import { registerHooks } from 'node:module';
const seen = new Set();
registerHooks({ resolve(specifier, context, next) { const found = next(specifier, context);
  const at = found.url.lastIndexOf('/node_modules/'); if (at >= 0) { const [scope, name] = found.url.slice(at + 14).split('/');
  seen.add(scope.startsWith('@') ? scope + '/' + name : scope); } return found; } });
process.on('exit', () => process.stderr.write('\\nPACKAGES ' + JSON.stringify([...seen].sort()) + '\\n'));`,
  );
  const result = spawnSync(process.execPath, ['--import', hook, BIN, '--library', library, ...args], { encoding: 'utf8', timeout: 20_000 });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(/PACKAGES (.*)/.exec(result.stderr)![1]!) as string[];
}

// Each test runs the CLI several times as its own process (over a second each on a loaded
// 2-core machine): the suite's 20 s per test is too little for that, not a bound it checks.
describe('the dateline CLI', { timeout: 90_000 }, () => {
  it('imports, lists, shows and searches with the documented JSON shapes', () => {
    const library = join(tempDir(), 'cli.sqlite');
    const imported = dateline(library, 'import', KURSK, '--json');
    expect(imported.status).toBe(0);
    const summary = json(imported);
    expect(summary).toEqual({
      imported: [{ id: 1, title: expect.stringMatching(/^Global Security Threatened/), path: KURSK }],
      duplicates: [],
      failed: [],
      leftOut: [],
      notes: [],
      cancelled: false,
      stopped: null,
    });

    const again = json(dateline(library, 'import', KURSK, '--json'));
    expect(again.duplicates).toEqual([{ id: 1, path: KURSK, title: expect.any(String), merged: [] }]);

    const list = json(dateline(library, 'list', '--json'));
    expect(list.total).toBe(1);
    expect(list.items[0]).not.toHaveProperty('text');
    expect(list.items[0]).not.toHaveProperty('html');

    const shown = json(dateline(library, 'show', '1', '--json'));
    expect(Object.keys(shown).sort()).toEqual(
      [
        'id',
        'kind',
        'title',
        'dek',
        'byline',
        'sourceName',
        'sourceUrl',
        'publishedAt',
        'createdAt',
        'updatedAt',
        'wordCount',
        'readingMinutes',
        'tags',
        'read',
        'favorite',
        'archived',
        'related',
        'text',
        'html',
      ].sort(),
    );
    expect(shown.related).toEqual([
      { title: 'Civilian Impact Mounts as Israel and Hezbollah Negotiate Under Fire.', url: null },
      { title: 'Strategies and Controversies in New Mexico', url: null },
    ]);
    expect(shown.text).not.toContain('More From Author');
    expect(new Date(shown.createdAt).toISOString()).toBe(shown.createdAt);

    const found = json(dateline(library, 'search', 'Kursk', '--json'));
    expect(found).toMatchObject({ total: 1, results: [{ id: 1, title: shown.title }] });
    expect(found.results[0].snippet).toContain('<mark>Kursk</mark>');
    expect(typeof found.results[0].score).toBe('number');
  });

  it('prints readable text without --json', () => {
    const library = join(tempDir(), 'cli.sqlite');
    expect(dateline(library, 'import', KURSK).stdout).toMatch(/1 imported, 0 duplicates, 0 failed/);
    expect(dateline(library, 'search', 'kursk').stdout).toContain('*Kursk*');
    expect(dateline(library, 'show', '1').stdout).toMatch(/^Global Security Threatened[\s\S]*Related:\n- Civilian Impact/);
  });

  it('reads words after the query that start with "-" as part of it, as the README shows, and -- ends the options', () => {
    const dir = tempDir();
    const library = join(tempDir(), 'cli.sqlite');
    writeFileSync(join(dir, 'moscow.txt'), 'North Korean troops reach Russia\n\nNorth Korean soldiers arrived in Russia on Monday.');
    writeFileSync(join(dir, 'seoul.txt'), 'North Korean envoy visits Seoul\n\nA North Korean envoy arrived in Seoul on Monday.');
    expect(dateline(library, 'import', dir).status).toBe(0);
    const titles = (...args: string[]) => {
      const result = dateline(library, ...args);
      expect(result.stderr).toBe('');
      return json(result).results.map((hit: { title: string }) => hit.title);
    };
    expect(titles('search', '"north korean"', '-russia', '--json')).toEqual(['North Korean envoy visits Seoul']);
    expect(titles('--json', 'search', 'north', '-russia', '--limit', '5')).toEqual(['North Korean envoy visits Seoul']);
    expect(titles('search', '--json', '--', 'korean', '-seoul')).toEqual(['North Korean troops reach Russia']);
    expect(dateline(library, 'list', '-x').status).toBe(2);
  });

  it('exits 1 when a file fails to import or the article is missing, with one line on stderr', () => {
    const dir = tempDir();
    const library = join(dir, 'cli.sqlite');
    const bad = join(dir, 'photo.jpg');
    writeFileSync(bad, Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    const failed = dateline(library, 'import', bad, '--json');
    expect(failed.status).toBe(1);
    expect(json(failed).failed).toEqual([{ path: bad, error: { code: 'UNSUPPORTED', message: expect.stringContaining('.jpg') } }]);

    const missing = dateline(library, 'show', '42');
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim().split('\n')).toEqual(['dateline: There is no article with id 42.']);
  });

  it('regression: a saved page with its "_files" folder imports as one page and exits 0, not as failed pictures', () => {
    const dir = tempDir();
    const saved = join(dir, 'Saved');
    mkdirSync(join(saved, 'Story_files'), { recursive: true });
    const story = Array.from(
      { length: 6 },
      (_, i) => `<p>Paragraph ${i}: ferries resumed on Monday after a week-long strike, the union said.</p>`,
    ).join('');
    writeFileSync(
      join(saved, 'Story.html'),
      `<!doctype html><title>Ferries resume</title><article><h1>Ferries resume</h1>${story}<img src="Story_files/ferry.png"></article>`,
    );
    writeFileSync(join(saved, 'Story_files', 'ferry.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(join(saved, 'Story_files', 'site.css'), 'body {}');
    const result = dateline(join(dir, 'cli.sqlite'), 'import', saved, '--json');
    expect(result.status, result.stdout).toBe(0);
    expect(json(result)).toMatchObject({
      imported: [{ title: 'Ferries resume' }],
      failed: [],
      notes: [{ path: join(saved, 'Story.html'), note: expect.stringContaining('its 2 files') }],
    });
  });

  it.each([[[]], [['frobnicate']], [['show']], [['show', 'abc']], [['import']], [['list', '--view', 'everything']], [['--no-such-flag']]])(
    'exits 2 on wrong usage %j',
    (args) => {
      const result = dateline(join(tempDir(), 'cli.sqlite'), ...args);
      expect(result.status).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    },
  );

  it('checks integrity and writes an online backup that opens as a library', () => {
    const dir = tempDir();
    const library = join(dir, 'cli.sqlite');
    dateline(library, 'import', KURSK);
    expect(json(dateline(library, 'check', '--json'))).toMatchObject({ ok: true, problems: [], articles: 1 });
    const copy = join(dir, 'copy.sqlite');
    expect(dateline(library, 'backup', copy).status).toBe(0);
    expect(existsSync(copy)).toBe(true);
    // One self-contained file, like the backups in the folder.
    expect(existsSync(`${copy}-wal`)).toBe(false);
    expect(existsSync(`${copy}.partial`)).toBe(false);
    expect(json(dateline(copy, 'search', 'Kursk', '--json')).total).toBe(1);
    expect(dateline(library, 'backup', copy).status).toBe(1);
  });

  it('backs up into the Backups folder, lists backups with their article counts, and restores one', () => {
    const dir = tempDir();
    const library = join(dir, 'library.sqlite');
    dateline(library, 'import', KURSK);
    const made = json(dateline(library, 'backup', '--json'));
    expect(made).toMatchObject({ kind: 'manual', articles: 1, problem: null });
    expect(existsSync(join(dir, 'Backups', made.name))).toBe(true);

    const listed = json(dateline(library, 'backups', '--json'));
    expect(listed.backups.map((b: { name: string }) => b.name)).toEqual([made.name]);
    expect(dateline(library, 'backups').stdout).toMatch(/manual\s+1 articles/);

    writeFileSync(join(dir, 'note.md'), '# A note written after the backup\n\nIt should go away with the restore.');
    dateline(library, 'import', join(dir, 'note.md'));
    expect(json(dateline(library, 'list', '--json')).total).toBe(2);
    const restored = json(dateline(library, 'restore', made.name, '--json'));
    expect(restored.keptAside).toMatchObject({ kind: 'before-restore', articles: 2 });
    expect(json(dateline(library, 'list', '--json')).total).toBe(1);
    expect(dateline(library, 'restore', 'library.sqlite').status).toBe(1);
  });

  it('refuses to work on a damaged library, and restores a backup in its place, moving it aside', () => {
    const dir = tempDir();
    const library = join(dir, 'library.sqlite');
    for (let i = 0; i < 40; i++)
      writeFileSync(join(dir, `story-${i}.md`), `# Story ${i}\n\n${'The ferry ran again after the storm. '.repeat(60)}${i}`);
    dateline(library, 'import', dir);
    const made = json(dateline(library, 'backup', '--json'));
    corruptMiddlePage(library);

    const refused = dateline(library, 'import', join(dir, 'story-0.md'));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/is damaged .*Dateline did not change it/);
    const check = dateline(library, 'check', '--json');
    expect(check.status).toBe(1);
    expect(json(check)).toMatchObject({ ok: false, problems: [expect.any(String)] });
    const restored = json(dateline(library, 'restore', made.name, '--json'));
    expect(restored.damagedCopy).toMatch(/library\.sqlite\.damaged-/);
    expect(existsSync(restored.damagedCopy)).toBe(true);
    expect(json(dateline(library, 'list', '--json')).total).toBe(40);
    expect(json(dateline(library, 'check', '--json'))).toMatchObject({ ok: true });
  });

  it('regression: list, show and search load neither the importer nor the exporters (each command took a second)', () => {
    const library = join(tempDir(), 'cli.sqlite');
    expect(dateline(library, 'import', KURSK).status).toBe(0);
    for (const args of [
      ['list', '--limit', '1'],
      ['show', '1'],
      ['search', 'kursk'],
    ]) {
      expect(packagesLoadedBy(library, ...args)).toEqual(['better-sqlite3-multiple-ciphers', 'zod']);
    }
  });

  it("regression: keeps its compiled modules between runs in the user's own cache (each start stripped the types anew)", () => {
    const library = join(tempDir(), 'cli.sqlite');
    const cacheHome = tempDir();
    const env = { ...process.env, XDG_CACHE_HOME: cacheHome, NODE_COMPILE_CACHE: '' };
    const run = () =>
      spawnSync(process.execPath, [BIN, '--library', library, 'list', '--limit', '1'], { encoding: 'utf8', env, timeout: 20_000 });
    expect(run().status).toBe(0);
    const cache = join(cacheHome, 'dateline', 'compile-cache');
    const entries = readdirSync(cache, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(entries.length).toBeGreaterThan(50);
    expect(run().status).toBe(0);
  });
});
