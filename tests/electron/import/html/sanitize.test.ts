import { describe, expect, it } from 'vitest';
import { sanitizeForLibrary, sanitizerWindowsOpened } from '../../../../electron/import/html/sanitize.ts';

describe('sanitizing for the library', () => {
  it('regression: a link with no address, or whose javascript: address was taken out, is plain text', () => {
    expect(sanitizeForLibrary('<p>a <a>plain</a> b <a href="javascript:alert(1)"><em>js</em></a> c <a name="top">anchor</a></p>')).toBe(
      '<p>a plain b <em>js</em> c anchor</p>',
    );
  });

  it('keeps a link to the web, and sanitizes what was inside a link it unwraps', () => {
    expect(sanitizeForLibrary('<p><a href="https://news.example/">ok</a> <a><img src="x" onerror="alert(1)">x</a></p>')).toBe(
      '<p><a href="https://news.example/">ok</a> <img>x</p>',
    );
  });

  it('lets a <body> in an article add nothing: its content is kept, its attributes and handlers go', () => {
    expect(sanitizeForLibrary('<p>a</p><body onload="x()" class="pullquote"><p>b</p></body><svg><body><p>c</p></body></svg>')).toBe(
      '<p>a</p><p>b</p><p>c</p>',
    );
    expect(sanitizeForLibrary('<html><body class="pullquote" onload="x()"><p id="q">only</p></body></html>')).toBe('<p>only</p>');
  });

  it('regression: renews its jsdom window as it ages, so a long import does not slow down as it goes', () => {
    const before = sanitizerWindowsOpened();
    for (let i = 0; i < 450; i += 1) expect(sanitizeForLibrary(`<p onclick="x()">Story ${i}</p>`)).toBe(`<p>Story ${i}</p>`);
    expect(sanitizerWindowsOpened() - before).toBeGreaterThanOrEqual(2);
  });
});

describe('regression: a <frameset> in an article', () => {
  it('is dropped with its handlers, and the story around it kept, instead of the import failing', () => {
    expect(
      sanitizeForLibrary('<frameset onload="window.pwned=1"><frame src="https://attacker.example"></frameset><p>The ferry ran.</p>'),
    ).toBe('<p>The ferry ran.</p>');
    expect(sanitizeForLibrary('<FRAMESET ONLOAD="x()"></FRAMESET>')).toBe('');
  });
});
