import { z } from 'zod';
import { keepDaysChoices } from './choices.ts';
import { isoTime } from './model.ts';

/** The feeds a person follows, as the contract carries them. */

export const feedId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export { keepDaysChoices };

export const feedSchema = z.object({
  id: feedId,
  /** The feed's own address (not the site's). */
  url: z.string(),
  title: z.string(),
  siteUrl: z.string().nullable(),
  addedAt: isoTime,
  /** When it was last refreshed, whether or not that worked. */
  checkedAt: isoTime.nullable(),
  /** Why the last refresh failed; null when it worked. */
  error: z.string().nullable(),
  paused: z.boolean(),
  /** Null keeps every article. */
  keepDays: z.number().int().positive().nullable(),
  unread: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});

export const feedPatchSchema = z
  .strictObject({
    title: z.string().trim().min(1, 'A feed needs a name.').max(300).optional(),
    paused: z.boolean().optional(),
    keepDays: z
      .number()
      .int()
      .refine((days) => (keepDaysChoices as readonly number[]).includes(days), `Keep articles for ${keepDaysChoices.join(', ')} days.`)
      .nullable()
      .optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), 'Give something of the feed to change.');

/** A feed's or a site's address, typed or pasted. */
export const feedAddress = z.string().trim().min(1, 'Give the address of a feed or a site.').max(2000);

/** What reading a list of subscriptions (OPML) did. */
export const opmlImportSchema = z.object({
  added: z.array(feedSchema),
  /** Already followed. */
  existing: z.number().int().nonnegative(),
  /** Outlines that named no usable feed address, with why. */
  skipped: z.array(z.object({ title: z.string(), reason: z.string() })),
});

export type Feed = z.output<typeof feedSchema>;
export type FeedPatch = z.output<typeof feedPatchSchema>;
export type OpmlImport = z.output<typeof opmlImportSchema>;
