import { describe, expect, it } from 'vitest';
import { deriveContent } from '../../../electron/common/editor-state.ts';
import { countWords, readingMinutes } from '../../../electron/common/text.ts';

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['One.', 1],
    ['Hello, world!', 2],
    ['About 8,000 troops', 3],
    ['It cost $1.5 million.', 4],
    ['The Asia-Pacific region', 3],
    ['well-known, long-term fix', 3],
    ['— a dash — between —', 3],
    ["Don't stop", 2],
    ['Привет, мир', 2],
  ])('counts %j as %i words', (text, words) => {
    expect(countWords(text)).toBe(words);
  });

  it('splits scripts written without spaces into words instead of counting a run as one', () => {
    // ICU's dictionary segmenter decides the exact split; a whitespace count would say 1.
    expect(countWords('東京都内では記録的な大雨となった')).toBeGreaterThanOrEqual(6);
    expect(countWords('กรุงเทพมหานครเป็นเมืองหลวง')).toBeGreaterThanOrEqual(3);
  });

  it('gives a reading time of at least a minute for any text', () => {
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(10)).toBe(1);
    expect(readingMinutes(2300)).toBe(10);
  });
});

function state(...children: unknown[]): string {
  return JSON.stringify({ root: { type: 'root', children } });
}

describe('deriveContent', () => {
  it('renders headings, quotes, lists, formatting and safe links', () => {
    const derived = deriveContent(
      state(
        { type: 'heading', tag: 'h2', children: [{ type: 'text', text: 'Section', format: 0 }] },
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: 'bold', format: 1 },
            { type: 'text', text: ' and ', format: 0 },
            { type: 'link', url: 'https://example.com/a?b=1&c=2', children: [{ type: 'text', text: 'a link', format: 2 }] },
          ],
        },
        { type: 'quote', children: [{ type: 'text', text: 'Quoted', format: 0 }] },
        {
          type: 'list',
          listType: 'number',
          children: [
            { type: 'listitem', children: [{ type: 'text', text: 'one', format: 0 }] },
            { type: 'listitem', children: [{ type: 'text', text: 'two', format: 0 }] },
          ],
        },
      ),
    );
    expect(derived.html).toBe(
      '<h2>Section</h2><p><strong>bold</strong> and <a href="https://example.com/a?b=1&amp;c=2"><em>a link</em></a></p>' +
        '<blockquote>Quoted</blockquote><ol><li>one</li><li>two</li></ol>',
    );
    expect(derived.text).toBe('Section\n\nbold and a link\n\nQuoted\n\none\ntwo');
  });

  it('escapes text and drops links with unsafe schemes and unknown heading tags', () => {
    const derived = deriveContent(
      state(
        { type: 'heading', tag: 'script', children: [{ type: 'text', text: '<img src=x onerror=alert(1)>' }] },
        { type: 'paragraph', children: [{ type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'click' }] }] },
      ),
    );
    expect(derived.html).toBe('<h2>&lt;img src=x onerror=alert(1)&gt;</h2><p>click</p>');
  });

  it.each(['not json', '{}', '{"root":{"type":"paragraph"}}', 'null'])('rejects %j', (json) => {
    expect(() => deriveContent(json)).toThrow(TypeError);
  });
});
