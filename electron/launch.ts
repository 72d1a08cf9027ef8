import { spawn, spawnSync } from 'node:child_process';
import { electronInstallScript, findElectronBinary } from './shell/electron-binary.ts';

/**
 * `npm start`: builds the app and opens it in Electron. Electron's binary is fetched on
 * first use, which cannot happen offline; in that case this says so plainly and points to
 * browser mode instead of failing with a download error.
 */

const electron = findElectronBinary() ?? downloadElectron();
if (!electron) {
  console.error(
    'The Electron binary is not installed on this machine (it is downloaded on first use, which needs a network connection), so the desktop app cannot open here; run `npm run web` to use Dateline in your browser instead.',
  );
  process.exit(1);
}
const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const child = spawn(electron, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));

/** Electron's own installer fetches the binary when there is a network; offline it fails fast. */
function downloadElectron(): string | null {
  const script = electronInstallScript();
  if (!script) return null;
  console.log('Fetching the Electron binary (first start only)…');
  spawnSync(process.execPath, [script], { stdio: 'ignore', timeout: 300_000 });
  return findElectronBinary();
}
