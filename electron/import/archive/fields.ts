import { DatelineError } from '../../common/errors.ts';
import { decodeText } from '../decode.ts';
import type { LeftOutEntry } from '../types.ts';

/**
 * An export's JSON is whatever the other app (or a damaged file) wrote, so its fields are
 * read by what they hold: text where text is expected, lists where lists are, and anything
 * else taken as missing, never trusted to have the shape the format promises.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text, or a number written as text; anything else is missing. */
export function textField(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

export function listField(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Tags written as names, or as objects carrying the name under `key` ("label", "name"). */
export function namesIn(value: unknown, key: string): string[] {
  return listField(value).flatMap((item) => textField(isRecord(item) ? item[key] : item) ?? []);
}

/** An item of an export's list that is not an entry at all (null, a number, a string). */
export function notAnEntry(index: number): LeftOutEntry {
  return { leftOut: 'it is not an entry of this export', title: `Entry ${index + 1}` };
}

/** A whole export file as JSON; `what` names it in the refusal ("This Pinboard export is not valid JSON."). */
export function exportJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(decodeText(bytes));
  } catch (error) {
    if (error instanceof DatelineError) throw error;
    throw new DatelineError('IMPORT_FAILED', `${what} is not valid JSON.`);
  }
}
