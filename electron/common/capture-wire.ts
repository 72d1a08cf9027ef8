/**
 * What the "Save to Dateline" extension and the app's capture endpoint agree on, with no
 * dependency: the extension bundles this file as it is.
 */

/** Where the app listens for the extension unless told otherwise (loopback only). */
export const CAPTURE_DEFAULT_PORT = 47615;

/** A page with its pictures, as JSON with base64: larger requests are refused before they are read. */
export const MAX_CAPTURE_BYTES = 40 * 1024 * 1024;

/** The endpoint's paths; the version lets an older extension be told to update rather than misread. */
export const CAPTURE_PATHS = { ping: '/capture/v1/ping', pair: '/capture/v1/pair', save: '/capture/v1/save' } as const;
