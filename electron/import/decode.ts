import { DatelineError } from '../common/errors.ts';

const SNIFF_BYTES = 64 * 1024;

/**
 * Bytes to text the way people's files actually arrive: UTF-8 with or without a BOM,
 * UTF-16 with a BOM, or a legacy Windows-1252 file that is not valid UTF-8. Binary data
 * is refused with a clear reason rather than imported as gibberish.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new DatelineError('IMPORT_FAILED', 'The file is empty.');
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (looksBinary(bytes.subarray(0, SNIFF_BYTES))) {
    throw new DatelineError('IMPORT_FAILED', 'This file is not text: it holds binary data.');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function looksBinary(sample: Uint8Array): boolean {
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    // Tab, line feed, form feed, carriage return and escape do occur in real text files.
    if (byte < 0x20 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13 && byte !== 27) controls += 1;
  }
  return controls > sample.length * 0.05;
}
