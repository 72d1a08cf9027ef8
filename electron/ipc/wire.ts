/**
 * How channel and event names travel on each transport. Kept apart from the contract so
 * the Electron preload can use it without bundling zod.
 */
export const ipcInvokeChannel = (channel: string): string => `dateline:${channel}`;
export const ipcEventChannel = (event: string): string => `dateline-event:${event}`;

export const HTTP_API_PREFIX = '/api/';
export const httpInvokePath = (channel: string): string => `${HTTP_API_PREFIX}invoke/${channel}`;
export const HTTP_EVENTS_PATH = `${HTTP_API_PREFIX}events`;
export const SECRET_HEADER = 'x-dateline-secret';
/** Where a browser exchanges a one-time code from the printed address for the session cookie. */
export const HTTP_OPEN_PATH = '/open';
