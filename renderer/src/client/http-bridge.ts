import type { DatelineBridge, EventName, LibraryStatus, Result } from '../../../electron/ipc/contract.ts';
import { HTTP_EVENTS_PATH, httpInvokePath } from '../../../electron/ipc/wire.ts';
/** Browsers cap keep-alive request bodies at 64 KB. */
const KEEPALIVE_LIMIT = 60 * 1024;

/**
 * The browser-mode transport: each channel is a POST to the loopback server, and events
 * arrive as Server-Sent Events. Both carry the session's cookie, which the browser got for a
 * one-time code and which no script here can read (HttpOnly).
 */
export function createHttpBridge(): DatelineBridge {
  // Every channel is a POST named after it; the server checks the name against the contract,
  // so the renderer needs no list of channels (and bundles none of the contract's schemas).
  // Channel names are `namespace.action`: any other property (`then`, symbols) is undefined,
  // so the bridge is never mistaken for a promise.
  const invoke = new Proxy({} as DatelineBridge['invoke'], {
    get: (_target, channel) =>
      typeof channel === 'string' && channel.includes('.') ? (input: unknown) => post(channel, input) : undefined,
  });

  const listeners = new Map<string, Set<(payload: never) => void>>();
  let source: EventSource | null = null;
  const connect = () => {
    source = new EventSource(HTTP_EVENTS_PATH);
    for (const event of listeners.keys()) attach(event);
    // What changed while this page was not listening (before its first connection, or while a
    // lost one came back) was never heard: every view that shows the library reads it again.
    source.addEventListener('open', () => {
      for (const listener of listeners.get('library.changed') ?? []) listener({} as never);
      // Damage found by the check after a fast start is told once: a page that was not yet
      // listening asks whether it was.
      const damaged = listeners.get('library.damaged');
      if (damaged?.size) {
        void post('library.status', {}).then((status) => {
          if (status.ok && !(status.value as LibraryStatus).healthy) for (const listener of damaged) listener({} as never);
        });
      }
    });
  };
  const attach = (event: string) =>
    source?.addEventListener(event, (message) => {
      const payload = JSON.parse((message as MessageEvent<string>).data) as never;
      for (const listener of listeners.get(event) ?? []) listener(payload);
    });

  return {
    invoke,
    on(event: EventName, listener: (payload: never) => void) {
      if (!source) connect();
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
        attach(event);
      }
      set.add(listener);
      return () => set.delete(listener);
    },
  } as DatelineBridge;
}

async function post(channel: string, input: unknown): Promise<Result<unknown>> {
  const body = JSON.stringify(input ?? {});
  let response: Response;
  try {
    response = await fetch(httpInvokePath(channel), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      // Lets a last save finish while the tab closes.
      keepalive: body.length < KEEPALIVE_LIMIT,
    });
  } catch {
    return failure('Dateline is not running: the connection to its server was lost. Start it again with `npm run web`.');
  }
  if (response.status === 403) {
    return failure('This page is not connected to the running Dateline: open the address it printed when it started.');
  }
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    return failure(`Dateline answered with an unexpected response (HTTP ${response.status}).`);
  }
}

function failure(message: string): Result<never> {
  return { ok: false, error: { code: 'INTERNAL', message } };
}
