import { app, BrowserWindow, dialog, ipcMain, Menu, shell, type IpcMainInvokeEvent } from 'electron';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { channelNames, type EventName, type EventPayload, type MenuCommand } from './ipc/contract.ts';
import { checkEvent, type Dispatch } from './ipc/dispatcher.ts';
import { importAndAnnounce } from './ipc/handlers/imports.ts';
import { LibrarySession } from './ipc/session.ts';
import { ipcEventChannel, ipcInvokeChannel } from './ipc/wire.ts';
import type { Library } from './library/library.ts';
import { resolveLibraryPath, userDataDir } from './library/location.ts';
import { copyLibrary } from './library/backups.ts';
import { getSettings } from './library/settings-store.ts';
import { CAPTURE_DEFAULT_PORT } from './common/capture-wire.ts';
import { capturePortFrom, openCaptureEndpoint, type CaptureEndpoint } from './web/capture-server.ts';
import { DAY_MS } from './library/backup-schedule.ts';
import { defaultSettings } from './common/settings.ts';
import { describeApp } from './policy/app-info.ts';
import { loadPolicy, updatesEnabled, type LoadedPolicy } from './policy/policy.ts';
import { createLogger, type Logger } from './shell/log.ts';
import { bindMenu, menuTemplate, type MenuAction } from './shell/menu.ts';
import { filesToOpen } from './shell/open-files.ts';
import { APP_ORIGIN } from './shell/urls.ts';
import { registerSchemes, serveProtocols } from './desktop/protocols.ts';
import { startUpdates, type Updates } from './desktop/updates.ts';
import { createMainWindow } from './desktop/window.ts';
import { keychainWrapper, unlockWithKeychain } from './desktop/keychain.ts';
import { keepYoungGenerationSmall } from './common/node/young-generation.ts';

/**
 * The desktop shell: one instance, one window, the contract over Electron IPC, a menu, and
 * the few things only a desktop app does (dialogs, "Open with", updates). Everything else is
 * the plain TypeScript that browser mode and the CLI share.
 */

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = join(here, '../renderer');
const preload = join(here, '../preload/preload.cjs');
const dataDir = userDataDir();

keepYoungGenerationSmall();
app.setPath('userData', dataDir);
app.enableSandbox();
registerSchemes();

const pendingFiles: string[] = [];
let mainWindow: BrowserWindow | null = null;
let openPaths: ((paths: string[]) => void) | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  pendingFiles.push(...filesToOpen(process.argv, process.cwd()));
  app.on('second-instance', (_event, argv, cwd) => {
    focusWindow();
    const files = filesToOpen(argv, cwd);
    if (openPaths) openPaths(files);
    else pendingFiles.push(...files);
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (openPaths) openPaths([path]);
    else pendingFiles.push(path);
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => console.error(error));
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  const log = createLogger(join(dataDir, 'logs'));
  log.info(`Dateline ${app.getVersion()} starting`);
  const loaded = app.isPackaged ? loadPolicy() : loadPolicy(process.env.DATELINE_POLICY_FILE || undefined);
  if (loaded.problem) log.warn(loaded.problem);
  const libraryPath = resolveLibraryPath(undefined, process.env, loaded.policy.libraryFolder);

  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    const checked = checkEvent(event, payload);
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(ipcEventChannel(event), checked);
    if (event === 'settings.changed' || event === 'library.restored') buildMenu();
  };
  let windowLoaded = false;
  const openWindow = () => {
    mainWindow = createMainWindow({ preload, statePath: join(dataDir, 'window-state.json'), log });
    mainWindow.on('closed', () => (mainWindow = null));
    mainWindow.webContents.once('did-finish-load', () => {
      windowLoaded = true;
      openPaths?.(pendingFiles.splice(0));
    });
  };

  // Still locked (no keychain entry yet, or it failed): the window asks for the passphrase.
  const locked = await unlockWithKeychain(libraryPath, (message, error) => log.error(message, error));
  if (locked) log.info(`the library is locked: ${locked}`);
  let session: LibrarySession | null = null;
  let capture: CaptureEndpoint | undefined;
  const starting = LibrarySession.start({
    file: libraryPath,
    checkInBackground: true,
    checkEveryMs: DAY_MS,
    emit,
    app: describeApp({ mode: 'desktop', version: app.getVersion(), libraryPath, loaded, isPackaged: app.isPackaged }),
    printToPdf,
    keychain: keychainWrapper(),
    log: (message, error) => log.error(message, error),
    info: (message) => log.info(message),
    captureListener: () => ({ port: capture?.port ?? null, problem: capture ? capture.problem : 'Starting…' }),
    // Files opened while a damaged library waited for its backup are imported now.
    onLibrary: () => openPaths?.(pendingFiles.splice(0)),
  });
  // The window opens at once and reads the library while its quick check (the whole file:
  // seconds for a big library, in a worker thread) runs; what it writes waits for the check.
  const dispatch: Dispatch = async (channel, input) => (await starting).dispatch(channel, input);
  registerChannels(dispatch, log);
  // The browser extension's saves come in on loopback, through the same dispatcher.
  void openCaptureEndpoint(dispatch, capturePortFrom(process.env, CAPTURE_DEFAULT_PORT)).then((endpoint) => {
    capture = endpoint;
    if (endpoint.problem) log.warn(endpoint.problem);
    app.once('will-quit', () => void endpoint.close());
  });
  serveProtocols(rendererDir, () => session?.library ?? null);
  openWindow();
  try {
    session = await starting;
  } catch (error) {
    log.error('could not open the library', error);
    dialog.showErrorBox('Dateline cannot open its library', `${libraryPath}\n\n${(error as Error).message}`);
    app.exit(1);
    return;
  }
  const ready = session;

  let updates: Updates | null = null;
  if (updatesEnabled(loaded.policy, app.isPackaged)) {
    updates = startUpdates({ feedUrl: loaded.policy.updates?.url ?? null, window: () => mainWindow, log });
  }

  openPaths = (paths) => {
    const library = ready.library;
    if (!library) {
      pendingFiles.push(...paths);
      return;
    }
    if (paths.length === 0) return;
    void importAndAnnounce(
      { library, emit },
      paths.map((path) => ({ path, read: () => readFile(path) })),
    ).catch((error: unknown) => log.error('import of opened files failed', error));
  };
  if (windowLoaded) openPaths(pendingFiles.splice(0));

  const actions = menuActionHandlers({ session: ready, libraryPath, log, dispatch, updates, loaded });
  function buildMenu(): void {
    const template = menuTemplate({
      platform: process.platform,
      theme: ready.library ? getSettings(ready.library).theme : defaultSettings.theme,
      updatesAvailable: updates !== null,
      isPackaged: app.isPackaged,
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(bindMenu(template, (action) => void actions(action))));
  }
  buildMenu();

  app.on('activate', () => {
    if (!mainWindow) openWindow();
  });
  app.on('will-quit', () => {
    log.info('quitting');
    ready.close();
  });
}

