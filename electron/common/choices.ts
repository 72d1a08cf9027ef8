/**
 * The fixed lists and bounds the window offers, with no schema library: the contract's
 * schemas are built from them (model.ts, settings.ts, feeds.ts), and the window reads them
 * here, so its first chunk does not load zod (the contract checks its inputs on the other
 * side of the door).
 */

export const draftStatuses = ['draft', 'editing', 'ready', 'published'] as const;

export const libraryViews = ['all', 'unread', 'favorites', 'archive', 'drafts'] as const;

export const listSorts = ['saved', 'published', 'title', 'length'] as const;

/** The four highlight colours, in the order they are offered; the first is the default. */
export const highlightColors = ['yellow', 'green', 'blue', 'pink'] as const;

/** How long a feed's articles are kept that the person has not kept (favorite, tagged, highlighted). */
export const keepDaysChoices = [7, 14, 30, 90, 365] as const;

export const themeIds = ['system', 'light', 'sepia', 'dark'] as const;

/** The themes with their names, in the order the View menu and Settings offer them. */
export const THEMES: readonly { id: (typeof themeIds)[number]; name: string }[] = [
  { id: 'system', name: 'Match system' },
  { id: 'light', name: 'Light' },
  { id: 'sepia', name: 'Sepia' },
  { id: 'dark', name: 'Dark' },
];

/** The numeric settings' bounds: the settings schema holds them, the controls offer them. */
export const SETTING_BOUNDS = {
  readerFontSize: { min: 12, max: 32 },
  readerLineWidth: { min: 40, max: 100 },
  readerLineHeight: { min: 1.2, max: 2.2 },
  backupsToKeep: { min: 1, max: 365 },
} as const;

export type NumericSetting = keyof typeof SETTING_BOUNDS;

/** A numeric setting's bounds, for the controls that change it. */
export function settingBounds(field: NumericSetting): { min: number; max: number } {
  return SETTING_BOUNDS[field];
}
