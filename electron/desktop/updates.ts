import { dialog, type BrowserWindow } from 'electron';
import electronUpdater from 'electron-updater';
import type { Logger } from '../shell/log.ts';

const { autoUpdater } = electronUpdater;
const CHECK_EVERY_MS = 6 * 60 * 60 * 1000;

export interface Updates {
  /** A check a person asked for: they hear the outcome either way. */
  checkNow(): Promise<void>;
}

/**
 * electron-updater on the generic provider, so a newsroom can host updates itself. Each
 * download is checked against the sha512 in the feed (and, on Windows, the publisher's
 * signature; on macOS, the code signature) before it is used. Nothing is installed until
 * the person agrees to restart; a failure leaves the running app as it was.
 */
export function startUpdates(options: { feedUrl: string | null; window: () => BrowserWindow | null; log: Logger }): Updates {
  const { log, window } = options;
  if (options.feedUrl) autoUpdater.setFeedURL({ provider: 'generic', url: options.feedUrl });
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.logger = {
    info: (m: unknown) => log.info(`updates: ${String(m)}`),
    warn: (m: unknown) => log.warn(`updates: ${String(m)}`),
    error: (m: unknown) => log.error(`updates: ${String(m)}`),
    debug: () => {},
  };

  let asked = false;
  autoUpdater.on('update-downloaded', async (info) => {
    const parent = window();
    const options = {
      type: 'info' as const,
      buttons: ['Restart Now', 'Later'],
      defaultId: 0,
      cancelId: 1,
      message: `Dateline ${info.version} is ready to install.`,
      detail: 'Restart to finish updating. Your drafts are saved; nothing is lost by restarting.',
    };
    const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
    if (response === 0) autoUpdater.quitAndInstall();
  });
  autoUpdater.on('error', (error) => {
    log.error('update failed', error);
    if (asked) {
      asked = false;
      dialog.showErrorBox(
        'Dateline could not update',
        `The update could not be downloaded or verified, so nothing was changed and Dateline keeps working as it is.\n\n${error.message}`,
      );
    }
  });

  const check = () => autoUpdater.checkForUpdates().catch((error: unknown) => log.warn('update check failed', error));
  void check();
  setInterval(check, CHECK_EVERY_MS).unref();

  return {
    async checkNow() {
      asked = true;
      const result = await autoUpdater.checkForUpdates().catch(() => null);
      if (result && !result.isUpdateAvailable) {
        asked = false;
        await dialog.showMessageBox({
          type: 'info',
          message: 'Dateline is up to date.',
          detail: `You have version ${result.updateInfo.version}.`,
        });
      }
    },
  };
}
