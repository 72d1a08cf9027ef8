import { z } from 'zod';

/**
 * Every user setting, its type and its default, in one place. The library stores only
 * the values a person changed: a missing key reads as its default here.
 */
const themeIds = ['system', 'light', 'sepia', 'dark'] as const;

/** The themes with their names, in the order the View menu and Settings offer them. */
export const THEMES: readonly { id: (typeof themeIds)[number]; name: string }[] = [
  { id: 'system', name: 'Match system' },
  { id: 'light', name: 'Light' },
  { id: 'sepia', name: 'Sepia' },
  { id: 'dark', name: 'Dark' },
];

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
  readerFontSize: z.number().int().min(12).max(32).default(19),
  readerLineWidth: z.number().int().min(40).max(100).default(68),
  readerLineHeight: z.number().min(1.2).max(2.2).default(1.6),
  /** Rows of the article list: headline, excerpt and details, or one line each. */
  listDensity: z.enum(['comfortable', 'compact']).default('comfortable'),
  /** How many backups the Backups folder keeps; the oldest go first. */
  backupsToKeep: z.number().int().min(1).max(365).default(14),
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

export type NumericSetting = 'readerFontSize' | 'readerLineWidth' | 'readerLineHeight' | 'backupsToKeep';

/** A numeric setting's bounds, for the controls that change it. */
export function settingBounds(field: NumericSetting): { min: number; max: number } {
  const inner = settingsSchema.shape[field].unwrap();
  return { min: inner.minValue ?? 0, max: inner.maxValue ?? Number.MAX_SAFE_INTEGER };
}
