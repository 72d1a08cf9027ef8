// The layers of ARCHITECTURE.md, held as rules: `npm run lint` fails when an import crosses
// one. Each rule also has a deliberate violation under tests/guards/fixtures/layering/, and
// tests/guards/layering.test.ts checks that every rule fires on it, so a rule that stopped
// matching anything would fail too.
//
// Paths may start with the fixture tree's folder, so one rule covers both trees.
const ROOT = '^(?:tests/guards/fixtures/layering/)?';

/** Folders that run under plain Node and must never reach the Electron shell. */
const NODE_SIDE = `${ROOT}electron/(common|library|import|export|ipc|policy|web|desk|desk-client)/`;
/** What only the desktop shell may touch. */
const ELECTRON_SHELL = `(^|/)node_modules/electron/|${ROOT}electron/(desktop/|main\\.ts$|preload\\.ts$)`;
/** The part of common/ that needs Node or a server-side DOM; the renderer never sees it. */
const COMMON_NODE = `${ROOT}electron/common/node/`;
/** The part of common/ the renderer may use: its own files and the editor's node definitions. */
const COMMON_BROWSER = `${ROOT}electron/common/(editor-nodes/)?[^/]+\\.ts$`;
/** The renderer's feature folders; `app/` composes them and `ui/` serves them all. */
const FEATURES = '(library|reader|editor|settings|desk)';
/** Packages that need Node or stand in for a browser's DOM on the server. */
const NODE_ONLY_PACKAGES =
  '(^|/)node_modules/(linkedom|jsdom|better-sqlite3-multiple-ciphers|electron-updater|mammoth|docx|fflate|csv-parse|@mozilla/readability|turndown|image-size)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'node-side-no-electron',
      comment: 'The library, importers, exporters, contract, policy and web server run under plain Node: only the shell imports Electron.',
      severity: 'error',
      from: { path: NODE_SIDE },
      to: { path: ELECTRON_SHELL },
    },
    {
      name: 'library-knows-no-features',
      comment: 'The library is the bottom layer: it imports no importer, exporter, IPC or transport.',
      severity: 'error',
      from: { path: `${ROOT}electron/library/` },
      to: { path: `${ROOT}electron/(import|export|ipc|web)/` },
    },
    {
      name: 'renderer-only-browser-safe',
      comment: 'The renderer imports only itself, the browser-safe part of electron/common, the contract (types only) and the wire names.',
      severity: 'error',
      from: { path: `${ROOT}renderer/` },
      to: { path: `${ROOT}electron/`, pathNot: `${COMMON_BROWSER}|${ROOT}electron/ipc/(contract|wire)\\.ts$` },
    },
    {
      name: 'renderer-contract-types-only',
      comment: 'The contract carries zod schemas the renderer must not bundle: it takes the types only.',
      severity: 'error',
      from: { path: `${ROOT}renderer/` },
      to: { path: `${ROOT}electron/ipc/contract\\.ts$`, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'renderer-features-apart',
      comment: 'A feature folder of the renderer imports no other feature, nor the app around it: what they share lives in ui/.',
      severity: 'error',
      from: { path: `${ROOT}renderer/src/${FEATURES}/` },
      to: { path: `${ROOT}renderer/src/(app|${FEATURES.slice(1, -1)})/`, pathNot: `${ROOT}renderer/src/$1/` },
    },
    {
      name: 'renderer-ui-serves-all',
      comment: 'ui/ holds the pieces every feature shares: it imports no feature and not the app.',
      severity: 'error',
      from: { path: `${ROOT}renderer/src/ui/` },
      to: { path: `${ROOT}renderer/src/(app|${FEATURES.slice(1, -1)})/` },
    },
    {
      name: 'window-chunk-loads-no-zod',
      comment:
        "The window's first chunk loads no schema library (the contract checks inputs on the other side): outside the lazily loaded editor, the renderer takes lists and bounds from common/choices.ts and only types from the schema modules.",
      severity: 'error',
      from: {
        path: `${ROOT}renderer/src/(app|library|reader|settings|ui|client)/|${ROOT}renderer/src/main\\.tsx$`,
        pathNot: `${ROOT}renderer/src/client/zod-jitless\\.ts$`,
      },
      to: {
        path: `(^|/)node_modules/zod/|${ROOT}electron/common/(model|settings|feeds|backups|capture|editor-state)\\.ts$|${ROOT}electron/common/editor-nodes/`,
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'renderer-no-node',
      comment: 'The renderer runs in a browser: no Node built-ins and no Node-only packages.',
      severity: 'error',
      from: { path: `${ROOT}renderer/` },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-no-node-packages',
      comment: 'The renderer runs in a browser: no package that needs Node or a server-side DOM.',
      severity: 'error',
      from: { path: `${ROOT}renderer/` },
      to: { path: NODE_ONLY_PACKAGES },
    },
    {
      name: 'common-browser-part-stays-browser-safe',
      comment: 'electron/common/ outside node/ is what the renderer may use: it needs no Node, no server-side DOM.',
      severity: 'error',
      from: { path: COMMON_BROWSER },
      to: { path: `${COMMON_NODE}|${NODE_ONLY_PACKAGES}` },
    },
    {
      name: 'common-browser-part-no-node-builtins',
      comment: 'electron/common/ outside node/ is what the renderer may use: no Node built-ins.',
      severity: 'error',
      from: { path: COMMON_BROWSER },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'desk-stands-apart',
      comment: 'The desk is a server of its own: it knows nothing of a laptop library, its importers, the contract or the app server.',
      severity: 'error',
      from: { path: `${ROOT}electron/desk/` },
      to: { path: `${ROOT}electron/(library|import|export|ipc|web)/` },
    },
    {
      name: 'extension-stands-alone',
      comment: 'The browser extension ships on its own: of the app it takes only the capture wire (and, as types, its shapes).',
      severity: 'error',
      from: { path: `${ROOT}extension/` },
      to: { path: `${ROOT}electron/`, pathNot: `${ROOT}electron/common/capture(-wire)?\\.ts$` },
    },
    {
      name: 'extension-capture-types-only',
      comment: 'The capture shapes are zod schemas the extension must not bundle: it takes the types only.',
      severity: 'error',
      from: { path: `${ROOT}extension/` },
      to: { path: `${ROOT}electron/common/capture\\.ts$`, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'extension-no-packages',
      comment: 'The extension runs in a browser with nothing installed beside it: no packages, no Node built-ins.',
      severity: 'error',
      from: { path: `${ROOT}extension/src/` },
      to: { dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'no-cycles',
      comment: 'Imports form no circle; the one exception is a Lexical node and its own React view, which name each other.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { pathNot: `${ROOT}renderer/src/editor/nodes/` } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(out|dist|release|test-results)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.cjs', '.mjs', '.json'] },
  },
};