/**
 * Prints a standalone export page with Chromium, in a hidden window that runs no script and
 * can reach nothing (every image is already embedded as data).
 */
async function printToPdf(html: string): Promise<Uint8Array> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, disableBlinkFeatures: 'Auxclick' },
  });
  try {
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`);
    return new Uint8Array(await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' }));
  } finally {
    window.destroy();
  }
}

/** Only the app's own top-level page may call the contract: not iframes, not other origins. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && frame.url.startsWith(`${APP_ORIGIN}/`);
}

function registerChannels(dispatch: Dispatch, log: Logger): void {
  for (const channel of channelNames) {
    ipcMain.handle(ipcInvokeChannel(channel), (event, input: unknown) => {
      if (!isTrustedSender(event)) {
        log.warn(`refused a call to ${channel} from ${event.senderFrame?.url ?? 'a closed frame'}`);
        return { ok: false, error: { code: 'INVALID_INPUT', message: 'Calls are accepted only from the Dateline window.' } };
      }
      return dispatch(channel, input);
    });
  }
}

interface ActionContext {
  session: LibrarySession;
  libraryPath: string;
  log: Logger;
  dispatch: Dispatch;
  updates: Updates | null;
  loaded: LoadedPolicy;
}

const windowCommands: Partial<Record<MenuAction, MenuCommand>> = {
  'new-draft': 'new-draft',
  import: 'import',
  export: 'export',
  'focus-search': 'focus-search',
  'toggle-focus-mode': 'toggle-focus-mode',
  'open-settings': 'open-settings',
  'restore-backup': 'open-backups',
};

function menuActionHandlers({ session, libraryPath, log, dispatch, updates }: ActionContext) {
  return async (action: MenuAction): Promise<void> => {
    const command = windowCommands[action];
    if (command) {
      focusWindow();
      mainWindow?.webContents.send(ipcEventChannel('menu.command'), checkEvent('menu.command', { command }));
      return;
    }
    if (action.startsWith('theme:')) {
      await dispatch('settings.set', { theme: action.slice('theme:'.length) });
      return;
    }
    switch (action) {
      case 'backup':
        return session.library ? backUpTo(session.library, log) : undefined;
      case 'backup-now':
        return backUpNow(dispatch, log);
      case 'open-library-folder':
        void shell.openPath(dirname(libraryPath));
        return;
      case 'open-logs':
        void shell.openPath(join(dataDir, 'logs'));
        return;
      case 'check-updates':
        await updates?.checkNow();
        return;
    }
  };
}

/** "Back Up Now": into the Backups folder, with its rotation, as the window's button does. */
async function backUpNow(dispatch: Dispatch, log: Logger): Promise<void> {
  const result = await dispatch('backups.create', {});
  if (result.ok) {
    const { name } = result.value as { name: string };
    await dialog.showMessageBox({ type: 'info', message: 'The library is backed up.', detail: name });
  } else {
    log.error('backup failed', result.error.message);
    dialog.showErrorBox('The backup failed', `Nothing was changed in your library.\n\n${result.error.message}`);
  }
}

/** "Back Up To…": a copy anywhere the person chooses, such as an external disk. */
async function backUpTo(library: Library, log: Logger): Promise<void> {
  const stamp = new Date().toISOString().slice(0, 10);
  const options = {
    title: 'Back Up Library To',
    defaultPath: join(app.getPath('documents'), `Dateline library ${stamp}.sqlite`),
    filters: [{ name: 'Dateline library', extensions: ['sqlite'] }],
  };
  const choice = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return;
  try {
    await copyLibrary(library.db, choice.filePath);
    await dialog.showMessageBox({ type: 'info', message: 'The library is backed up.', detail: choice.filePath });
  } catch (error) {
    log.error('backup failed', error);
    dialog.showErrorBox('The backup failed', `Nothing was changed in your library.\n\n${(error as Error).message}`);
  }
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
