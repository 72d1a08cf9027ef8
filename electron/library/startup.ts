import { existsSync } from 'node:fs';
import { DatelineError } from '../common/errors.ts';
import type { BackupInfo } from '../common/backups.ts';
import { backupFolder, newestComparableBackup, writeBackup } from './backups.ts';
import { checkInWorker, isDamage } from './check.ts';
import { hasPlainHeader, heldKeyFor, openSqlite } from './cipher.ts';
import { isEncryptedLibrary } from './library-keys.ts';
import { articleCountOf, userVersion, type Db } from './database.ts';
import { fileShapeProblems } from './file-shape.ts';
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

/**
 * A library that is sound but holds far fewer articles than its newest backup: a file
 * replaced or rolled back by a sync tool or a careless copy looks just like this. It is
 * treated like a damaged one, except that the person may choose to open it as it is.
 */
export class LibraryShrunkError extends LibraryDamagedError {
  readonly articles: number;
  readonly backup: BackupInfo;

  constructor(file: string, articles: number, backup: BackupInfo) {
    super(file, [
      `The library holds ${articles} of the ${backup.articles} articles in its backup of ${new Date(backup.createdAt).toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    ]);
    this.articles = articles;
    this.backup = backup;
  }
}

/** How much smaller than its newest backup a library may be before it is questioned. */
const SHRUNK_BELOW = 0.5;
/** Below this many articles in the backup, a library emptied on purpose is too likely. */
const SHRINK_MATTERS_FROM = 10;

export interface CheckedOpenOptions {
  /** Where the copy taken before an upgrade goes; the library's Backups folder by default. */
  backups?: string;
  onUpgradeBackup?: (backup: BackupInfo) => void;
  /** False skips the quick check (it reads the whole file: seconds for a big library). */
  quickCheck?: boolean;
  /** False opens a library that holds far fewer articles than its newest backup (the person chose to). */
  compareWithBackup?: boolean;
}

/**
 * How the apps and the CLI open a library: a quick check first, through a read-only
 * connection so that nothing (not even a checkpoint) touches a damaged file; then, if the
 * schema is older, a backup with the online backup API; then the upgrade.
 */
export async function openCheckedLibrary(file: string, options: CheckedOpenOptions = {}): Promise<Library> {
  if (existsSync(file)) {
    const shape = fileShapeProblems(file, { encrypted: requireKey(file) });
    if (shape.length) throw new LibraryDamagedError(file, shape);
    if (options.quickCheck !== false) {
      const problems = await checkInWorker({ file });
      if (problems.length) throw new LibraryDamagedError(file, problems);
    }
    const probe = openProbe(file);
    try {
      if (options.compareWithBackup !== false) await refuseIfShrunk(file, probe, options.backups ?? backupFolder(file));
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

/**
 * The fast way in for the apps: the checks that take milliseconds (the file's shape, its
 * schema version, its size against the newest backup) and a read-only connection at once,
 * with SQLite's quick check (which reads the whole file: seconds for a big library) still
 * running in a worker. Nothing is written until the check has passed. Null when the library
 * must be checked before anything (it is new, or its schema needs an upgrade): then
 * `openCheckedLibrary` is the way.
 */
export async function openForReading(
  file: string,
  options: Pick<CheckedOpenOptions, 'backups'> = {},
): Promise<{ reader: Library; check: Promise<string[]> } | null> {
  if (!existsSync(file)) return null;
  const shape = fileShapeProblems(file, { encrypted: requireKey(file) });
  if (shape.length) throw new LibraryDamagedError(file, shape);
  const probe = openProbe(file);
  try {
    if (userVersion(probe) !== LATEST_SCHEMA_VERSION) return null;
    await refuseIfShrunk(file, probe, options.backups ?? backupFolder(file));
  } catch (error) {
    throw damageOf(file, error) ?? error;
  } finally {
    probe.close();
  }
  const check = checkInWorker({ file });
  // Read by the caller later; a failure to check is its business, not an unhandled rejection.
  check.catch(() => undefined);
  try {
    return { reader: Library.openReader(file), check };
  } catch (error) {
    throw damageOf(file, error) ?? error;
  }
}

/** Whether the library is encrypted; one whose key this process does not hold is refused, untouched. */
function requireKey(file: string): boolean {
  // Unlocked by its recovery key with the keys file lost: the key held is the proof.
  if (heldKeyFor(file) && !hasPlainHeader(file)) return true;
  if (!isEncryptedLibrary(file)) return false;
  if (!heldKeyFor(file)) {
    throw new DatelineError(
      'LIBRARY_LOCKED',
      `The library ${file} is encrypted. Give its passphrase (at the prompt, or in DATELINE_PASSPHRASE) or its recovery key to open it.`,
    );
  }
  return true;
}

async function refuseIfShrunk(file: string, probe: Db, folder: string): Promise<void> {
  const backup = await newestComparableBackup(folder);
  if (!backup?.articles || backup.articles < SHRINK_MATTERS_FROM) return;
  const articles = articleCountOf(probe);
  if (articles < backup.articles * SHRUNK_BELOW) throw new LibraryShrunkError(file, articles, backup);
}

function openProbe(file: string): Db {
  try {
    return openSqlite(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw damageOf(file, error) ?? error;
  }
}

function damageOf(file: string, error: unknown): LibraryDamagedError | null {
  if (error instanceof LibraryDamagedError) return error;
  return isDamage(error) ? new LibraryDamagedError(file, [(error as Error).message]) : null;
}
