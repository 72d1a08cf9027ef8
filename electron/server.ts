import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { EventName, EventPayload } from './ipc/contract.ts';
import type { Dispatch } from './ipc/dispatcher.ts';
import { LibrarySession } from './ipc/session.ts';
import { unlockAtStart } from './library/library-keys.ts';
import { DAY_MS } from './library/backup-schedule.ts';
import { isDatelineError } from './common/errors.ts';
import { resolveLibraryPath } from './library/location.ts';
import { askHidden } from './common/node/terminal.ts';
import { keepYoungGenerationSmall } from './common/node/young-generation.ts';
import { describeApp, loadDevelopmentPolicy, packageVersion } from './policy/app-info.ts';
import { startWebServer, type WebServer } from './web/http-server.ts';
import { CAPTURE_DEFAULT_PORT } from './common/capture-wire.ts';
import { capturePortFrom, openCaptureEndpoint, type CaptureEndpoint } from './web/capture-server.ts';

const USAGE = `Usage: npm run web -- [--port N] [--library FILE] [--open]

Serves Dateline to your browser from this machine only (127.0.0.1).
  --port N        listen on port N (default: a free port)
  --library FILE  use this library file (default: DATELINE_LIBRARY or your user-data folder)
  --open          open the system browser at the address`;

const STATIC_DIR = fileURLToPath(new URL('../out/renderer', import.meta.url));

async function main(): Promise<void> {
  keepYoungGenerationSmall();
  let args;
  try {
    args = parseArgs({
      options: {
        port: { type: 'string' },
        library: { type: 'string' },
        open: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const port = args.port === undefined ? 0 : Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535.\n${USAGE}`, 2);
  if (!existsSync(`${STATIC_DIR}/index.html`)) fail('The app is not built yet: run `npm run web`, which builds it first.', 1);

  const loaded = loadDevelopmentPolicy();
  if (loaded.problem) console.error(loaded.problem);
  const libraryPath = resolveLibraryPath(args.library, process.env, loaded.policy.libraryFolder);
  let server: WebServer | undefined;
  // Opened once the page is served; Settings asks how it went.
  const captured: { endpoint?: CaptureEndpoint } = {};
  try {
    await unlockAtStart(libraryPath, { ask: (prompt) => askHidden(prompt), tell: (message) => console.error(message) });
  } catch (error) {
    // With no terminal to ask at, the page asks for the passphrase instead.
    if (!isDatelineError(error) || error.code !== 'LIBRARY_LOCKED') fail((error as Error).message, 1);
    console.log('The library is encrypted: give its passphrase in the browser to open it.');
  }
  if (existsSync(libraryPath)) console.log(`Checking the library ${libraryPath}…`);
  // The page is served at once; it reads the library while the quick check (seconds for a
  // big one) runs, and what it writes waits for the check, as in the desktop window.
  const starting = LibrarySession.start({
    file: libraryPath,
    checkInBackground: true,
    checkEveryMs: DAY_MS,
    app: describeApp({ mode: 'browser', version: packageVersion(), libraryPath, loaded, isPackaged: false }),
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) => server?.emit(event, payload),
    log: (message, error) => console.error(`[dateline] ${message}:`, error),
    info: (message) => console.log(`[dateline] ${message}`),
    captureListener: () => ({
      port: captured.endpoint?.port ?? null,
      problem: captured.endpoint ? captured.endpoint.problem : 'Starting…',
    }),
  });
  starting.catch(() => undefined);
  const dispatch: Dispatch = async (channel, input) => (await starting).dispatch(channel, input);
  try {
    server = await startWebServer({
      dispatch,
      staticDir: STATIC_DIR,
      port,
      onStaleCode: () => console.log(`A used address was opened; this new one opens Dateline once: ${server?.openAddress()}`),
    });
  } catch (error) {
    await starting.then(
      (session) => session.close(),
      () => undefined,
    );
    fail(`Cannot listen on port ${port}: ${(error as Error).message}`, 1);
  }
  const capture = await openCaptureEndpoint(dispatch, capturePortFrom(process.env, CAPTURE_DEFAULT_PORT));
  captured.endpoint = capture;
  if (capture.problem) console.error(capture.problem);
  else console.log(`The browser extension saves pages at 127.0.0.1:${capture.port}`);
  // Each address carries a one-time code, not the session's secret; the one handed to the
  // browser (visible in its process arguments) also expires within a minute.
  console.log(`Dateline is running at ${server.openAddress()}`);
  console.log(`Library: ${libraryPath}`);
  console.log('Press Ctrl+C to stop. The address opens Dateline once; a new one is printed when needed.');
  if (args.open) openInBrowser(server.openAddress(60_000));
  let session: LibrarySession;
  try {
    session = await starting;
  } catch (error) {
    await server.close();
    fail(`Cannot open the library ${libraryPath}: ${(error as Error).message}`, 1);
  }
  if (session.damaged) console.error('The library failed its check and was not opened; the page offers to restore a backup.');

  const stop = async () => {
    await capture.close();
    await server?.close();
    session.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function openInBrowser(url: string): void {
  const [command, ...commandArgs] =
    process.platform === 'darwin' ? ['open', url] : process.platform === 'win32' ? ['cmd', '/c', 'start', '', url] : ['xdg-open', url];
  const child = spawn(command!, commandArgs, { stdio: 'ignore', detached: true });
  child.on('error', () => console.error('Could not open a browser; open the address above yourself.'));
  child.unref();
}

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

await main();
