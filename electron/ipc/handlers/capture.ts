import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { PAIRING_CODE_MS } from '../../common/capture.ts';
import { DatelineError } from '../../common/errors.ts';
import {
  addCaptureClient,
  authorizeCaptureClient,
  listCaptureClients,
  revokeCaptureClient,
  touchCaptureClient,
} from '../../library/capture-clients.ts';
import { queueLinks } from '../../library/saved-links.ts';
import type { Services } from './services.ts';
import type { HandlersOf } from './types.ts';

/** Wrong codes typed before the one shown stops working (a new one is a click away). */
const PAIRING_ATTEMPTS = 5;

/** Reading a saved page (the worker, Readability) loads with the first save, not at start. */
const capturing = () => import('../../import/capture/save.ts');

/**
 * Saving from the browser. Settings shows a code; the extension sends it once (through the
 * capture endpoint, which adds the extension's origin) and gets a token bound to that
 * origin; every save carries the token. Only one code is live at a time, it works once,
 * for ten minutes, and five wrong guesses void it.
 */
export function captureHandlers({ library, emit, changed, allowed, downloads, captureListener }: Services): HandlersOf<'capture'> {
  let pairing: { code: string; expiresAt: number; attemptsLeft: number } | null = null;
  const livePairing = () => (pairing && pairing.expiresAt > Date.now() && pairing.attemptsLeft > 0 ? pairing : null);
  const told = <T>(value: T): T => {
    emit('capture.changed', {});
    return value;
  };
  const requireCapture = () => {
    if (!allowed('browser-capture')) {
      throw new DatelineError('UNSUPPORTED', 'Your organisation’s policy turns off saving pages from the browser extension.');
    }
  };

  return {
    'capture.status': () => {
      const listener = captureListener();
      const live = livePairing();
      return {
        port: listener.port,
        problem: allowed('browser-capture')
          ? listener.problem
          : 'Your organisation’s policy turns off saving pages from the browser extension.',
        clients: listCaptureClients(library),
        pairing: live ? { code: live.code, expiresAt: new Date(live.expiresAt).toISOString() } : null,
      };
    },
    'capture.startPairing': () => {
      requireCapture();
      const digits = String(randomInt(0, 100_000_000)).padStart(8, '0');
      pairing = {
        code: `${digits.slice(0, 4)}-${digits.slice(4)}`,
        expiresAt: Date.now() + PAIRING_CODE_MS,
        attemptsLeft: PAIRING_ATTEMPTS,
      };
      return told({ code: pairing.code, expiresAt: new Date(pairing.expiresAt).toISOString() });
    },
    'capture.cancelPairing': () => {
      pairing = null;
      return told({});
    },
    'capture.revoke': ({ id }) => {
      revokeCaptureClient(library, id);
      return told({});
    },
    'capture.pair': ({ code, origin, name }) => {
      requireCapture();
      const live = livePairing();
      if (!live) {
        throw new DatelineError(
          'NOT_PAIRED',
          'No pairing code is being shown: open Settings ▸ Browser extension in Dateline and choose “Pair a browser”.',
        );
      }
      if (!sameCode(code, live.code)) {
        live.attemptsLeft -= 1;
        throw new DatelineError(
          'NOT_PAIRED',
          live.attemptsLeft > 0
            ? 'That is not the code Dateline shows: type the eight digits from Settings ▸ Browser extension.'
            : 'Too many wrong codes: choose “Pair a browser” in Dateline again for a new one.',
        );
      }
      pairing = null;
      const token = randomBytes(32).toString('hex');
      const client = addCaptureClient(library, { name, origin, token });
      return told({ token, client });
    },
    'capture.check': ({ token, origin }) => {
      requireCapture();
      const client = authorizeCaptureClient(library, token, origin);
      return { name: client.name };
    },
    'capture.save': async ({ token, origin, page }) => {
      requireCapture();
      const client = authorizeCaptureClient(library, token, origin);
      const { saveCapture } = await capturing();
      const saved = await saveCapture(library, page);
      touchCaptureClient(library, client.id);
      if (saved.linkOnly && allowed('fetch-urls')) {
        queueLinks(library, [saved.articleId]);
        downloads.resume();
      }
      changed([saved.articleId]);
      if (saved.highlighted) emit('highlights.changed', { articleId: saved.articleId });
      return told({ articleId: saved.articleId, title: saved.title, duplicate: saved.duplicate, highlighted: saved.highlighted });
    },
  };
}

/** Digits compared whatever the person typed between them (spaces, a dash). */
function sameCode(given: string, shown: string): boolean {
  const a = Buffer.from(given.replace(/\D/g, ''));
  const b = Buffer.from(shown.replace(/\D/g, ''));
  return a.length === b.length && timingSafeEqual(a, b);
}
