import { describe, expect, it } from 'vitest';
import { loopbackAddress } from '../../extension/src/app-client.ts';
import { tagsFrom } from '../../extension/src/tags.ts';

describe('the extension', () => {
  it('sends pages only to this computer', () => {
    expect(loopbackAddress(' http://127.0.0.1:47615/ ')).toBe('http://127.0.0.1:47615');
    expect(loopbackAddress('http://localhost:5000/path')).toBe('http://localhost:5000');
    expect(loopbackAddress('http://[::1]:47615')).toBe('http://[::1]:47615');
    for (const elsewhere of [
      'https://127.0.0.1:47615',
      'http://127.0.0.1.evil.example',
      'http://10.0.0.2:47615',
      'file:///etc/passwd',
      'not an address',
    ]) {
      expect(loopbackAddress(elsewhere)).toBeNull();
    }
  });

  it('reads the tags typed in the popup once each, without blanks', () => {
    expect(tagsFrom(' politics, to read,,politics , ')).toEqual(['politics', 'to read']);
    expect(tagsFrom('')).toEqual([]);
    expect(tagsFrom(Array.from({ length: 80 }, (_, i) => `t${i}`).join(','))).toHaveLength(50);
  });
});
