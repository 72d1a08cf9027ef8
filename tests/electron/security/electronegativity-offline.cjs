// Loaded with `node --require` before Electronegativity, for two reasons:
//
// 1. It loads typescript-estree, which requires `typescript` from wherever npm hoisted it: in
//    this project the TypeScript 5.9 that the linters use (TypeScript 7, which has no
//    JavaScript API, type-checks as `typescript-7`). Those requests go to the TypeScript that
//    Electronegativity itself depends on, so its parser sees the version it was built for. Only built JavaScript is
//    scanned, so it never parses TypeScript with it.
// 2. It downloads translations and Electron's release list with `got`; offline, got's retry
//    crashes under Node 24. The scan must not depend on the network, so every such request
//    fails at once, which Electronegativity already handles.
const Module = require('node:module');
const path = require('node:path');

const electronegativityDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const ownTypescript = require.resolve('typescript', { paths: [electronegativityDir] });
const offline = () => Promise.reject(new Error('offline: Electronegativity runs without the network here'));
const offlineGot = Object.assign(offline, { head: offline, get: offline });
const resolveFilename = Module._resolveFilename;
const load = Module._load;

Module._resolveFilename = function (request, parent, ...rest) {
  if (request === 'typescript' && parent && parent.filename.includes(`${path.sep}@typescript-eslint${path.sep}`)) {
    return ownTypescript;
  }
  return resolveFilename.call(this, request, parent, ...rest);
};

Module._load = function (request, parent, ...rest) {
  if (request === 'got' && parent && parent.filename.startsWith(electronegativityDir)) return offlineGot;
  return load.call(this, request, parent, ...rest);
};
