import { defaultSettings } from '../common/settings.ts';
import { DatelineError, isDatelineError } from '../common/errors.ts';
import { keepInKeychain, unlockWithTyped } from '../library/library-keys.ts';
import type { BackupInfo } from '../common/backups.ts';
import { backupFolder, listBackups, moveDamagedAside, newestGoodBackup, restoreOverDamaged } from '../library/backups.ts';
import { backUpNow, scheduleDailyBackups } from '../library/backup-schedule.ts';
import { checkInWorker } from '../library/check.ts';
import type { Library } from '../library/library.ts';
import { LibraryDamagedError, LibraryShrunkError, openCheckedLibrary, openForReading } from '../library/startup.ts';
import { readingChannels, type ChannelName } from './contract.ts';
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
  /**
   * Serve reads at once while the quick check runs in the background, and hold every other
   * call until it has passed (the apps: a big library is usable in a moment, not seconds).
   */
  checkInBackground?: boolean;
  /**
   * How often a running app checks its library again (the apps: daily, since a laptop app
   * stays open for weeks and a disk can fail meanwhile); none for a one-off command.
   */
  checkEveryMs?: number;
}

/** A periodic check waits for this long a quiet spell (no call) before it reads the file. */
const CHECK_WHEN_QUIET_MS = 30_000;

/**
 * How long the window's first question ("is the library sound?") waits for a check under way:
 * long enough for a small library's whole check, so its window opens on the verdict; a big
 * one's answers "sound so far" and the window shows the list at once (damage found later
 * sends it to the recovery page, library.damaged). It held every window's first paint for a
 * whole second while a 100,000-article library was checked.
 */
const STATUS_WAITS_MS = 200;

/**
 * The library as the apps serve it. Opening checks the file first; a damaged library is
 * left untouched and the session serves only its status and backups until one is
 * restored, then it serves the whole contract. Transports hold `dispatch`, which follows.
 */
