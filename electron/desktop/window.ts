import { BrowserWindow, Menu, screen, shell, type MenuItemConstructorOptions, type WebContents } from 'electron';
import { placeWindow, readWindowState, writeWindowState } from '../shell/window-state.ts';
import { outgoingLink } from '../common/links.ts';
import { APP_ENTRY, APP_ORIGIN } from '../shell/urls.ts';
import type { Logger } from '../shell/log.ts';

export interface WindowOptions {
  preload: string;
  statePath: string;
  log: Logger;
}

/** The one main window, hardened item by item from Electron's security checklist. */
export function createMainWindow({ preload, statePath, log }: WindowOptions): BrowserWindow {
  const placement = placeWindow(
    readWindowState(statePath),
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    x: placement.x,
    y: placement.y,
    width: placement.width,
    height: placement.height,
    minWidth: 720,
    minHeight: 480,
    title: 'Dateline',
    show: false,
    backgroundColor: '#fbfaf7',
    webPreferences: {
      preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      // Middle-click would otherwise try to open links in new windows.
      disableBlinkFeatures: 'Auxclick',
      // Chromium's spell checker downloads its dictionaries on Linux; the editor checks spelling
      // itself, with a dictionary packaged in the app (renderer/src/editor/spelling/).
      spellcheck: false,
    },
  });
  if (placement.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    try {
      writeWindowState(statePath, { ...window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      log.warn('could not remember the window position', error);
    }
  });
  lockDown(window.webContents, log);
  offerEditActions(window.webContents);
  void window.loadURL(APP_ENTRY);
  return window;
}

/**
 * The right-click menu: the edit actions. Spelling has its own menu in the editor, from the
 * app's packaged dictionary.
 */
function offerEditActions(contents: WebContents): void {
  contents.on('context-menu', (_event, params) => {
    const items: MenuItemConstructorOptions[] = [];
    if (params.isEditable)
      items.push({ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'pasteAndMatchStyle' }, { role: 'selectAll' });
    else if (params.selectionText) items.push({ role: 'copy' });
    if (items.length) Menu.buildFromTemplate(items).popup();
  });
}

/** No navigation, no new windows, no permissions: links go to the system browser. */
function lockDown(contents: WebContents, log: Logger): void {
  const openOutside = (url: string) => {
    const outgoing = outgoingLink(url);
    if (outgoing) void shell.openExternal(outgoing);
    else log.warn(`refused to open a link with the scheme ${url.split(':')[0]}`);
  };
  contents.on('will-navigate', (event, url) => {
    if (url.startsWith(`${APP_ORIGIN}/`)) return;
    event.preventDefault();
    openOutside(url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}
