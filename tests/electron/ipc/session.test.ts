import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../../electron/ipc/contract.ts';
import { LibrarySession } from '../../../electron/ipc/session.ts';
import { createDraft } from '../../../electron/library/drafts.ts';
import { backupFolder, listBackups, writeBackup } from '../../../electron/library/backups.ts';
import { Library } from '../../../electron/library/library.ts';
import { corruptMiddlePage } from '../../helpers/damage.ts';
import { tempDir, testAppInfo } from '../../helpers/temp.ts';

async function startSession(
  file: string,
  onEvent?: (event: EventName, payload: unknown) => void,
  checkInBackground = false,
  checkEveryMs?: number,
) {
  const events: { event: EventName; payload: unknown }[] = [];
  const session = await LibrarySession.start({
    file,
    checkInBackground,
    ...(checkEveryMs ? { checkEveryMs } : {}),
    app: testAppInfo,
    emit: (event, payload) => {
      events.push({ event, payload });
      onEvent?.(event, payload);
    },
  });
  return { session, events };
}

async function value<T = never>(session: LibrarySession, channel: string, input: unknown = {}): Promise<T> {
  const result = await session.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

function libraryFile(count: number): string {
  const file = join(tempDir(), 'library.sqlite');
  const library = Library.open(file);
  for (let i = 0; i < count; i++) createDraft(library, { title: `Story ${i}`, editorNote: 'ferry harbour storm '.repeat(200) });
  library.close();
  return file;
}

/** A library of 60 articles with a good daily backup from a minute ago, then damaged in the middle. */
async function damagedWithGoodBackup() {
  const file = libraryFile(60);
  const library = Library.open(file);
  const good = await writeBackup(library.db, backupFolder(file), 'daily', new Date(Date.now() - 60_000));
  library.close();
  corruptMiddlePage(file);
  return { file, good, damagedBytes: readFileSync(file) };
}

describe('the library session', () => {
  it('makes the daily backup on start, and backs up and restores over the contract', async () => {
    const file = libraryFile(3);
    const { session, events } = await startSession(file);
    await vi.waitFor(async () => expect((await listBackups(backupFolder(file))).map((b) => b.kind)).toEqual(['daily']));
    // A Settings window opened before it landed loads its list again.
    await vi.waitFor(() => expect(events.map((item) => item.event)).toContain('backups.made'));

    const made = await value(session, 'backups.create');
    expect(made).toMatchObject({ kind: 'manual', articles: 3 });
    await value(session, 'articles.createDraft', { title: 'After the backup' });
    const listed: { folder: string; keep: number; backups: { name: string }[] } = await value(session, 'backups.list');
    expect(listed).toMatchObject({ folder: backupFolder(file), keep: 14 });
    expect(listed.backups.map((b) => b.name)).toContain((made as { name: string }).name);

    const restoring = session.dispatch('backups.restore', { name: (made as { name: string }).name });
    // Nothing else is served while the library is being replaced.
    expect(await session.dispatch('articles.createDraft', { title: 'Meanwhile' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const restored = await restoring;
    expect(restored).toMatchObject({ ok: true, value: { keptAside: { kind: 'before-restore', articles: 4 }, damagedCopy: null } });
    expect(events.map((e) => e.event)).toContain('library.restored');
    const list: { total: number } = await value(session, 'articles.list', {});
    expect(list.total).toBe(3);

    expect(await session.dispatch('backups.restore', { name: '../library.sqlite' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    session.close();
  });

  it('stops an import under way before restoring: all it stored is in the copy kept aside, none of it in the restored library', async () => {
    const file = libraryFile(3);
    let firstStored: () => void = () => undefined;
    const stored = new Promise<void>((resolve) => (firstStored = resolve));
    const { session } = await startSession(file, (event, payload) => {
      if (event === 'import.progress' && (payload as { done: number }).done > 0) firstStored();
    });
    const made: { name: string } = await value(session, 'backups.create');
    const files = Array.from({ length: 1000 }, (_, i) => ({
      name: `brief-${i}.txt`,
      data: Buffer.from(`Harbour brief ${i}\n\nThe council voted on berth ${i} after a long debate.`).toString('base64'),
    }));
    const importing = session.dispatch('import.files', { files });
    await stored;

    const restored = await value<{ keptAside: { articles: number } }>(session, 'backups.restore', { name: made.name });
    const imported = await importing;
    if (!imported.ok) throw new Error(imported.error.message);
    const summary = imported.value as { imported: unknown[]; cancelled: boolean };
    expect(summary.cancelled).toBe(true);
    expect(summary.imported.length).toBeGreaterThan(0);
    expect(restored.keptAside.articles).toBe(3 + summary.imported.length);
    expect(await value<{ total: number }>(session, 'articles.list', {})).toMatchObject({ total: 3 });
    session.close();
  });

  it('serves a damaged library only its status and backups, leaves it untouched, and opens it again after a restore', async () => {
    const { file, good, damagedBytes } = await damagedWithGoodBackup();

    const { session, events } = await startSession(file);
    expect(session.damaged).toBe(true);
    const status: { healthy: boolean; problems: string[]; suggested: { name: string; articles: number } } = await value(
      session,
      'library.status',
    );
    expect(status.healthy).toBe(false);
    expect(status.problems.length).toBeGreaterThan(0);
    expect(status.suggested).toMatchObject({ name: good.name, articles: 60 });
    expect(await session.dispatch('articles.list', {})).toMatchObject({ ok: false, error: { code: 'LIBRARY_DAMAGED' } });
    expect(await session.dispatch('backups.create', {})).toMatchObject({ ok: false, error: { code: 'LIBRARY_DAMAGED' } });
    // No daily backup of a damaged library, and the file is as it was.
    expect((await listBackups(backupFolder(file))).map((b) => b.name)).toEqual([good.name]);
    expect(readFileSync(file).equals(damagedBytes)).toBe(true);

    const result: { damagedCopy: string; restored: { name: string } } = await value(session, 'backups.restore', { name: good.name });
    expect(result.restored.name).toBe(good.name);
    expect(readFileSync(result.damagedCopy).equals(damagedBytes)).toBe(true);
    expect(session.damaged).toBe(false);
    expect(events.map((e) => e.event)).toContain('library.restored');
    const list: { total: number } = await value(session, 'articles.list', {});
    expect(list.total).toBe(60);
    expect(((await value(session, 'library.status')) as { healthy: boolean }).healthy).toBe(true);
    session.close();
    expect(existsSync(file)).toBe(true);
  });

  it('still starts on a damaged library with no backups, and says there is none to restore', async () => {
    const file = libraryFile(60);
    corruptMiddlePage(file);
    const { session } = await startSession(file);
    expect(await value(session, 'library.status')).toMatchObject({ healthy: false, suggested: null });
    expect(await value(session, 'backups.list')).toMatchObject({ backups: [] });
    session.close();
  });

  describe('a fast start (the check in the background)', () => {
    it('serves reads while the check runs, and writes once it has passed', async () => {
      const file = libraryFile(30);
      const { session } = await startSession(file, undefined, true);
      expect(session.damaged).toBe(false);
      // Asked at once, while the check may still run: reads answer, the write waits and then goes on.
      const [list, draft] = await Promise.all([
        value<{ total: number }>(session, 'articles.list', {}),
        value<{ id: number }>(session, 'articles.createDraft', { title: 'Written while checking' }),
      ]);
      expect(list.total).toBe(30);
      expect(draft.id).toBeGreaterThan(30);
      expect(await value(session, 'library.status')).toMatchObject({ healthy: true });
      session.close();
    });

    it('regression: a damaged library found by the check after start gets nothing written, and every window is told', async () => {
      const { file, good, damagedBytes } = await damagedWithGoodBackup();
      const { session, events } = await startSession(file, undefined, true);
      // A write asked for before the check ends waits for it, then is refused.
      expect(await session.dispatch('articles.createDraft', { title: 'Must not be written' })).toMatchObject({
        ok: false,
        error: { code: 'LIBRARY_DAMAGED' },
      });
      expect(events.map((e) => e.event)).toContain('library.damaged');
      expect(session.damaged).toBe(true);
      expect(await value(session, 'library.status')).toMatchObject({ healthy: false, suggested: { name: good.name } });
      expect((await listBackups(backupFolder(file))).map((b) => b.name)).toEqual([good.name]);
      expect(readFileSync(file).equals(damagedBytes)).toBe(true);
      session.close();
    });
  });

  it('regression: damage a disk brings while the app runs is found by the periodic check, not weeks later at the next start', async () => {
    const file = libraryFile(60);
    const library = Library.open(file);
    await writeBackup(library.db, backupFolder(file), 'daily', new Date(Date.now() - 60_000));
    library.close();
    const { session, events } = await startSession(file, undefined, false, 400);
    try {
      // No call first: the check waits for a quiet spell after the last one.
      expect(session.damaged).toBe(false);
      corruptMiddlePage(file);
      await vi.waitFor(() => expect(events.map((item) => item.event)).toContain('library.damaged'), { timeout: 20_000, interval: 200 });
      expect(await value(session, 'library.status')).toMatchObject({ healthy: false, suggested: { articles: 60 } });
      expect(await session.dispatch('articles.createDraft', { title: 'After the damage' })).toMatchObject({
        ok: false,
        error: { code: 'LIBRARY_DAMAGED' },
      });
    } finally {
      session.close();
    }
  }, 60_000);
});
