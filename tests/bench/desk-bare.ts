import { Server } from '@hocuspocus/server';

/**
 * The desk bench's baseline: a bare Hocuspocus server (no store, no tokens, no checks) on the
 * port given, so the desk's own cost shows beside the engine's.
 */
const port = Number(process.argv[2]);
const server = new Server({ port, address: '127.0.0.1', quiet: true, stopOnSignals: true });
await server.listen();
console.log(`The bare Hocuspocus server is running at ws://127.0.0.1:${port}`);
