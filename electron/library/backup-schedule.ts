import type { BackupInfo, BackupKind } from '../common/backups.ts';
import { backupNames, rotateBackups, writeBackup } from './backups.ts';
import { articleCountOf } from './database.ts';
import type { Library } from './library.ts';
import { getSettings } from './settings-store.ts';

export const DAY_MS = 24 * 60 * 60 * 1000;
const CHECK_EVERY_MS = 60 * 60 * 1000;

/** Kinds that are a copy of this library as it was in use; a kept-aside one is not. */
const COUNTS_AS_RECENT: ReadonlySet<BackupKind> = new Set(['daily', 'manual', 'before-upgrade']);

export interface BackupScheduleOptions {
  library: Library;
  folder: string;
  onMade?: (backup: BackupInfo) => void;
  onError?: (error: unknown) => void;
  now?: () => number;
}

/** A backup into the folder now, then the rotation the settings ask for. */
export async function backUpNow(library: Library, folder: string, kind: BackupKind = 'manual', at = new Date()): Promise<BackupInfo> {
  const backup = await writeBackup(library.db, folder, kind, at);
  await rotateBackups(folder, getSettings(library).backupsToKeep, { currentArticles: articleCountOf(library.db) });
  return backup;
}

/** Makes the daily backup if the newest recent one is a day old or more; null if not due. */
export async function backUpIfDue(library: Library, folder: string, now = Date.now()): Promise<BackupInfo | null> {
  // Names alone: at start-up, opening every backup to count its articles would be wasted.
  const newest = (await backupNames(folder)).find((backup) => COUNTS_AS_RECENT.has(backup.kind));
  // One dated in the future (a clock set back) does not count as recent.
  if (newest && newest.createdAt <= now && now - newest.createdAt < DAY_MS) return null;
  // Named for the moment it was found due, so the next look a day later finds it a day old
  // however long the copy took.
  return backUpNow(library, folder, 'daily', new Date(now));
}

/**
 * Daily backups for a running app: one at start if due, then a look every hour, since a
 * laptop app may stay open for weeks. Returns a function that stops them.
 */
export function scheduleDailyBackups({ library, folder, onMade, onError, now = Date.now }: BackupScheduleOptions): () => void {
  let running = false;
  const tick = async () => {
    if (running || !library.db.open) return;
    running = true;
    try {
      const made = await backUpIfDue(library, folder, now());
      if (made) onMade?.(made);
    } catch (error) {
      onError?.(error);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), CHECK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
