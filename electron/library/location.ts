import { homedir } from 'node:os';
import { join } from 'node:path';

/** The folder name Electron derives from package.json's productName. */
export const APP_FOLDER_NAME = 'Dateline';
export const LIBRARY_FILE_NAME = 'library.sqlite';

/**
 * The platform's per-user data folder for Dateline: the same folder Electron's
 * app.getPath('userData') gives, so the desktop app, browser mode and the CLI share one
 * library without any of them needing Electron.
 */
export function userDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_FOLDER_NAME);
}

/**
 * `--library FILE` wins, then DATELINE_LIBRARY, then the folder a managed-deployment policy
 * names, then the user-data folder.
 */
export function resolveLibraryPath(flag?: string, env: NodeJS.ProcessEnv = process.env, policyFolder?: string): string {
  return flag || env.DATELINE_LIBRARY || join(policyFolder || userDataDir(process.platform, env), LIBRARY_FILE_NAME);
}
