import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DatelineError } from '../../../electron/common/errors.ts';
import { parsePlainText } from '../../../electron/import/formats/plain-text.ts';
import { FIXTURES, KURSK_FIXTURE } from '../../helpers/temp.ts';

function fixture(name: string) {
  return { name, bytes: readFileSync(new URL(`plain-text/${name}`, FIXTURES)) };
}

function parseText(text: string) {
  return parsePlainText({ name: 'story.txt', bytes: new TextEncoder().encode(text) });
}

describe('the plain-text importer on the scraped Kursk story', () => {
  const article = parsePlainText({ name: 'kursk.txt', bytes: readFileSync(KURSK_FIXTURE) });

  it('takes the first line as the title', () => {
    expect(article.title).toBe('Global Security Threatened as North Korean Soldiers Aid Russia Near Ukraine Border');
  });

  it('keeps the six story paragraphs and nothing of the site trailer', () => {
    expect(article.text.split('\n\n')).toHaveLength(6);
    expect(article.text.startsWith('The United States has reported')).toBe(true);
    expect(article.text.endsWith('avoid actions that might escalate the war further.')).toBe(true);
    for (const furniture of ['More From Author', 'Hezbollah', 'New Mexico']) {
      expect(article.text).not.toContain(furniture);
      expect(article.html).not.toContain(furniture);
    }
    expect(article.html.match(/<p>/g)).toHaveLength(6);
  });

  it('stores the trailer headlines as related links without URLs', () => {
    expect(article.related).toEqual([
      { title: 'Civilian Impact Mounts as Israel and Hezbollah Negotiate Under Fire.', url: null },
      { title: 'Strategies and Controversies in New Mexico', url: null },
    ]);
  });
});

describe('the plain-text importer on what else users bring', () => {
  it('handles a BOM, Windows line endings, blank lines around the text, a byline and a "Related Articles" trailer', () => {
    const article = parsePlainText(fixture('windows-bom-related.txt'));
    expect(article.title).toBe('Mayor resigns after audit');
    expect(article.byline).toBe('Ana Lima');
    expect(article.text).toBe(
      'The mayor of Springfield resigned on Friday after an audit found missing funds.\n\nCouncil members called for an inquiry.',
    );
    expect(article.related!.map((link) => link.title)).toEqual(['Audit finds gaps in city books', 'Who will lead Springfield next?']);
    expect(article.text).not.toMatch(/\r|\ufeff/);
  });

  it('reads a legacy Windows-1252 file that is not valid UTF-8', () => {
    const article = parsePlainText(fixture('windows-1252.txt'));
    expect(article.title).toBe('Café owners protest new rules');
    expect(article.text).toBe('The café association said the rules were “unfair”.');
  });

  it('keeps "Read more" inside a paragraph and a furniture-like line followed by prose as story', () => {
    const article = parsePlainText(fixture('trailer-word-in-body.txt'));
    expect(article.related).toEqual([]);
    expect(article.text).toContain('Read more');
    expect(article.text).toContain('You may also like:');
    expect(article.text).toContain('long paragraph');
  });

  it('reads non-Latin text', () => {
    const article = parsePlainText(fixture('japanese.txt'));
    expect(article.title).toBe('東京で大雨');
    expect(article.text).toContain('記録的な大雨');
  });

  it.each([
    ['More stories', 'Headline one'],
    ['YOU MIGHT ALSO LIKE', 'Headline one'],
    ['More from Reuters:', 'Headline one'],
    ['Recommended for you', 'Headline one'],
  ])('recognises the trailer heading "%s"', (heading, headline) => {
    const article = parseText(`Title\n\nA paragraph of the story.\n\n${heading}\n\n${headline}\nHeadline two`);
    expect(article.text).toBe('A paragraph of the story.');
    expect(article.related!.map((link) => link.title)).toEqual([headline, 'Headline two']);
  });

  it('does not treat a furniture heading at the very start of the body as a trailer', () => {
    const article = parseText('Title\n\nRelated\n\nShort line');
    expect(article.related).toEqual([]);
    expect(article.text).toBe('Related\n\nShort line');
  });

  it('reads UTF-16 with a byte order mark', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Title\n\nBody text.', 'utf16le')]);
    expect(parsePlainText({ name: 'a.txt', bytes: utf16 })).toMatchObject({ title: 'Title', text: 'Body text.' });
  });

  it('escapes markup in the text instead of keeping it', () => {
    const article = parseText('<b>Title</b>\n\n<script>alert(1)</script> & <img src=x onerror=alert(1)>');
    expect(article.html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;</p>');
  });

  it.each([
    ['an empty file', new Uint8Array(), /empty/],
    ['only blank lines', new TextEncoder().encode('\n \r\n\t\n'), /no text/],
    ['binary data', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]), /not text/],
  ])('refuses %s with a clear reason', (_name, bytes, reason) => {
    let error: unknown;
    try {
      parsePlainText({ name: 'x.txt', bytes });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DatelineError);
    expect((error as DatelineError).code).toBe('IMPORT_FAILED');
    expect((error as Error).message).toMatch(reason);
  });
});

describe('trailers written without blank lines', () => {
  it('reads each line under the heading as a headline', () => {
    const article = parseText('Title\n\nThe story.\n\nMore From Author\nFirst headline\nSecond headline\n');
    expect(article.text).toBe('The story.');
    expect(article.related!.map((link) => link.title)).toEqual(['First headline', 'Second headline']);
  });
});
