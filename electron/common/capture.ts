import { z } from 'zod';
import { MAX_CAPTURE_BYTES } from './capture-wire.ts';
import { isoTime } from './model.ts';

/**
 * Saving from the browser: what the "Save to Dateline" extension sends the app's capture
 * endpoint, and what Settings shows of it. The extension imports these types (only types:
 * it carries no zod), so both ends speak one shape.
 */

/** How long a pairing code shown in Settings may be typed into the extension. */
export const PAIRING_CODE_MS = 10 * 60_000;

const webAddress = z
  .string()
  .max(8192)
  .refine((value) => /^https?:\/\//i.test(value), 'Only pages with an http or https address can be saved.');

export const captureImageSchema = z.strictObject({
  /** The picture's address as the page names it (absolute). */
  url: z.string().max(8192),
  data: z.base64().max(MAX_CAPTURE_BYTES),
});

export const captureKinds = ['page', 'link'] as const;

export const capturedPageSchema = z.strictObject({
  /** Chosen by the extension when the save is made: a save delivered twice is stored once. */
  id: z.uuid(),
  /** A page as the person sees it, or a link to download later. */
  kind: z.enum(captureKinds),
  url: webAddress,
  title: z.string().max(2000).default(''),
  /** The rendered page (after its scripts ran); absent for a link. */
  html: z.string().max(MAX_CAPTURE_BYTES).optional(),
  /** Text the person had selected: kept as a highlight. */
  selection: z.string().max(20_000).default(''),
  tags: z.array(z.string().max(200)).max(50).default([]),
  images: z.array(captureImageSchema).max(1000).default([]),
});

export type CapturedPage = z.input<typeof capturedPageSchema>;

/** The extension's origin (`chrome-extension://…`, `moz-extension://…`): tokens are bound to it. */
export const extensionOrigin = z
  .string()
  .max(200)
  .regex(/^(chrome-extension|moz-extension|safari-web-extension):\/\/[\w-]+$/i, 'Only a browser extension may pair with Dateline.');

export const captureToken = z.string().regex(/^[0-9a-f]{64}$/, 'This is not a Dateline pairing token.');

export const pairingInputSchema = z.strictObject({
  code: z.string().trim().max(40),
  origin: extensionOrigin,
  /** How the browser names itself ("Chromium on Linux"), so Settings can tell paired browsers apart. */
  name: z.string().trim().max(100).default('Browser'),
});

export const captureClientSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  origin: z.string(),
  pairedAt: isoTime,
  lastUsedAt: isoTime.nullable(),
});

export type CaptureClient = z.output<typeof captureClientSchema>;

export const captureStatusSchema = z.object({
  /** The loopback port the endpoint listens on; null when it does not (the CLI, or the port taken). */
  port: z.number().int().nullable(),
  /** Why saving from the browser does not work here, in words. */
  problem: z.string().nullable(),
  clients: z.array(captureClientSchema),
  /** The code being shown, while one is. */
  pairing: z.object({ code: z.string(), expiresAt: isoTime }).nullable(),
});

export const captureResultSchema = z.object({
  articleId: z.number().int().positive(),
  title: z.string(),
  /** The page was in the library already (or this save had been delivered before). */
  duplicate: z.boolean(),
  highlighted: z.boolean(),
});

export type CaptureResult = z.output<typeof captureResultSchema>;
