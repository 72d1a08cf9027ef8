import { DatelineError } from '../common/errors.ts';

const SNIFF_BYTES = 64 * 1024;

/** Text read from a file, and how many of its bytes were not text and became "�". */
export interface DecodedText {
  text: string;
  replaced: number;
}

const REPLACEMENT = '\uFFFD';

/**
 * Bytes to text the way people's files actually arrive: UTF-8 with or without a BOM,
 * UTF-16 with a BOM, or a legacy Windows-1252 file that is not valid UTF-8. A text file
 * with a few damaged bytes (a cut multi-byte character) is read with "�" in their place and
 * says how many, and a stray NUL does not make it binary: only a file that is mostly not
 * text is refused.
 */
export function readText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new DatelineError('IMPORT_FAILED', 'The file is empty.');
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeAs('utf-8', bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return decodeAs('utf-16le', bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return decodeAs('utf-16be', bytes.subarray(2));
  if (looksBinary(bytes.subarray(0, SNIFF_BYTES))) {
    throw new DatelineError('IMPORT_FAILED', 'This file is not text: it holds binary data.');
  }
  const utf8 = decodeAs('utf-8', bytes);
  // Damaged UTF-8 still has more good multi-byte characters than bad bytes; a Windows-1252
  // file has next to none, since its accented letters are single bytes.
  if (utf8.replaced === 0 || multiByteCharacters(utf8.text) >= utf8.replaced) return utf8;
  return { text: new TextDecoder('windows-1252').decode(bytes), replaced: 0 };
}

export function decodeText(bytes: Uint8Array): string {
  return readText(bytes).text;
}

/** What a person is told about a file read with replaced bytes, or null when nothing was. */
export function replacedBytesNote({ replaced }: DecodedText): string | null {
  if (replaced === 0) return null;
  return replaced === 1
    ? 'One byte that is not text was shown as “�”.'
    : `${replaced.toLocaleString('en-US')} bytes that are not text were shown as “�”.`;
}

function decodeAs(encoding: string, bytes: Uint8Array): DecodedText {
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), replaced: 0 };
  } catch {
    const text = new TextDecoder(encoding).decode(bytes);
    return { text, replaced: countOf(text, REPLACEMENT) };
  }
}

/**
 * For prose read as it is (plain text): NUL and the other control characters that never occur
 * in text become "�" too, and are counted. Structured files keep them for their own rules.
 */
export function withoutControls({ text, replaced }: DecodedText): DecodedText {
  let found = 0;
  const cleaned = text.replace(/[\u0000-\u0008\u000B\u000E-\u001A\u001C-\u001F]/g, () => (found++, REPLACEMENT));
  return { text: cleaned, replaced: replaced + found };
}

function multiByteCharacters(text: string): number {
  let count = 0;
  for (const char of text) if (char.codePointAt(0)! > 0x7f && char !== REPLACEMENT) count += 1;
  return count;
}

function countOf(text: string, char: string): number {
  let count = 0;
  for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) count += 1;
  return count;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/**
 * Mostly not text: NUL bytes beyond a stray few (two, or 1% of the sample), or control characters
 * beyond 5% of it. Tab, line feed, form feed, carriage return and escape occur in real text.
 */
function looksBinary(sample: Uint8Array): boolean {
  let nuls = 0;
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) nuls += 1;
    if (byte < 0x20 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13 && byte !== 27) controls += 1;
  }
  return nuls > Math.max(2, sample.length * 0.01) || controls > sample.length * 0.05;
}
