import { describe, expect, it } from 'vitest';
import { readText, replacedBytesNote, withoutControls } from '../../../electron/import/decode.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const joined = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

describe('reading the bytes of a text file', () => {
  it('regression: a text file with a few invalid bytes is read with replacement characters and a note, not refused as binary', () => {
    const story = utf8('Café owners protest\n\nThe owners of the café met the mayor on Monday about the new rules. '.repeat(4));
    // A NUL from a bad copy, and an "é" cut in half, in a file that is otherwise good UTF-8.
    const damaged = joined(story.subarray(0, 40), Uint8Array.of(0x00), story.subarray(40, 80), Uint8Array.of(0xc3), story.subarray(80));
    const read = withoutControls(readText(damaged));
    expect(read.replaced).toBe(2);
    expect(read.text).toContain('Café owners protest');
    expect(read.text.match(/\uFFFD/g)).toHaveLength(2);
    expect(replacedBytesNote(read)).toBe('2 bytes that are not text were shown as “�”.');
  });

  it('reads good text with nothing replaced and no note', () => {
    const read = readText(utf8('東京で大雨\n\n記録的な大雨。'));
    expect(read).toEqual({ text: '東京で大雨\n\n記録的な大雨。', replaced: 0 });
    expect(replacedBytesNote(read)).toBeNull();
  });

  it('reads a Windows-1252 file as Windows-1252, not as damaged UTF-8', () => {
    const read = readText(Uint8Array.from([...'Caf', 0xe9, ...' owners'].map((c) => (typeof c === 'number' ? c : c.charCodeAt(0)))));
    expect(read).toEqual({ text: 'Café owners', replaced: 0 });
  });

  it('still refuses a file that is mostly not text', () => {
    expect(() => readText(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]))).toThrow(/not text/);
    expect(() => readText(joined(utf8('Title\n\n'), new Uint8Array(200)))).toThrow(/not text/);
  });
});
