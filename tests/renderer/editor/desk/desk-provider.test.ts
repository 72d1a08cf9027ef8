// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DatelineBridge } from '../../../../electron/ipc/contract.ts';

type Listener = (payload: never) => void;

/**
 * The desktop preload's place, for the window's desk provider: a transport whose desk.open
 * answers after the desk has already gone live, as a loaded machine orders them.
 */
function transportWhereLiveComesFirst() {
  const listeners = new Map<string, Set<Listener>>();
  const emit = (event: string, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) (listener as (value: unknown) => void)(payload);
  };
  const user = { name: 'ana', role: 'reporter' };
  const answers: Record<string, (input: { id: number }) => unknown> = {
    'desk.open': ({ id }) => {
      emit('desk.status', { id, status: { state: 'live', reason: null, user } });
      return {
        story: 'story:abcdefgh',
        state: '',
        presence: null,
        status: { state: 'offline', reason: 'Connecting to the desk…', user: null },
      };
    },
    'desk.presence': () => ({}),
    'desk.push': () => ({}),
    'desk.close': () => ({}),
  };
  const bridge = {
    invoke: new Proxy(
      {},
      { get: (_target, channel: string) => async (input: { id: number }) => ({ ok: true, value: answers[channel]!(input) }) },
    ),
    on(event: string, listener: Listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return () => listeners.get(event)!.delete(listener);
    },
  };
  return bridge as unknown as DatelineBridge;
}

describe('the window’s desk provider', () => {
  it('regression: a desk that went live while the draft was opening is shown live, not left “connecting”', async () => {
    window.dateline = transportWhereLiveComesFirst();
    const { DeskProvider } = await import('../../../../renderer/src/editor/desk/desk-provider.ts');
    const states: string[] = [];
    let synced = false;
    const provider = new DeskProvider(1, new Y.Doc(), {
      waitForDesk: true,
      onStatus: (status) => states.push(status.state),
      onPeople: () => undefined,
    });
    provider.on('sync', () => (synced = true));
    await provider.connect();
    expect(states.at(-1)).toBe('live');
    expect(synced).toBe(true);
    provider.disconnect();
  });
});
