import type { z } from 'zod';
import { DatelineError, isDatelineError } from '../common/errors.ts';
import { SearchIndexTidier } from '../library/index-tidier.ts';
import { storageError } from '../library/storage-errors.ts';
import { channels, events, isChannelName, type ChannelName, type EventName, type EventPayload, type Result } from './contract.ts';
import { createHandlers } from './handlers/index.ts';
import { createServices, type Exclusive, type HandlerContext } from './handlers/services.ts';
import type { Handlers } from './handlers/types.ts';

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

/**
 * The single entrance from any transport: checks the channel, validates the input before
 * any work, runs the handler, and turns every outcome into a Result. Unexpected failures
 * are logged and reported as INTERNAL without internals leaking to the renderer.
 */
export function createDispatcher(context: HandlerContext): Dispatch {
  let busy: { reason: string; allow: readonly string[] } | null = null;
  const exclusively: Exclusive = async (work, { reason = 'Dateline is restoring a backup; try again in a moment.', allow = [] } = {}) => {
    busy = { reason, allow };
    try {
      return await work();
    } finally {
      busy = null;
    }
  };
  const services = createServices(context, exclusively);
  const dispatch = dispatcherOver(createHandlers(services), {
    log: context.log,
    refuse: (channel) => (busy && !busy.allow.includes(channel) ? new DatelineError('CONFLICT', busy.reason) : null),
  });
  if (!services.background) return dispatch;
  // The apps merge what imports left of the search index while nobody is calling.
  const tidier = new SearchIndexTidier(services.library, { busy: () => busy !== null || services.imports.size > 0, log: context.log });
  return (channel, input) => {
    tidier.called();
    return dispatch(channel, input);
  };
}

/** Some channels' handlers; the others answer with what `refuse` says. */
export type PartialHandlers = Partial<Handlers>;

interface DispatchRules {
  log?: HandlerContext['log'];
  /** An error for calls that cannot be served now, checked before each call. */
  refuse?: (channel: ChannelName) => DatelineError | null;
}

/**
 * The dispatcher over any set of handlers: the full app's, or the few a damaged library
 * leaves (status and backups).
 */
export function dispatcherOver(handlers: PartialHandlers, { log, refuse }: DispatchRules): Dispatch {
  return async (channel, input) => {
    if (!isChannelName(channel)) {
      return failure('INVALID_INPUT', `There is no channel named "${String(channel).slice(0, 100)}".`);
    }
    const spec = channels[channel];
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) return failure('INVALID_INPUT', describeInvalid(parsed.error));
    try {
      const refusal = refuse?.(channel);
      if (refusal) throw refusal;
      const handler = handlers[channel] as ((input: unknown) => unknown) | undefined;
      if (!handler) throw new DatelineError('UNSUPPORTED', `${channel} is not available now.`);
      const value: unknown = await handler(parsed.data);
      return { ok: true, value: spec.output.parse(value) };
    } catch (error) {
      if (isDatelineError(error)) return failure(error.code, error.message);
      const storage = storageError(error);
      log?.(`channel ${channel} failed`, error);
      if (storage) return failure(storage.code, storage.message);
      return failure('INTERNAL', 'Something went wrong inside Dateline. Nothing was changed; the details are in the log.');
    }
  };
}

function failure(code: Extract<Result<never>, { ok: false }>['error']['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function describeInvalid(error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    return `${where}${issue.message}`;
  });
  return `The request was not valid (${issues.join('; ')}).`;
}

/** Validates an event payload before it leaves the Node side. */
export function checkEvent<E extends EventName>(event: E, payload: EventPayload<E>): EventPayload<E> {
  return events[event].parse(payload) as EventPayload<E>;
}
