import { app, dialog, type BrowserWindow } from 'electron';
import electronUpdater, { type UpdateInfo } from 'electron-updater';
import yaml from 'js-yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDownloaded, fetchSignedManifest, type SignedManifest } from '../release/signed-feed.ts';
import { UPDATE_PUBLIC_KEY } from '../release/update-key.ts';
import type { Logger } from '../shell/log.ts';

const { autoUpdater } = electronUpdater;
const CHECK_EVERY_MS = 6 * 60 * 60 * 1000;

export interface Updates {
  /** A check a person asked for: they hear the outcome either way. */
  checkNow(): Promise<void>;
}

/** The feed the installer was built with (electron-builder's app-update.yml), when there is one. */
function builtInFeedUrl(): string | null {
  try {
    const config = yaml.load(readFileSync(join(process.resourcesPath, 'app-update.yml'), 'utf8')) as { url?: unknown } | null;
    return typeof config?.url === 'string' ? config.url : null;
  } catch {
    return null;
  }
}

/** Whether what electron-updater found is exactly what the signed manifest names. */
function matchesSigned(info: UpdateInfo, manifest: SignedManifest): boolean {
  return info.version === manifest.version && info.files.length > 0 && info.files.every((file) => manifest.sha512.includes(file.sha512));
}

/**
 * electron-updater on the generic provider, so a newsroom can host updates itself. Before any
 * update is used, the feed's manifest must carry an Ed25519 signature from the key built into
 * the app (release/signed-feed.ts): electron-updater is told to download only an update the
 * signed manifest names, and the downloaded file must hash to what it says. Windows also
 * checks the publisher's signature, macOS the code signature. Nothing is installed until the
 * person agrees to restart; a failure leaves the running app as it was.
 */
export function startUpdates(options: { feedUrl: string | null; window: () => BrowserWindow | null; log: Logger }): Updates {
  const { log, window } = options;
  if (options.feedUrl) autoUpdater.setFeedURL({ provider: 'generic', url: options.feedUrl });
  const feedUrl = options.feedUrl ?? builtInFeedUrl();
  let signed: SignedManifest | null = null;
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.logger = {
    info: (m: unknown) => log.info(`updates: ${String(m)}`),
    warn: (m: unknown) => log.warn(`updates: ${String(m)}`),
    error: (m: unknown) => log.error(`updates: ${String(m)}`),
    debug: () => {},
  };

  let asked = false;
  const fail = (error: Error) => {
    log.error('update refused', error);
    if (asked) {
      asked = false;
      dialog.showErrorBox('Dateline could not update', `${error.message}\n\nNothing was changed and Dateline keeps working as it is.`);
    }
  };
  autoUpdater.on('update-available', (info) => {
    if (!signed || !matchesSigned(info, signed))
      return fail(new Error('No update was used: the update offered is not the one the signed manifest names.'));
    void autoUpdater.downloadUpdate().catch((error: Error) => fail(error));
  });
  autoUpdater.on('update-downloaded', async (info) => {
    try {
      if (!signed) throw new Error('No update was used: the signed manifest was not read.');
      await checkDownloaded(info.downloadedFile, signed);
    } catch (error) {
      return fail(error as Error);
    }
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

  /** The signed manifest first; electron-updater only looks once it has been verified. */
  const checkSigned = async () => {
    if (!feedUrl) throw new Error('No update was used: this build has no update feed.');
    signed = await fetchSignedManifest(feedUrl, UPDATE_PUBLIC_KEY);
    if (signed.version === app.getVersion()) return null;
    return autoUpdater.checkForUpdates();
  };
  const check = () => checkSigned().catch((error: unknown) => log.warn('update check failed', error));
  void check();
  setInterval(check, CHECK_EVERY_MS).unref();

  return {
    async checkNow() {
      asked = true;
      const result = await checkSigned().catch((error: Error) => (fail(error), undefined));
      if (result === undefined) return;
      if (result === null) {
        asked = false;
        await dialog.showMessageBox({ type: 'info', message: 'Dateline is up to date.', detail: `You have version ${app.getVersion()}.` });
        return;
      }
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
