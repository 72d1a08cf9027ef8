/**
 * A worker's script: the TypeScript module beside the caller when running from source (Node
 * strips the types), or the bundle's own built file when built (see electron.vite.config.ts,
 * which emits each worker as its own entry next to main.js).
 */
export function workerFile(callerUrl: string, sourceName: string, builtName: string): URL {
  return new URL(callerUrl.endsWith('.ts') ? sourceName : builtName, callerUrl);
}
