import { describe, expect, it } from 'vitest';
import { libraryMediaUrl as mediaUrl, mediaIdFromUrl } from '../../../electron/common/media-url.ts';
import { appPathFromUrl, isAllowedRequest, isExternalLink } from '../../../electron/shell/urls.ts';
import { resolveStaticFile } from '../../../electron/web/static-files.ts';

describe('the media scheme', () => {
  it('serves only dateline-media://library/<id>', () => {
    expect(mediaIdFromUrl(mediaUrl(42))).toBe(42);
    expect(mediaIdFromUrl('dateline-media://library/7')).toBe(7);
  });

  it.each([
    'dateline-media://library/../7',
    'dateline-media://library/%2e%2e/7',
    'dateline-media://library/7/../../etc/passwd',
    'dateline-media://library/0',
    'dateline-media://library/-1',
    'dateline-media://library/7?x=1',
    'dateline-media://library/abc',
    'dateline-media://other/7',
    'dateline-media://user@library/7',
    'dateline://library/7',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(mediaIdFromUrl(url)).toBeNull();
  });
});

describe('the app scheme', () => {
  const root = '/opt/dateline/renderer';

  it('maps dateline://app/ paths into the renderer folder and nothing outside it', () => {
    expect(appPathFromUrl('dateline://app/index.html')).toBe('/index.html');
    expect(appPathFromUrl('dateline://elsewhere/index.html')).toBeNull();
    expect(resolveStaticFile(root, '/index.html')).toBe('/opt/dateline/renderer/index.html');
    expect(resolveStaticFile(root, '/')).toBe('/opt/dateline/renderer/index.html');
    expect(resolveStaticFile(root, '/assets/app.js')).toBe('/opt/dateline/renderer/assets/app.js');
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fsecret', '/%00', '/%E0%A4%A']) {
      expect(resolveStaticFile(root, path)).toBeNull();
    }
    // The URL parser itself folds "/../" away: a request can never climb out by plain dots.
    expect(appPathFromUrl('dateline://app/../../etc/passwd')).toBe('/etc/passwd');
    expect(resolveStaticFile(root, '/etc/passwd')).toBe('/opt/dateline/renderer/etc/passwd');
  });
});

describe('requests from an app window', () => {
  it('allow only the app, the library media and inline data', () => {
    for (const url of ['dateline://app/index.html', 'dateline-media://library/1', 'data:image/png;base64,AA', 'blob:dateline://app/1']) {
      expect(isAllowedRequest(url)).toBe(true);
    }
    for (const url of [
      'https://tracker.example/pixel.gif',
      'http://127.0.0.1:8080/',
      'ws://example.com',
      'file:///etc/passwd',
      'ftp://x',
    ]) {
      expect(isAllowedRequest(url)).toBe(false);
    }
  });

  it('open only http, https and mailto links outside the app', () => {
    expect(['https://example.com', 'http://example.com', 'mailto:desk@example.com'].every(isExternalLink)).toBe(true);
    expect(['javascript:alert(1)', 'file:///etc/passwd', 'smb://server/share', 'zoommtg://x', 'dateline://app/'].some(isExternalLink)).toBe(
      false,
    );
  });
});

describe('links as they leave the app', () => {
  it('keep only the recipients, subject and body of a mail link', async () => {
    const { outgoingLink } = await import('../../../electron/common/links.ts');
    expect(outgoingLink('mailto:desk@example.com?subject=Tip%20off&body=Hello&attach=/etc/passwd&bcc=spy@attacker.example')).toBe(
      'mailto:desk@example.com?subject=Tip%20off&body=Hello',
    );
    expect(outgoingLink('mailto:desk@example.com?ATTACH=~/.ssh/id_rsa')).toBe('mailto:desk@example.com');
    expect(outgoingLink('https://user:pass@example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(outgoingLink('file:///etc/passwd')).toBeNull();
    expect(outgoingLink('javascript:alert(1)')).toBeNull();
  });
});
