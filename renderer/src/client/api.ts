import type {
  ChannelInput,
  ChannelName,
  ChannelOutput,
  DatelineBridge,
  ErrorPayload,
  EventName,
  EventPayload,
  Result,
} from '../../../electron/ipc/contract.ts';
import { createHttpBridge } from './http-bridge.ts';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    dateline?: DatelineBridge;
  }
}

/** A failed call, carrying the contract's error code and a message meant for people. */
export class ApiError extends Error {
  readonly code: ErrorPayload['code'];
  constructor(error: ErrorPayload) {
    super(error.message);
    this.code = error.code;
  }
}

const bridge: DatelineBridge = window.dateline ?? createHttpBridge();

/** Which transport answers: the desktop app's IPC, or browser mode's loopback server. */
export const transport: 'desktop' | 'browser' = window.dateline ? 'desktop' : 'browser';

/** Calls a channel and returns its value, or throws an ApiError. */
export async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const invoke = bridge.invoke[channel] as unknown as (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
  const result = await invoke(input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value as ChannelOutput<C>;
}

export function subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return bridge.on(event, listener);
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
