import type { z } from 'zod';
import type { channels, ChannelName } from '../contract.ts';

/** What a channel's handler is given (its input, already validated) and may answer. */
export type Handler<C extends ChannelName> = (
  input: z.output<(typeof channels)[C]['input']>,
) => z.input<(typeof channels)[C]['output']> | Promise<z.input<(typeof channels)[C]['output']>>;

/** Every channel's handler. */
export type Handlers = { [C in ChannelName]: Handler<C> };

/** The handlers of one namespace (`articles.*`, `tags.*`, …): what each module supplies. */
export type HandlersOf<Namespace extends string> = {
  [C in ChannelName as C extends `${Namespace}.${string}` ? C : never]: Handler<C>;
};
