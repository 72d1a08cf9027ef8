import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelNames, channels, events, type EventName } from '../../../electron/ipc/contract.ts';
import { createDispatcher } from '../../../electron/ipc/dispatcher.ts';
import type { Library } from '../../../electron/library/library.ts';
import { tempLibrary, testAppInfo } from '../../helpers/temp.ts';

function setup() {
  const library = tempLibrary();
  const emitted: { event: EventName; payload: unknown }[] = [];
  const logged: string[] = [];
  const dispatch = createDispatcher({
    library,
    app: testAppInfo,
    emit: (event, payload) => emitted.push({ event, payload }),
    log: (message) => logged.push(message),
  });
  return { library, dispatch, emitted, logged };
}

/** Every row of every table, to prove a rejected call wrote nothing. */
function snapshot(library: Library): string {
  const tables = library.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'articles_fts%' ORDER BY name")
    .all() as { name: string }[];
  return JSON.stringify(tables.map(({ name }) => library.db.prepare(`SELECT * FROM "${name}"`).all()));
}

const MALFORMED: unknown[] = [
  null,
  42,
  'text',
  [],
  true,
  { unexpected: 'field' },
  { id: -1 },
  { id: 1.5 },
  { id: '1' },
  { query: 7 },
  { files: 'not-a-list' },
  { files: [] },
  { files: [{ name: '', data: 'AAAA' }] },
  { files: [{ name: 'a.txt', data: 'not base64!' }] },
  { id: 1, progress: 2 },
  { id: 1, patch: { readingProgress: 0.5 } },
  { id: 1, tags: [''] },
  { theme: 'neon' },
  { view: 'everything' },
  { limit: 100_000 },
  { __proto__: { polluted: true } },
];

