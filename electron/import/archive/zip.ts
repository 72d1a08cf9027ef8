import { unzipSync } from 'fflate';
import { DatelineError } from '../../common/errors.ts';
import { decodeText } from '../decode.ts';

export const ZIP_LIMITS = {
  entries: 50_000,
  /** All entries together, unpacked: a zip bomb stops here, before anything is inflated. */
  totalBytes: 500 * 1024 * 1024,
  entryBytes: 100 * 1024 * 1024,
};

const BOMB = 'This archive unpacks to more than Dateline will read (it may be a zip bomb).';

/** A zip's entries by name. Names that would climb out of the archive (`../`, absolute) are skipped. */
export function readZip(bytes: Uint8Array, limits = ZIP_LIMITS): Map<string, Uint8Array> {
  let declared = 0;
  let count = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (entry) => {
        count += 1;
        declared += entry.originalSize;
        if (count > limits.entries || entry.originalSize > limits.entryBytes || declared > limits.totalBytes) {
          throw new DatelineError('TOO_LARGE', BOMB);
        }
        return isSafeName(entry.name) && !entry.name.endsWith('/');
      },
    });
  } catch (error) {
    if (error instanceof DatelineError) throw error;
    throw new DatelineError('IMPORT_FAILED', 'This zip archive is damaged or not a zip file.');
  }
  const entries = new Map<string, Uint8Array>();
  let total = 0;
  for (const [name, data] of Object.entries(files)) {
    total += data.length;
    // The sizes an archive declares can lie; what was actually inflated is counted too.
    if (total > limits.totalBytes) throw new DatelineError('TOO_LARGE', BOMB);
    entries.set(name, data);
  }
  return entries;
}

export function isSafeName(name: string): boolean {
  return !name.startsWith('/') && !/^[a-z]:/i.test(name) && !name.split(/[\\/]/).includes('..');
}

/** Whether bytes start like a zip archive. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The names in a zip, read without inflating anything, to recognise which app wrote it. */
export function zipEntryNames(bytes: Uint8Array): string[] {
  if (!looksLikeZip(bytes)) return [];
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        names.push(entry.name);
        return false;
      },
    });
  } catch {
    return [];
  }
  return names;
}

/**
 * The items of every JSON list among a zip's entries whose names match: exports split long
 * lists over several files. An entry that is not a JSON list adds nothing.
 */
export function jsonListsIn(entries: Map<string, Uint8Array>, names: RegExp): unknown[] {
  const items: unknown[] = [];
  for (const [name, data] of entries) {
    if (!names.test(name)) continue;
    try {
      const parsed: unknown = JSON.parse(decodeText(data));
      if (Array.isArray(parsed)) items.push(...(parsed as unknown[]));
    } catch {
      // A damaged part: the other parts still import.
    }
  }
  return items;
}
