import { describe, expect, it } from 'vitest';
import { contentHash, urlKey } from '../../../electron/library/identity.ts';
import { resolveLibraryPath, userDataDir } from '../../../electron/library/location.ts';

describe('urlKey', () => {
  it('gives two addresses of one story the same key', () => {
    const key = urlKey('https://www.Example.com/news/story/?utm_source=x&b=2&a=1#comments');
    expect(key).toBe('example.com/news/story?a=1&b=2');
    expect(urlKey('http://example.com/news/story?a=1&b=2&fbclid=abc')).toBe(key);
  });

  it('keeps a fragment that is a web app’s route, and drops one that is a place in the page', () => {
    expect(urlKey('https://groups.example/forum/#!topic/harbour/abc')).toBe('groups.example/forum#!topic/harbour/abc');
    expect(urlKey('https://groups.example/forum/#!topic/harbour/xyz')).not.toBe(urlKey('https://groups.example/forum/#!topic/harbour/abc'));
    expect(urlKey('https://mail.example/mail/u/0/#inbox/FMfcgzQ')).toBe('mail.example/mail/u/0#inbox/FMfcgzQ');
    expect(urlKey('https://video.example/#/watch/123')).toBe('video.example#/watch/123');
    expect(urlKey('https://news.example/story#comments')).toBe('news.example/story');
    expect(urlKey('https://news.example/story#section-2')).toBe(urlKey('https://news.example/story'));
  });

  it.each([
    'https://www.news.example/2026/ferry-strike/amp',
    'https://amp.news.example/2026/ferry-strike',
    'https://news.example/2026/ferry-strike?amp=1',
    'https://news.example/2026/ferry-strike?outputType=amp',
    'https://news-example.cdn.ampproject.org/c/s/news.example/2026/ferry-strike',
    'https://www.google.com/amp/s/news.example/2026/ferry-strike',
    'https://m.news.example/2026/ferry-strike',
    'https://news.example/2026/ferry-strike?at_medium=RSS&at_campaign=rss&CMP=share_btn',
    'https://news.example/2026/ferry-strike?guccounter=1&guce_referrer=aHR0',
  ])('regression: %s was a second article beside the page itself', (copy) => {
    expect(urlKey(copy)).toBe(urlKey('https://news.example/2026/ferry-strike'));
  });

  it('keeps apart what only looks like an AMP or mobile copy', () => {
    expect(urlKey('https://en.m.wikipedia.org/wiki/Harbour')).toBe(urlKey('https://en.wikipedia.org/wiki/Harbour'));
    expect(urlKey('https://news.example/amplifiers')).toBe('news.example/amplifiers');
    expect(urlKey('https://news.example/story?output=json')).toBe('news.example/story?output=json');
    expect(urlKey('https://x.com/port/status/1?s=20&t=abc')).toBe('x.com/port/status/1');
    expect(urlKey('https://search.example/?s=harbour')).toBe('search.example?s=harbour');
  });

  it('is null for what is not a web address', () => {
    expect(urlKey('javascript:alert(1)')).toBeNull();
    expect(urlKey('not a url')).toBeNull();
    expect(urlKey(null)).toBeNull();
  });
});

describe('contentHash', () => {
  it('ignores case, spacing and punctuation but not words', () => {
    expect(contentHash('Title', 'Some  text, here.')).toBe(contentHash('TITLE', 'some text here'));
    expect(contentHash('Title', 'Some text here')).not.toBe(contentHash('Title', 'Some text there'));
  });
});

describe('the library location', () => {
  it('matches Electron userData on each platform', () => {
    expect(userDataDir('linux', {}, '/home/ana')).toBe('/home/ana/.config/Dateline');
    expect(userDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ana')).toBe('/cfg/Dateline');
    expect(userDataDir('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Application Support/Dateline');
    expect(userDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toMatch(/Roaming[\\/]Dateline$/);
  });

  it('prefers --library, then DATELINE_LIBRARY', () => {
    expect(resolveLibraryPath('/a.sqlite', { DATELINE_LIBRARY: '/b.sqlite' })).toBe('/a.sqlite');
    expect(resolveLibraryPath(undefined, { DATELINE_LIBRARY: '/b.sqlite' })).toBe('/b.sqlite');
    expect(resolveLibraryPath(undefined, { XDG_CONFIG_HOME: '/cfg' })).toMatch(/Dateline[\\/]library\.sqlite$/);
  });
});
