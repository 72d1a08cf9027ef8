import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/**
 * Builds the "Save to Dateline" extension into out/extension, loadable unpacked in Chromium
 * browsers and Firefox. Each script is one classic file (Firefox runs the background as an
 * event page, which takes no modules); the manifest and the popup's page are copied as they
 * are, with the app's icon.
 */
const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../out/extension/', import.meta.url));

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
for (const entry of ['background', 'popup']) {
  await build({
    configFile: false,
    logLevel: 'warn',
    root,
    build: {
      outDir,
      emptyOutDir: false,
      minify: false,
      target: 'es2022',
      lib: { entry: `${root}src/${entry}.ts`, formats: ['iife'], name: `dateline_${entry}`, fileName: () => `${entry}.js` },
    },
  });
}
for (const file of ['manifest.json', 'popup.html', 'popup.css']) copyFileSync(`${root}${file}`, `${outDir}${file}`);
copyFileSync(fileURLToPath(new URL('../resources/icon.png', import.meta.url)), `${outDir}icon.png`);
// The extension's version follows the app's, so a bug report names both at once.
const manifest = JSON.parse(readFileSync(`${outDir}manifest.json`, 'utf8')) as { version: string };
const app = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { version: string };
if (manifest.version !== app.version)
  throw new Error(`extension/manifest.json is version ${manifest.version}, the app ${app.version}: make them one.`);
