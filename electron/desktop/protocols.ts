import { protocol, session } from 'electron';
import { readFile } from 'node:fs/promises';
import { getMedia } from '../library/media.ts';
import type { Library } from '../library/library.ts';
import { MEDIA_SCHEME, mediaIdFromUrl } from '../common/media-url.ts';
import { APP_SCHEME, appPathFromUrl, isAllowedRequest } from '../shell/urls.ts';
import { CONTENT_SECURITY_POLICY, contentTypeOf, resolveStaticFile } from '../web/static-files.ts';

/** Must run before the app is ready: our two schemes behave like https for the page. */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, codeCache: true } },
    { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true } },
  ]);
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });

/**
 * The app is served from `dateline://app/` (not file://, which would give the page the run of
 * the disk) and media from `dateline-media://library/<id>`, read from the library itself.
 * Every other request from an app window is cancelled: nothing remote is ever loaded.
 */
export function serveProtocols(rendererDir: string, library: () => Library | null): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const path = appPathFromUrl(request.url);
    const file = path === null ? null : resolveStaticFile(rendererDir, path);
    if (!file) return notFound();
    try {
      return new Response(new Uint8Array(await readFile(file)), {
        headers: {
          'content-type': contentTypeOf(file),
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return notFound();
    }
  });

  protocol.handle(MEDIA_SCHEME, (request) => {
    const id = mediaIdFromUrl(request.url);
    const open = library();
    const media = id === null || !open ? null : getMedia(open, id);
    if (!media) return notFound();
    return new Response(new Uint8Array(media.bytes), {
      headers: {
        'content-type': media.mimeType,
        'x-content-type-options': 'nosniff',
        // An SVG opened on its own must not run script either.
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      },
    });
  });

  session.defaultSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
}
