import { z } from 'zod';
import { SETTING_BOUNDS, THEMES, themeIds } from './choices.ts';

/**
 * Every user setting, its type and its default, in one place. The library stores only
 * the values a person changed: a missing key reads as its default here.
 */
export { THEMES };

/** A desk's address: wss://, or ws:// only to this computer (one rule for Settings and the policy). */
export const deskAddress = z
  .string()
  .trim()
  .max(2000)
  .refine(
    (url) => url === '' || /^wss:\/\/[^\s/]+/i.test(url) || /^ws:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/i.test(url),
    'The desk’s address starts with wss:// (or ws:// to this computer).',
  );

export const settingsSchema = z.object({
  theme: z.enum(themeIds).default('system'),
  readerFont: z.enum(['serif', 'sans']).default('serif'),
  readerFontSize: z.number().int().min(SETTING_BOUNDS.readerFontSize.min).max(SETTING_BOUNDS.readerFontSize.max).default(19),
  readerLineWidth: z.number().int().min(SETTING_BOUNDS.readerLineWidth.min).max(SETTING_BOUNDS.readerLineWidth.max).default(68),
  readerLineHeight: z.number().min(SETTING_BOUNDS.readerLineHeight.min).max(SETTING_BOUNDS.readerLineHeight.max).default(1.6),
  /** Rows of the article list: headline, excerpt and details, or one line each. */
  listDensity: z.enum(['comfortable', 'compact']).default('comfortable'),
  /** How many backups the Backups folder keeps; the oldest go first. */
  backupsToKeep: z.number().int().min(SETTING_BOUNDS.backupsToKeep.min).max(SETTING_BOUNDS.backupsToKeep.max).default(14),
  /** Whether a link in an article asks before it opens once for each site, or every time. */
  linkConfirmation: z.enum(['once-per-site', 'every-time']).default('once-per-site'),
  /** Sites whose links the person chose to open without being asked again. */
  trustedLinkSites: z.array(z.string().min(1).max(320)).max(1000).default([]),
  /** Minutes between refreshes of each feed followed; 0 refreshes only when asked. */
  feedRefreshMinutes: z.number().int().min(0).max(10080).default(60),
  /**
   * The newsroom desk drafts are shared to: wss:// (ws:// only to this computer), or none.
   * A newsroom's policy may name it instead.
   */
  deskUrl: deskAddress.default(''),
  /** The token the desk gave this person (`dateline desk add-user`). */
  deskToken: z.string().trim().max(200).default(''),
  /** Searches kept in the sidebar, each a query with its filters ("tag:ukraine -russia"). */
  savedSearches: z
    .array(z.strictObject({ name: z.string().trim().min(1).max(100), query: z.string().trim().min(1).max(1000) }))
    .max(100)
    .default([]),
});

export type Settings = z.output<typeof settingsSchema>;

type SettingsShape = typeof settingsSchema.shape;
type PatchShape = { [K in keyof SettingsShape]: z.ZodOptional<ReturnType<SettingsShape[K]['unwrap']>> };

/** A change to some settings: the same fields without defaults, none required, no others. */
export const settingsPatchSchema = z.strictObject(
  Object.fromEntries(Object.entries(settingsSchema.shape).map(([key, field]) => [key, field.unwrap().optional()])) as PatchShape,
);

export type SettingsPatch = z.output<typeof settingsPatchSchema>;

export const defaultSettings: Settings = settingsSchema.parse({});
