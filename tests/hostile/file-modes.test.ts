import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backUpNow } from '../../electron/library/backup-schedule.ts';
import { backupFolder, writeBackup } from '../../electron/library/backups.ts';
import { createDraft } from '../../electron/library/drafts.ts';
import { Library } from '../../electron/library/library.ts';
import { createLogger } from '../../electron/shell/log.ts';
import { writeWindowState } from '../../electron/shell/window-state.ts';
import { tempDir } from '../helpers/temp.ts';

/** Another person with an account on the machine must not read what a journalist keeps. */

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe.skipIf(process.platform === 'win32')('files Dateline keeps', () => {
  it('a new library, its -wal and -shm are 0600 in a new 0700 folder', () => {
    const folder = join(tempDir(), 'Dateline');
    const library = Library.open(join(folder, 'library.sqlite'));
    createDraft(library, { title: 'Sources' });
    expect(modeOf(folder)).toBe(0o700);
    for (const name of ['library.sqlite', 'library.sqlite-wal', 'library.sqlite-shm']) expect(modeOf(join(folder, name)), name).toBe(0o600);
    library.close();
  });

  it('a library made readable by everyone before is made private when opened', () => {
    const file = join(tempDir(), 'library.sqlite');
    Library.open(file).close();
    chmodSync(file, 0o644);
    const library = Library.open(file);
    expect(modeOf(file)).toBe(0o600);
    expect(modeOf(`${file}-wal`)).toBe(0o600);
    library.close();
  });

  it('leaves a folder the person chose as it was', () => {
    const folder = join(tempDir(), 'Documents');
    mkdirSync(folder, { mode: 0o755 });
    chmodSync(folder, 0o755);
    Library.open(join(folder, 'library.sqlite')).close();
    expect(modeOf(folder)).toBe(0o755);
    expect(modeOf(join(folder, 'library.sqlite'))).toBe(0o600);
  });

  it('backups are 0600 in a 0700 folder, and older ones are fixed at the next rotation', async () => {
    const library = Library.open(join(tempDir(), 'library.sqlite'));
    createDraft(library, { title: 'Sources' });
    const folder = backupFolder(library.file);
    const old = await writeBackup(library.db, folder, 'daily', new Date(Date.now() - 86_400_000));
    chmodSync(join(folder, old.name), 0o644);
    chmodSync(folder, 0o755);
    await backUpNow(library, folder);
    expect(modeOf(folder)).toBe(0o700);
    for (const name of readdirSync(folder)) expect(modeOf(join(folder, name)), name).toBe(0o600);
    library.close();
  });

  it('logs and the window state are 0600, the log folder 0700', () => {
    const dir = join(tempDir(), 'Dateline');
    const log = createLogger(join(dir, 'logs'));
    log.info('started');
    expect(modeOf(join(dir, 'logs'))).toBe(0o700);
    expect(modeOf(log.file)).toBe(0o600);
    const state = join(dir, 'window-state.json');
    writeFileSync(state, '{}', { mode: 0o644 });
    chmodSync(state, 0o644);
    writeWindowState(state, { x: 0, y: 0, width: 1200, height: 800, maximized: false });
    expect(modeOf(state)).toBe(0o600);
  });
});
