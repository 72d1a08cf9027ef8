import { parse } from 'csv-parse/sync';
import { DatelineError } from '../../common/errors.ts';

/**
 * CSV rows keyed by header name (lower case, trimmed), never by position: the exports of
 * read-later apps have changed their columns over the years.
 */
export function readCsv(text: string): Record<string, string>[] {
  try {
    return parse(text.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map(columnKey),
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as Record<string, string>[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new DatelineError(
      'IMPORT_FAILED',
      `This CSV file is malformed${line ? ` near line ${line}` : ''}; no entries were imported from it.`,
    );
  }
}

/** The header line of a CSV file, as column keys, to recognise which app wrote it. */
export function csvHeader(text: string): string[] {
  return csvColumns(text).map(columnKey);
}

/** The header line's names as written (for telling a person what the file holds). */
export function csvColumns(text: string): string[] {
  // The head may have been decoded as Latin-1, where a UTF-8 BOM reads "ï»¿".
  const first = text.replace(/^(\uFEFF|ï»¿)/, '').split(/\r?\n/, 1)[0] ?? '';
  return first
    .split(',')
    .map((name) => name.trim().replace(/^"|"$/g, '').trim())
    .filter(Boolean);
}

/** "Time Added", "time-added" and " TIME_ADDED" are one column: time_added. */
function columnKey(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}
