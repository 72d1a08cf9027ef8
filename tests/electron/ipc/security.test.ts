import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../electron/ipc/dispatcher.ts';
import type { HandlerContext } from '../../../electron/ipc/handlers/services.ts';
import { LibrarySession } from '../../../electron/ipc/session.ts';
import { encryptLibrary } from '../../../electron/library/encryption.ts';
import { hasPlainHeader } from '../../../electron/library/cipher.ts';
import { createDraft } from '../../../electron/library/drafts.ts';
import { Library } from '../../../electron/library/library.ts';
import { lockLibrary } from '../../../electron/library/library-keys.ts';
import { describeApp } from '../../../electron/policy/app-info.ts';
import { policySchema } from '../../../electron/policy/policy.ts';
import { tempDir, testAppInfo } from '../../helpers/temp.ts';

const PASSPHRASE = 'desk passphrase one';
let open: { library: Library; file: string } | null = null;
afterEach(() => {
  open?.library.close();
  if (open) lockLibrary(open.file);
  open = null;
});

function dispatcherOn(
  policy: object = {},
  extra: Pick<HandlerContext, 'keychain'> & { emit?: HandlerContext['emit'] } = {},
): { dispatch: Dispatch; library: Library } {
  const file = join(tempDir(), 'library.sqlite');
  const library = Library.open(file);
  createDraft(library, { title: 'Notes from the harbour' });
  open = { library, file };
  const app = describeApp({
    mode: 'browser',
    version: '0',
    libraryPath: file,
    loaded: { policy: policySchema.parse(policy), source: null, problem: null },
    isPackaged: false,
  });
  return { dispatch: createDispatcher({ library, app, emit: () => undefined, resumeDownloads: false, ...extra }), library };
}

async function value<T>(dispatch: Dispatch, channel: string, input: unknown): Promise<T> {
  const result = await dispatch(channel, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value as T;
}

describe('the security channels', () => {
  it('encrypt the open library, which keeps serving, and change its passphrase only with the current one', async () => {
    const { dispatch, library } = dispatcherOn();
    expect(await value(dispatch, 'security.status', {})).toEqual({ encrypted: false, keychain: false, required: false });
    const { recoveryKey } = await value<{ recoveryKey: string }>(dispatch, 'security.encrypt', { passphrase: PASSPHRASE });
    expect(hasPlainHeader(library.file)).toBe(false);
    expect(await value(dispatch, 'security.status', {})).toMatchObject({ encrypted: true });
    expect((await value<{ total: number }>(dispatch, 'articles.list', {})).total).toBe(1);
    await expect(
      value(dispatch, 'security.changePassphrase', { current: 'wrong passphrase', passphrase: 'another passphrase' }),
    ).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    // The recovery key stands in for a forgotten passphrase.
    await value(dispatch, 'security.changePassphrase', { current: recoveryKey, passphrase: 'another passphrase' });
    await value(dispatch, 'security.decrypt', { current: 'another passphrase' });
    expect(hasPlainHeader(library.file)).toBe(true);
    expect((await value<{ total: number }>(dispatch, 'articles.list', {})).total).toBe(1);
  });

  it('refuse a short passphrase at the contract, and decrypting when the policy requires encryption', async () => {
    const { dispatch, library } = dispatcherOn({ security: { requireEncryption: true } });
    await expect(value(dispatch, 'security.encrypt', { passphrase: 'short' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await value(dispatch, 'security.status', {})).toMatchObject({ required: true });
    await value(dispatch, 'security.encrypt', { passphrase: PASSPHRASE });
    await expect(value(dispatch, 'security.decrypt', { current: PASSPHRASE })).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    expect(hasPlainHeader(library.file)).toBe(false);
  });

  it('serve a locked library only its unlocking until the right passphrase is given, then everything', async () => {
    const file = join(tempDir(), 'library.sqlite');
    const plain = Library.open(file);
    createDraft(plain, { title: 'Sources for the port story' });
    plain.close();
    await encryptLibrary(file, PASSPHRASE);
    lockLibrary(file);
    const session = await LibrarySession.start({ file, app: testAppInfo, emit: () => undefined, dailyBackups: false });
    try {
      expect(await value(session.dispatch, 'library.status', {})).toMatchObject({ healthy: false, locked: true });
      await expect(value(session.dispatch, 'articles.list', {})).rejects.toMatchObject({ code: 'LIBRARY_LOCKED' });
      await expect(value(session.dispatch, 'library.unlock', { secret: 'not it at all' })).rejects.toMatchObject({
        code: 'WRONG_PASSPHRASE',
      });
      await value(session.dispatch, 'library.unlock', { secret: PASSPHRASE });
      expect(await value(session.dispatch, 'library.status', {})).toMatchObject({ healthy: true, locked: false });
      expect((await value<{ total: number }>(session.dispatch, 'articles.list', {})).total).toBe(1);
    } finally {
      session.close();
      lockLibrary(file);
    }
  });

  it('stop an encryption cancelled before the swap, leaving the library plain and serving; other calls wait', async () => {
    let dispatch: Dispatch = async () => ({ ok: true, value: null });
    const refused: string[] = [];
    const opened = dispatcherOn(
      {},
      {
        emit: (event, payload) => {
          if (event !== 'security.progress' || (payload as { step: string }).step !== 'converting') return;
          void dispatch('articles.list', {}).then((result) => !result.ok && refused.push(result.error.message));
          void dispatch('security.cancel', {});
        },
      },
    );
    dispatch = opened.dispatch;
    await expect(value(dispatch, 'security.encrypt', { passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(refused).toEqual(['Dateline is converting the library; try again when it is done.']);
    expect(hasPlainHeader(opened.library.file)).toBe(true);
    expect(await value(dispatch, 'security.status', {})).toMatchObject({ encrypted: false });
    expect((await value<{ total: number }>(dispatch, 'articles.list', {})).total).toBe(1);
  });

  it('keep the key in the keychain when there is one, and forget it there on asking', async () => {
    const { dispatch } = dispatcherOn({}, { keychain: { wrap: (key) => Buffer.from(key).reverse() } });
    await value(dispatch, 'security.encrypt', { passphrase: PASSPHRASE });
    expect(await value(dispatch, 'security.status', {})).toMatchObject({ encrypted: true, keychain: true });
    await expect(value(dispatch, 'security.forgetKeychain', { current: 'wrong one here' })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    await value(dispatch, 'security.forgetKeychain', { current: PASSPHRASE });
    expect(await value(dispatch, 'security.status', {})).toMatchObject({ encrypted: true, keychain: false });
  });

  it('regression: a keychain that refuses does not lose the recovery key of an encryption that worked', async () => {
    const { dispatch, library } = dispatcherOn(
      {},
      {
        keychain: {
          wrap: () => {
            throw new Error('The secret service is not running.');
          },
        },
      },
    );
    const { recoveryKey } = await value<{ recoveryKey: string }>(dispatch, 'security.encrypt', { passphrase: PASSPHRASE });
    expect(recoveryKey).toMatch(/^(\w{4}-){12}\w{4}$/);
    expect(hasPlainHeader(library.file)).toBe(false);
    expect(await value(dispatch, 'security.status', {})).toMatchObject({ encrypted: true, keychain: false });
  });
});
