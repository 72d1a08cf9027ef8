import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

/**
 * The files a launch asks Dateline to open ("Open with Dateline", or paths passed to a
 * second instance): every argument after the executable that names an existing file.
 * Flags, the app's own folder in development, and Chromium's switches are not files.
 */
export function filesToOpen(argv: readonly string[], cwd: string): string[] {
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && arg !== '.')
    .map((arg) => (isAbsolute(arg) ? arg : resolve(cwd, arg)))
    .filter((path) => {
      try {
        return statSync(path).isFile();
      } catch {
        return false;
      }
    });
}