describe('the contract', () => {
  it('declares every channel with an input and an output schema, and every event with a payload schema', () => {
    expect(channelNames.length).toBeGreaterThanOrEqual(14);
    for (const name of channelNames) {
      expect(channels[name].input).toBeDefined();
      expect(channels[name].output).toBeDefined();
      // The browser bridge tells channels from other properties by this shape.
      expect(name).toMatch(/^[a-z]+\.[A-Za-z]+$/);
    }
    expect(Object.keys(events)).toEqual([
      'library.changed',
      'import.progress',
      'downloads.progress',
      'security.progress',
      'import.finished',
      'settings.changed',
      'highlights.changed',
      'backups.made',
      'library.restored',
      'library.damaged',
      'feeds.changed',
      'capture.changed',
      'desk.update',
      'desk.status',
      'desk.presence',
      'menu.command',
    ]);
  });

  it.each(channelNames)('%s rejects malformed input with INVALID_INPUT and writes nothing', async (channel) => {
    const { library, dispatch, emitted } = setup();
    await dispatch('articles.createDraft', { title: 'Existing draft' });
    emitted.length = 0;
    const before = snapshot(library);
    let rejected = 0;
    for (const input of MALFORMED) {
      const result = await dispatch(channel, input);
      if (channels[channel].input.safeParse(input).success) continue;
      rejected += 1;
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect((result as { error: { message: string } }).error.message).toMatch(/^The request was not valid/);
    }
    expect(rejected).toBeGreaterThan(MALFORMED.length / 2);
    expect(snapshot(library)).toBe(before);
    expect(emitted).toEqual([]);
  });

  it('answers thousands of generated malformed payloads on every channel with INVALID_INPUT, writing nothing', async () => {
    const { library, dispatch, emitted } = setup();
    await dispatch('articles.createDraft', { title: 'Existing draft' });
    emitted.length = 0;
    const changes = () => (library.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const before = changes();
    // Payloads shaped like the real ones (their field names, with anything as values) reach
    // deeper into the schemas than arbitrary values alone.
    const fieldNames = [...new Set(channelNames.flatMap((name) => Object.keys((channels[name].input as { shape?: object }).shape ?? {})))];
    const payload = fc.oneof(
      fc.anything(),
      fc.dictionary(fc.constantFrom(...fieldNames), fc.anything(), { maxKeys: 4 }),
      fc.dictionary(fc.constantFrom(...fieldNames), fc.oneof(fc.integer(), fc.string(), fc.array(fc.integer()), fc.constant(null)), {
        maxKeys: 4,
      }),
    );
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channelNames), payload, async (channel, input) => {
        if (channels[channel].input.safeParse(input).success) return;
        tried += 1;
        const result = await dispatch(channel, input);
        expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      }),
      { numRuns: 4000, seed: 20261125 },
    );
    expect(tried).toBeGreaterThan(3000);
    expect(changes()).toBe(before);
    expect(emitted).toEqual([]);
    console.log(`IPC payloads tried: ${tried} malformed across ${channelNames.length} channels`);
  }, 120_000);

  it('refuses an unknown channel, including inherited property names', async () => {
    const { dispatch } = setup();
    for (const name of ['articles.drop', 'constructor', '__proto__', 'toString', '']) {
      expect(await dispatch(name, {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });
});

describe('the handlers', () => {
  it('an autosave answers with the new revision and time only, and refuses a stale revision', async () => {
    const { dispatch, emitted } = setup();
    const created = (await dispatch('articles.createDraft', { title: 'Ferry strike' })) as { value: { id: number; revision: number } };
    const { id, revision } = created.value;
    const saved = await dispatch('articles.save', { id, patch: { title: 'Ferry strike ends' }, expectedRevision: revision });
    expect(saved).toEqual({ ok: true, value: { revision: revision + 1, updatedAt: expect.any(String) } });
    expect(emitted.at(-1)).toEqual({ event: 'library.changed', payload: { ids: [id] } });
    expect(await dispatch('articles.get', { id })).toMatchObject({
      ok: true,
      value: { title: 'Ferry strike ends', revision: revision + 1 },
    });
    expect(await dispatch('articles.save', { id, patch: { title: 'x' }, expectedRevision: revision })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('regression: reading progress is no edit — a draft open elsewhere still saves, and no window reloads', async () => {
    const { dispatch, emitted } = setup();
    const created = (await dispatch('articles.createDraft', { title: 'Ferry strike' })) as { value: { id: number; revision: number } };
    const { id, revision } = created.value;
    emitted.length = 0;
    expect(await dispatch('articles.setProgress', { id, progress: 0.45 })).toEqual({ ok: true, value: {} });
    expect(await dispatch('articles.get', { id })).toMatchObject({ ok: true, value: { readingProgress: 0.45, revision } });
    expect(emitted).toEqual([]);
    // The editor that opened the draft at `revision` saves without a conflict.
    expect(await dispatch('articles.update', { id, patch: { title: 'Ferry strike ends' }, expectedRevision: revision })).toMatchObject({
      ok: true,
    });
    expect(await dispatch('articles.setProgress', { id: 999, progress: 0.5 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('create, update, tag, list, search and delete a draft, announcing each change', async () => {
    const { dispatch, emitted } = setup();
    const created = await dispatch('articles.createDraft', { title: 'Ferry strike' });
    expect(created).toMatchObject({ ok: true, value: { kind: 'draft', title: 'Ferry strike', revision: 1 } });
    const id = (created as { value: { id: number } }).value.id;

    const editorState = JSON.stringify({
      root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'Ferries stopped at dawn.', format: 1 }] }] },
    });
    const updated = await dispatch('articles.update', { id, patch: { editorState }, expectedRevision: 1 });
    expect(updated).toMatchObject({ ok: true, value: { html: '<p><strong>Ferries stopped at dawn.</strong></p>', revision: 2 } });
    expect(await dispatch('articles.update', { id, patch: { title: 'x' }, expectedRevision: 1 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    expect(await dispatch('tags.set', { id, tags: ['transport'] })).toEqual({ ok: true, value: { tags: ['transport'] } });
    expect(await dispatch('tags.list', {})).toEqual({ ok: true, value: [{ name: 'transport', count: 1 }] });
    expect(await dispatch('articles.list', { view: 'drafts' })).toMatchObject({ ok: true, value: { total: 1 } });
    expect(await dispatch('search.query', { query: 'ferries' })).toMatchObject({ ok: true, value: { total: 1, results: [{ id }] } });
    expect(await dispatch('articles.delete', { id })).toEqual({ ok: true, value: { id } });
    expect(await dispatch('articles.get', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    expect(emitted.map((e) => e.event)).toEqual(['library.changed', 'library.changed', 'library.changed', 'library.changed']);
  });

  it('refuses a search too long to run with a sentence, once, at the contract, and goes on serving', async () => {
    const { dispatch } = setup();
    const refused = await dispatch('search.query', { query: 'x'.repeat(2000) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((refused as { error: { message: string } }).error.message).toMatch(/^[A-Z].*\.$/);
    expect(await dispatch('search.query', { query: 'storm\u0000' })).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('imports base64 files, reporting progress events and a per-file summary, each naming the import', async () => {
    const { dispatch, emitted } = setup();
    const data = Buffer.from('Harbour reopens\n\nBoats returned on Monday.').toString('base64');
    const result = await dispatch('import.files', {
      files: [
        { name: 'harbour.txt', data },
        { name: 'harbour-again.txt', data },
        { name: 'photo.jpg', data: Buffer.from([0xff, 0xd8, 0xff]).toString('base64') },
      ],
      job: 'window-import-1',
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        imported: [{ title: 'Harbour reopens', path: 'harbour.txt' }],
        duplicates: [{ path: 'harbour-again.txt' }],
        failed: [{ path: 'photo.jpg', error: { code: 'UNSUPPORTED' } }],
      },
    });
    const progress = emitted.filter((e) => e.event === 'import.progress').map((e) => e.payload);
    expect(progress.at(-1)).toEqual({ done: 3, total: 3, current: null, job: 'window-import-1' });
    // Files parsed ahead are stored together, so progress may advance by more than one.
    expect(progress[0]).toEqual({ done: 0, total: 3, current: 'harbour.txt', job: 'window-import-1' });
    // The window that started it knows its summary when it comes late, after the answer.
    expect(emitted.find((e) => e.event === 'import.finished')?.payload).toMatchObject({
      job: 'window-import-1',
      imported: [{ path: 'harbour.txt' }],
    });
    const done = progress.map((p) => (p as { done: number }).done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });

  it('reads and changes settings, keeping defaults for what was never set', async () => {
    const { dispatch } = setup();
    expect(await dispatch('settings.get', {})).toMatchObject({ ok: true, value: { theme: 'system', readerFontSize: 19 } });
    expect(await dispatch('settings.set', { theme: 'sepia' })).toMatchObject({ ok: true, value: { theme: 'sepia', readerFontSize: 19 } });
    expect(await dispatch('settings.get', {})).toMatchObject({ ok: true, value: { theme: 'sepia' } });
  });

  it('reports an unexpected failure as INTERNAL without leaking its details, and logs it', async () => {
    const { dispatch, library, logged } = setup();
    library.close();
    const result = await dispatch('articles.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toMatch(/database|sqlite/i);
    expect(logged).toEqual(['channel articles.list failed']);
  });
});

describe('export and app channels', () => {
  it('list the export formats and export an article as base64 bytes', async () => {
    const { dispatch } = setup();
    const formats = await dispatch('export.formats', {});
    expect((formats as { value: { id: string }[] }).value.map((format) => format.id)).toEqual([
      'md',
      'html',
      'docx',
      'pdf',
      'txt',
      'ninjs',
      'epub',
      'highlights-md',
    ]);
    const draftForPdf = (await dispatch('articles.createDraft', { title: 'No printer here' })) as { value: { id: number } };
    expect(await dispatch('articles.export', { id: draftForPdf.value.id, format: 'pdf' })).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED', message: expect.stringMatching(/desktop app/) },
    });
    const draft = (await dispatch('articles.createDraft', { title: 'Export me' })) as { value: { id: number } };
    const file = (await dispatch('articles.export', { id: draft.value.id, format: 'txt' })) as {
      ok: true;
      value: { fileName: string; data: string };
    };
    expect(file.value.fileName).toBe('Export me.txt');
    expect(Buffer.from(file.value.data, 'base64').toString()).toBe('Export me\n');
    expect(await dispatch('articles.export', { id: draft.value.id, format: 'docx2' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('describes the app and announces settings changes', async () => {
    const { dispatch, emitted } = setup();
    expect(await dispatch('app.info', {})).toMatchObject({ ok: true, value: { mode: 'browser', updates: { available: false } } });
    await dispatch('settings.set', { theme: 'dark' });
    expect(emitted).toEqual([{ event: 'settings.changed', payload: expect.objectContaining({ theme: 'dark' }) }]);
  });
});
