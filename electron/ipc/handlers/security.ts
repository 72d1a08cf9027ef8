import { DatelineError } from '../../common/errors.ts';
import { heldKeyFor } from '../../library/cipher.ts';
import { changePassphrase, decryptLibrary, encryptLibrary } from '../../library/encryption.ts';
import {
  isEncryptedLibrary,
  keychainWrapOf,
  readKeysFile,
  unlockWithTyped,
  withKeychainWrap,
  writeKeysFile,
} from '../../library/library-keys.ts';
import type { Services } from './services.ts';
import type { HandlersOf } from './types.ts';

/**
 * Settings ▸ Security. Converting the library needs it to itself: other work is stopped and
 * refused meanwhile, the connections are closed, the file is converted and swapped, and the
 * library opens again under its new key (the window carries on where it was).
 */
export function securityHandlers({ library, app, keychain, exclusively, imports, downloads, searcher }: Services): HandlersOf<'security'> {
  const alone = <T>(work: () => Promise<T>) =>
    exclusively(async () => {
      imports.cancelAll();
      downloads.cancel();
      await Promise.allSettled([imports.settled(), downloads.idle()]);
      await searcher.close();
      let result: T | undefined;
      await library.replaceFile(async () => {
        result = await work();
      });
      return result as T;
    });
  const encrypted = () => isEncryptedLibrary(library.file);
  const rememberInKeychain = () => {
    const key = heldKeyFor(library.file);
    if (keychain && key) writeKeysFile(library.file, withKeychainWrap(readKeysFile(library.file), keychain.wrap(key)));
  };
  return {
    'security.status': () => ({
      encrypted: encrypted(),
      keychain: encrypted() && keychainWrapOf(readKeysFile(library.file)) !== null,
      required: app.policy.requireEncryption,
    }),
    'security.encrypt': ({ passphrase }) => {
      if (encrypted()) throw new DatelineError('CONFLICT', 'This library is encrypted already.');
      return alone(async () => {
        const result = await encryptLibrary(library.file, passphrase);
        rememberInKeychain();
        return result;
      });
    },
    'security.changePassphrase': ({ current, passphrase }) => {
      if (!encrypted()) throw new DatelineError('CONFLICT', 'This library is not encrypted.');
      changePassphrase(library.file, { key: checkedKey(library.file, current) }, passphrase);
      return {};
    },
    'security.decrypt': ({ current }) => {
      if (app.policy.requireEncryption) {
        throw new DatelineError('UNSUPPORTED', 'Your organization requires this library to stay encrypted.');
      }
      if (!encrypted()) throw new DatelineError('CONFLICT', 'This library is not encrypted.');
      const key = checkedKey(library.file, current);
      return alone(() => decryptLibrary(library.file, { key }));
    },
  };
}

/** The passphrase (or recovery key) asked again before the library's protection changes. */
function checkedKey(file: string, typed: string) {
  return unlockWithTyped(file, typed);
}
