import { DatelineError } from '../../common/errors.ts';
import { heldKeyFor } from '../../library/cipher.ts';
import { changePassphrase, decryptLibrary, encryptLibrary, type ConversionOptions } from '../../library/encryption.ts';
import {
  isEncryptedLibrary,
  keychainWrapOf,
  readKeysFile,
  unlockWithTyped,
  keepInKeychain,
  withoutKeychainWrap,
  writeKeysFile,
} from '../../library/library-keys.ts';
import type { Services } from './services.ts';
import type { HandlersOf } from './types.ts';

/**
 * Settings ▸ Security. Converting the library needs it to itself: other work is stopped and
 * refused meanwhile, the connections are closed, the file is converted and swapped, and the
 * library opens again under its new key (the window carries on where it was).
 */
export function securityHandlers({
  library,
  app,
  log,
  keychain,
  emit,
  exclusively,
  imports,
  downloads,
  searcher,
}: Services): HandlersOf<'security'> {
  let converting: AbortController | null = null;
  const alone = <T>(work: (options: ConversionOptions) => Promise<T>) =>
    exclusively(
      async () => {
        imports.cancelAll();
        downloads.cancel();
        await Promise.allSettled([imports.settled(), downloads.idle()]);
        await searcher.close();
        const controller = new AbortController();
        converting = controller;
        const options: ConversionOptions = {
          signal: controller.signal,
          onProgress: (step, detail) => emit('security.progress', { step, ...detail }),
        };
        let result: T | undefined;
        try {
          await library.replaceFile(async () => {
            result = await work(options);
          });
        } finally {
          converting = null;
        }
        return result as T;
      },
      { reason: 'Dateline is converting the library; try again when it is done.', allow: ['security.cancel', 'app.info', 'settings.get'] },
    );
  const encrypted = () => isEncryptedLibrary(library.file);
  const rememberInKeychain = () => {
    const key = heldKeyFor(library.file);
    if (keychain && key) keepInKeychain(library.file, key, keychain.wrap, log);
  };
  return {
    'security.status': () => ({
      encrypted: encrypted(),
      keychain: encrypted() && keychainWrapOf(readKeysFile(library.file)) !== null,
      required: app.policy.requireEncryption,
    }),
    'security.encrypt': ({ passphrase }) => {
      if (encrypted()) throw new DatelineError('CONFLICT', 'This library is encrypted already.');
      return alone(async (options) => {
        const result = await encryptLibrary(library.file, passphrase, options);
        rememberInKeychain();
        return result;
      });
    },
    'security.cancel': () => {
      converting?.abort();
      return { cancelled: converting !== null };
    },
    // The passphrase (or recovery key) is asked again before the library's protection changes.
    'security.forgetKeychain': ({ current }) => {
      if (!encrypted()) throw new DatelineError('CONFLICT', 'This library is not encrypted.');
      unlockWithTyped(library.file, current);
      writeKeysFile(library.file, withoutKeychainWrap(readKeysFile(library.file)));
      return {};
    },
    'security.changePassphrase': ({ current, passphrase }) => {
      if (!encrypted()) throw new DatelineError('CONFLICT', 'This library is not encrypted.');
      changePassphrase(library.file, { key: unlockWithTyped(library.file, current) }, passphrase);
      return {};
    },
    'security.decrypt': ({ current }) => {
      if (app.policy.requireEncryption) {
        throw new DatelineError('UNSUPPORTED', 'Your organization requires this library to stay encrypted.');
      }
      if (!encrypted()) throw new DatelineError('CONFLICT', 'This library is not encrypted.');
      const key = unlockWithTyped(library.file, current);
      return alone((options) => decryptLibrary(library.file, { key }, options));
    },
  };
}
