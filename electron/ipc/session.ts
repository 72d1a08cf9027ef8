import { defaultSettings } from '../common/settings.ts';
import { DatelineError } from '../common/errors.ts';
import type { BackupInfo } from '../common/backups.ts';
import { backupFolder, listBackups, moveDamagedAside, newestGoodBackup, restoreOverDamaged } from '../library/backups.ts';
import { backUpNow, scheduleDailyBackups } from '../library/backup-schedule.ts';
import type { Library } from '../library/library.ts';
import { LibraryDamagedError, LibraryShrunkError, openCheckedLibrary } from '../library/startup.ts';
import { createDispatcher, dispatcherOver, type Dispatch } from './dispatcher.ts';
import type { HandlerContext } from './handlers/services.ts';

export interface SessionOptions extends Omit<HandlerContext, 'library' | 'backups'> {
  file: string;
  /** Told of backups made without being asked (daily, before an upgrade). */
  info?: (message: string) => void;
  /** Called whenever a library is open and served: at start, or after a recovery. */
  onLibrary?: (library: Library) => void;
  /** Whether a daily backup is made when due (the apps); a one-off CLI command makes none. */
  dailyBackups?: boolean;
}

/**
 * The library as the apps serve it. Opening checks the file first; a damaged library is
 * left untouched and the session serves only its status and backups until one is
 * restored, then it serves the whole contract. Transports hold `dispatch`, which follows.
 */
export class LibrarySession {
  library: Library | null = null;
  readonly folder: string;
  private current: Dispatch;
  private stopBackups: (() => void) | null = null;
  private readonly options: SessionOptions;

  private constructor(options: SessionOptions) {
    this.options = options;
    this.folder = backupFolder(options.file);
    this.current = dispatcherOver({}, { refuse: () => new DatelineError('LIBRARY_DAMAGED', 'The library is not open.') });
  }

  /** Opens the library; only errors other than damage (a newer schema, no access) throw. */
  static async start(options: SessionOptions): Promise<LibrarySession> {
    const session = new LibrarySession(options);
    try {
      session.serve(await session.open());
    } catch (error) {
      if (!(error instanceof LibraryDamagedError)) throw error;
      options.log?.('the library failed its check on start', error);
      session.serveRecovery(error, await newestGoodBackup(session.folder));
    }
    return session;
  }

  readonly dispatch: Dispatch = (channel, input) => this.current(channel, input);

  get damaged(): boolean {
    return this.library === null;
  }

  close(): void {
    this.stopBackups?.();
    this.library?.close();
  }

  private open(compareWithBackup = true): Promise<Library> {
    return openCheckedLibrary(this.options.file, {
      backups: this.folder,
      compareWithBackup,
      onUpgradeBackup: (backup) => this.options.info?.(`backed up the library before upgrading it: ${backup.name}`),
    });
  }

  private serve(library: Library): void {
    this.library = library;
    this.current = createDispatcher({ ...this.options, library, backups: this.folder });
    this.stopBackups =
      this.options.dailyBackups === false
        ? null
        : scheduleDailyBackups({
            library,
            folder: this.folder,
            onMade: (backup) => this.options.info?.(`made the daily backup ${backup.name}`),
            onError: (error) => this.options.log?.('the daily backup failed', error),
          });
    this.options.onLibrary?.(library);
  }

  private serveRecovery(damage: LibraryDamagedError, suggested: BackupInfo | null): void {
    const shrunk = damage instanceof LibraryShrunkError;
    const status = { healthy: false, file: damage.file, problems: damage.problems, suggested, canOpenAsIs: shrunk };
    let restoring = false;
    const once = async <T>(work: () => Promise<T>): Promise<T> => {
      if (restoring) throw new DatelineError('CONFLICT', 'The library is being recovered already.');
      restoring = true;
      try {
        return await work();
      } finally {
        restoring = false;
      }
    };
    const handlers = {
      'library.status': () => status,
      'app.info': () => this.options.app,
      'settings.get': () => defaultSettings,
      'backups.list': async () => ({ folder: this.folder, keep: defaultSettings.backupsToKeep, backups: await listBackups(this.folder) }),
      'backups.restore': ({ name }: { name: string }) =>
        once(async () => {
          const { restored, damagedCopy } = await restoreOverDamaged(damage.file, this.folder, name);
          this.options.info?.(`restored ${name}; the damaged library was moved to ${damagedCopy}`);
          this.serve(await this.open());
          this.options.emit('library.restored', { name });
          return { restored, keptAside: null, damagedCopy };
        }),
      'library.recover': ({ action }: { action: 'open-as-is' | 'start-new' }) =>
        once(async () => {
          if (action === 'open-as-is' && !shrunk) {
            throw new DatelineError('CONFLICT', 'A damaged library cannot be opened as it is; restore a backup or start a new one.');
          }
          const movedAside = action === 'start-new' ? await moveDamagedAside(damage.file) : null;
          const library = await this.open(false);
          // The backup made now is what the next start compares with; the fuller one from
          // before is kept by the rotation for as long as it holds more.
          await backUpNow(library, this.folder);
          this.serve(library);
          this.options.info?.(movedAside ? `started a new library; the old one was moved to ${movedAside}` : 'opened the library as it is');
          this.options.emit('library.restored', { name: action });
          return { movedAside };
        }),
    };
    this.current = dispatcherOver(handlers, {
      log: this.options.log,
      refuse: (channel) =>
        channel in handlers
          ? null
          : new DatelineError('LIBRARY_DAMAGED', 'The library is damaged and was not opened; restore a backup first.'),
    });
  }
}
