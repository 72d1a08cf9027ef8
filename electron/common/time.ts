/**
 * The dates Dateline keeps: years 1000 to 9999. Every display and ISO string can show them;
 * a date from an import outside them (a typo, a value in the wrong unit, garbage) is taken
 * as no date rather than stored, since one such value would stop the list from loading.
 */
export const EARLIEST_TIME = Date.UTC(1000, 0, 1);
export const LATEST_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** `ms` if it is a date Dateline keeps, otherwise null. */
export function keptTime(ms: number | null | undefined): number | null {
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= EARLIEST_TIME && ms <= LATEST_TIME ? ms : null;
}
