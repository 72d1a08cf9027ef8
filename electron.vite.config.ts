import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { channelNames, eventNames } from './electron/ipc/contract.ts';
import { WORKER_ENTRIES } from './electron/common/node/workers.ts';
import { META_CONTENT_SECURITY_POLICY } from './electron/web/static-files.ts';

/** The page's CSP comes from the same constant the server and the app protocol send. */
const contentSecurityPolicy = {
  name: 'dateline-content-security-policy',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY }, injectTo: 'head' as const },
  ],
};

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Each worker is its own file beside main.js, where `workerUrl` looks for it.
      lib: {
        entry: { main: 'electron/main.ts', ...WORKER_ENTRIES },
        formats: ['es'],
      },
    },
  },
  preload: {
    // The sandboxed preload may not require zod, so the contract's names are baked in here.
    define: {
      __DATELINE_CHANNELS__: JSON.stringify(channelNames),
      __DATELINE_EVENTS__: JSON.stringify(eventNames),
    },
    build: {
      outDir: 'out/preload',
      lib: { entry: 'electron/preload.ts', formats: ['cjs'] },
      rollupOptions: { output: { entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    plugins: [react(), contentSecurityPolicy],
    resolve: {
      // The spelling worker reads the dictionary package's files into its bundle (the package
      // itself exports only a Node loader).
      alias: { 'dictionary-en-files': fileURLToPath(new URL('./node_modules/dictionary-en', import.meta.url)) },
    },
    build: {
      outDir: 'out/renderer',
      emptyOutDir: true,
      rollupOptions: { input: 'renderer/index.html' },
    },
  },
});