export class LibrarySession {
  library: Library | null = null;
  readonly folder: string;
  /** The quick check runs after a fast start; reads are served meanwhile. */
  private checking = false;
  private closed = false;
  private current: Dispatch;
  private stopBackups: (() => void) | null = null;
  private checkTimer: NodeJS.Timeout | null = null;
  private lastCallAt = 0;
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
      const early = options.checkInBackground ? await openForReading(options.file, { backups: session.folder }) : null;
      if (early) session.serveWhileChecking(early.reader, early.check);
      else session.serve(await session.open());
    } catch (error) {
      if (isDatelineError(error) && error.code === 'LIBRARY_LOCKED') {
        session.serveLocked(error.message);
        return session;
      }
      if (!(error instanceof LibraryDamagedError)) throw error;
      options.log?.('the library failed its check on start', error);
      session.serveRecovery(error, await newestGoodBackup(session.folder));
    }
    return session;
  }

  /**
   * An encrypted library started without its key: nothing is opened; the window asks for the
   * passphrase (or recovery key), a wrong one is refused with its reason and may be tried
   * again, and the right one opens the library as a start would.
   */
  private serveLocked(reason: string): void {
    const status = { healthy: false, locked: true, file: this.options.file, problems: [reason], suggested: null, canOpenAsIs: false };
    let unlocking = false;
    const handlers = {
      'library.status': () => status,
      'app.info': () => this.options.app,
      'settings.get': () => defaultSettings,
      'library.unlock': async ({ secret }: { secret: string }) => {
        if (unlocking) throw new DatelineError('CONFLICT', 'The library is being unlocked already.');
        unlocking = true;
        try {
          const key = unlockWithTyped(this.options.file, secret);
          if (this.options.keychain) keepInKeychain(this.options.file, key, this.options.keychain.wrap, this.options.log);
          try {
            this.serve(await this.open());
          } catch (error) {
            if (!(error instanceof LibraryDamagedError)) throw error;
            this.serveRecovery(error, await newestGoodBackup(this.folder));
          }
          return {};
        } finally {
          unlocking = false;
        }
      },
    };
    this.current = dispatcherOver(handlers, {
      log: this.options.log,
      refuse: (channel) =>
        channel in handlers ? null : new DatelineError('LIBRARY_LOCKED', 'The library is encrypted and locked; give its passphrase first.'),
    });
  }

  readonly dispatch: Dispatch = (channel, input) => {
    this.lastCallAt = Date.now();
    return this.current(channel, input);
  };

  get damaged(): boolean {
    return this.library === null && !this.checking;
  }

  close(): void {
    this.closed = true;
    if (this.checkTimer) clearTimeout(this.checkTimer);
    this.stopBackups?.();
    this.library?.close();
  }

  private open(compareWithBackup = true, quickCheck = true): Promise<Library> {
    return openCheckedLibrary(this.options.file, {
      backups: this.folder,
      compareWithBackup,
      quickCheck,
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
            onMade: (backup) => {
              this.options.info?.(`made the daily backup ${backup.name}`);
              this.options.emit('backups.made', { name: backup.name });
            },
            onError: (error) => this.options.log?.('the daily backup failed', error),
          });
    this.scheduleCheck(library);
    this.options.onLibrary?.(library);
  }

  /**
   * The quick check again, in a worker, once the app has been quiet for a while: damage that
   * a failing disk brings while the app runs is found then, not at the next start weeks on.
   * Found damaged, the library is closed unwritten, the recovery page is served and every
   * window is told; the daily backups stop, so none of the damage is backed up.
   */
  private scheduleCheck(library: Library, delay = this.options.checkEveryMs): void {
    if (this.checkTimer) clearTimeout(this.checkTimer);
    this.checkTimer = null;
    if (!delay || this.closed || library.file === ':memory:') return;
    this.checkTimer = setTimeout(() => void this.checkWhileRunning(library), delay);
    this.checkTimer.unref();
  }

  private async checkWhileRunning(library: Library): Promise<void> {
    if (this.closed || this.library !== library) return;
    const quietFor = Date.now() - this.lastCallAt;
    if (quietFor < CHECK_WHEN_QUIET_MS) return this.scheduleCheck(library, CHECK_WHEN_QUIET_MS - quietFor);
    let problems: string[];
    try {
      problems = await checkInWorker({ file: library.file });
    } catch (error) {
      this.options.log?.('the periodic library check could not run', error);
      return this.scheduleCheck(library);
    }
    if (this.closed || this.library !== library) return;
    if (!problems.length) return this.scheduleCheck(library);
    const damage = new LibraryDamagedError(library.file, problems);
    this.options.log?.('the library failed its periodic check', damage);
    this.stopBackups?.();
    this.stopBackups = null;
    this.library = null;
    // Closing copies what the write-ahead log holds (whole, committed pages) into the file:
    // the damaged copy moved aside on a restore is then as complete as it can be.
    library.close();
    this.serveRecovery(damage, await newestGoodBackup(this.folder));
    this.options.emit('library.damaged', {});
  }

  /**
   * Reads are answered from a read-only connection while the quick check runs; every other
   * call waits for it. Sound: the library opens for writing and those calls go on. Damaged:
   * nothing was written, the recovery page is served, and every window is told.
   */
  private serveWhileChecking(reader: Library, check: Promise<string[]>): void {
    const reading = createDispatcher({ ...this.options, library: reader, backups: this.folder, resumeDownloads: false });
    // Pictures and a backup can be read from it meanwhile.
    this.library = reader;
    this.checking = true;
    const settled = check
      .then(async (problems) => {
        if (this.closed) return;
        if (problems.length) throw new LibraryDamagedError(this.options.file, problems);
        // Checked just now, and compared with its backup before: open it for writing.
        this.serve(await this.open(false, false));
      })
      .catch(async (error: unknown) => {
        const damage = error instanceof LibraryDamagedError ? error : null;
        if (!damage) {
          this.options.log?.('the library check after start failed; checking on opening instead', error);
          this.serve(await this.open());
          return;
        }
        this.options.log?.('the library failed its check after start', damage);
        this.library = null;
        this.serveRecovery(damage, await newestGoodBackup(this.folder));
        this.options.emit('library.damaged', {});
      })
      .catch((error: unknown) => {
        this.options.log?.('the library could not be opened after its check', error);
        if (this.library === reader) this.library = null;
      })
      .finally(() => {
        this.checking = false;
        reader.close();
      });
    const waiting: Dispatch = async (channel, input) => {
      if (channel === 'library.status') await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, STATUS_WAITS_MS))]);
      if (this.current !== waiting) return this.current(channel, input);
      if (readingChannels.has(channel as ChannelName)) return reading(channel, input);
      await settled;
      if (this.current === waiting) {
        return {
          ok: false,
          error: { code: 'INTERNAL', message: 'The library could not be opened after its check; the details are in the log.' },
        };
      }
      return this.current(channel, input);
    };
    this.current = waiting;
  }

  private serveRecovery(damage: LibraryDamagedError, suggested: BackupInfo | null): void {
    const shrunk = damage instanceof LibraryShrunkError;
    const status = { healthy: false, locked: false, file: damage.file, problems: damage.problems, suggested, canOpenAsIs: shrunk };
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
