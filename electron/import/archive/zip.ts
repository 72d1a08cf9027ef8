import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { DatelineError } from '../../common/errors.ts';
import { decodeText } from '../decode.ts';

export const ZIP_LIMITS = {
  entries: 50_000,
  /** All entries together, unpacked: a zip bomb stops here, before anything is inflated. */
  totalBytes: 500 * 1024 * 1024,
  entryBytes: 100 * 1024 * 1024,
};

const BOMB = 'This archive unpacks to more than Dateline will read (it may be a zip bomb).';

/**
 * A zip's entries by name. Names that would climb out of the archive (`../`, absolute) are
 * skipped. Inflated as a stream, and every byte that comes out is counted as it comes: the
 * sizes an archive declares can lie, and a bomb stops at the budget instead of filling the
 * memory first. Runs in the import worker (the pipeline's plain zips included).
 */
export function readZip(bytes: Uint8Array, limits = ZIP_LIMITS): Map<string, Uint8Array> {
  const entries = inflateWithin(bytes, limits, { keep: true, damaged: 'This zip archive is damaged or not a zip file.' });
  if (entries.size === 0 && !looksLikeZip(bytes))
    throw new DatelineError('IMPORT_FAILED', 'This zip archive is damaged or not a zip file.');
  return entries;
}

/**
 * Inflates every entry once, keeping nothing, to learn whether it stays within the budget:
 * for a reader that inflates a zip by itself without limits (mammoth, for Word documents).
 */
export function checkZipBudget(bytes: Uint8Array, limits = ZIP_LIMITS): void {
  inflateWithin(bytes, limits, { keep: false, damaged: 'This file is damaged: its zip container cannot be read.' });
}

/** The streaming inflation both share, refusing at the budget; `keep` holds on to the bytes. */
function inflateWithin(bytes: Uint8Array, limits: typeof ZIP_LIMITS, options: { keep: boolean; damaged: string }): Map<string, Uint8Array> {
  const entries = new Map<string, Uint8Array>();
  let count = 0;
  let total = 0;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    count += 1;
    if (count > limits.entries || (file.originalSize ?? 0) > limits.entryBytes) throw new DatelineError('TOO_LARGE', BOMB);
    if (options.keep && (!isSafeName(file.name) || file.name.endsWith('/'))) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (error) throw error;
      size += chunk.length;
      total += chunk.length;
      if (size > limits.entryBytes || total > limits.totalBytes) throw new DatelineError('TOO_LARGE', BOMB);
      if (!options.keep) return;
      chunks.push(chunk);
      if (final) entries.set(file.name, concat(chunks, size));
    };
    file.start();
  };
  try {
    // Fed in slices, so that a bomb is caught after one slice's worth of output at most.
    for (let offset = 0; offset < bytes.length; offset += FEED_BYTES) {
      unzip.push(bytes.subarray(offset, offset + FEED_BYTES), offset + FEED_BYTES >= bytes.length);
    }
  } catch (error) {
    if (error instanceof DatelineError) throw error;
    throw new DatelineError('IMPORT_FAILED', options.damaged);
  }
  return entries;
}

const FEED_BYTES = 64 * 1024;

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * The files of a plain zip, in name order, to import one by one: hidden files and macOS
 * resource forks left out; zips inside zips are not opened again.
 */
export function filesInZip(path: string, bytes: Uint8Array): { name: string; data: Uint8Array }[] {
  if (/\.zip[\\/]/i.test(path)) throw new DatelineError('UNSUPPORTED', 'Zip archives inside zip archives are not opened.');
  const entries = [...readZip(bytes)]
    .filter(([name]) => !name.split('/').some((part) => part.startsWith('.') || part === '__MACOSX'))
    .sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) throw new DatelineError('IMPORT_FAILED', 'The zip archive holds no file.');
  return entries.map(([name, data]) => ({ name, data }));
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
