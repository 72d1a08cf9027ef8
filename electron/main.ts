import { app, BrowserWindow, ipcMain, Menu, shell, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { channelNames, type EventName, type EventPayload } from './ipc/contract.ts';
import { checkEvent, createDispatcher } from './ipc/handlers.ts';
import { ipcEventChannel, ipcInvokeChannel } from './ipc/wire.ts';
import { Library } from './library/library.ts';
import { resolveLibraryPath, userDataDir } from './library/location.ts';

/**
 * The desktop shell: one window, the contract over Electron IPC, nothing more. Everything
 * it calls is plain TypeScript shared with browser mode and the CLI.
 */

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererIndex = join(here, '../renderer/index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;
const windows = new Set<BrowserWindow>();

app.setPath('userData', userDataDir());
app.enableSandbox();

function emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
  const checked = checkEvent(event, payload);
  for (const window of windows) window.webContents.send(ipcEventChannel(event), checked);
}

/** Only our own top-level page may call the contract: not iframes, not other origins. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && frame.url.split('#')[0] === rendererUrl;
}

function registerChannels(library: Library): void {
  const dispatch = createDispatcher({
    library,
    emit,
    log: (message, error) => console.error(`[dateline] ${message}:`, error),
  });
  for (const channel of channelNames) {
    ipcMain.handle(ipcInvokeChannel(channel), (event, input: unknown) => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'INVALID_INPUT', message: 'Calls are accepted only from the Dateline window.' } };
      }
      return dispatch(channel, input);
    });
  }
}

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (/^(https?:|mailto:)/i.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}

function openWindow(): void {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    title: 'Dateline',
    show: false,
    webPreferences: {
      preload: join(here, '../preload/preload.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  windows.add(window);
  window.on('closed', () => windows.delete(window));
  window.once('ready-to-show', () => window.show());
  lockDown(window.webContents);
  void window.loadFile(rendererIndex);
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.whenReady().then(() => {
  const libraryPath = resolveLibraryPath(process.env.DATELINE_LIBRARY);
  let library: Library;
  try {
    library = Library.open(libraryPath);
  } catch (error) {
    console.error(`Cannot open the library ${libraryPath}: ${(error as Error).message}`);
    app.exit(1);
    return;
  }
  registerChannels(library);
  Menu.setApplicationMenu(Menu.buildFromTemplate([{ role: 'fileMenu' }, { role: 'editMenu' }, { role: 'viewMenu' }, { role: 'windowMenu' }]));
  openWindow();
  app.on('activate', () => {
    if (windows.size === 0) openWindow();
  });
  app.on('will-quit', () => library.close());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
