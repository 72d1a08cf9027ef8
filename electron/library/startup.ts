import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { DatelineError } from '../common/errors.ts';
import type { BackupInfo } from '../common/backups.ts';
import { backupFolder, writeBackup } from './backups.ts';
import { checkInWorker, isDamage } from './check.ts';
import { userVersion, type Db } from './database.ts';
import { Library } from './library.ts';
import { LATEST_SCHEMA_VERSION } from './migrations.ts';

/** A library that failed its check on opening; the file was left exactly as it was. */
export class LibraryDamagedError extends DatelineError {
  readonly file: string;
  readonly problems: string[];

  constructor(file: string, problems: string[]) {
    super(
      'LIBRARY_DAMAGED',
      `The library ${file} is damaged (${problems.slice(0, 3).join('; ')}). Dateline did not change it; restore a backup to go on.`,
    );
    this.file = file;
    this.problems = problems;
  }
}

export interface CheckedOpenOptions {
  /** Where the copy taken before an upgrade goes; the library's Backups folder by default. */
  backups?: string;
  onUpgradeBackup?: (backup: BackupInfo) => void;
  /** False skips the quick check (it reads the whole file: seconds for a big library). */
  quickCheck?: boolean;
}

/**
 * How the apps and the CLI open a library: a quick check first, through a read-only
 * connection so that nothing (not even a checkpoint) touches a damaged file; then, if the
 * schema is older, a backup with the online backup API; then the upgrade.
 */
export async function openCheckedLibrary(file: string, options: CheckedOpenOptions = {}): Promise<Library> {
  if (existsSync(file)) {
    if (options.quickCheck !== false) {
      const problems = await checkInWorker({ file });
      if (problems.length) throw new LibraryDamagedError(file, problems);
    }
    const probe = openProbe(file);
    try {
      const version = userVersion(probe);
      if (version > 0 && version < LATEST_SCHEMA_VERSION) {
        options.onUpgradeBackup?.(await writeBackup(probe, options.backups ?? backupFolder(file), 'before-upgrade'));
      }
    } catch (error) {
      throw damageOf(file, error) ?? error;
    } finally {
      probe.close();
    }
  }
  return Library.open(file);
}

function openProbe(file: string): Db {
  try {
    return new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw damageOf(file, error) ?? error;
  }
}

function damageOf(file: string, error: unknown): LibraryDamagedError | null {
  if (error instanceof LibraryDamagedError) return error;
  return isDamage(error) ? new LibraryDamagedError(file, [(error as Error).message]) : null;
}
