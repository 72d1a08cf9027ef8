import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The installed Electron binary, found without require('electron') (that would try to download it). */
export function findElectronBinary(): string | null {
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export function electronInstallScript(): string | null {
  try {
    const script = join(dirname(require.resolve('electron/package.json')), 'install.js');
    return existsSync(script) ? script : null;
  } catch {
    return null;
  }
}
