import { safeStorage } from 'electron';
import { heldKeyFor } from '../library/cipher.ts';
import { isEncryptedLibrary, keychainWrapOf, readKeysFile, unlockAtStart, unlockLibrary, keepInKeychain } from '../library/library-keys.ts';

/**
 * The desktop app opens an encrypted library without asking: its data key is kept wrapped
 * by the OS keychain (Keychain, DPAPI, libsecret/kwallet through Electron's safeStorage) in
 * the library's keys file. A library encrypted elsewhere (the CLI) is unlocked once by its
 * passphrase (DATELINE_PASSPHRASE), and the keychain's wrap is added then. Returns a
 * sentence for the person when the library stays locked.
 */
export async function unlockWithKeychain(libraryFile: string, log: (message: string, error?: unknown) => void): Promise<string | null> {
  if (!isEncryptedLibrary(libraryFile)) return null;
  const available = safeStorage.isEncryptionAvailable();
  let wrapped: Uint8Array | null = null;
  try {
    wrapped = available ? keychainWrapOf(readKeysFile(libraryFile)) : null;
  } catch (error) {
    // A keys file that cannot be read leaves the recovery key, which the window asks for.
    return (error as Error).message;
  }
  if (wrapped) {
    try {
      unlockLibrary(libraryFile, { key: Buffer.from(safeStorage.decryptString(Buffer.from(wrapped)), 'hex') });
      return null;
    } catch (error) {
      log('the keychain entry did not unlock the library', error);
    }
  }
  try {
    await unlockAtStart(libraryFile);
  } catch (error) {
    return `${(error as Error).message} ${available ? '' : 'This computer offers no keychain to keep the key in.'}`.trim();
  }
  const key = heldKeyFor(libraryFile);
  const wrapper = keychainWrapper();
  if (key && wrapper) keepInKeychain(libraryFile, key, wrapper.wrap, log);
  return null;
}

/** How the handlers wrap a newly encrypted library's key, when this computer has a keychain. */
export function keychainWrapper(): { wrap(key: Uint8Array): Uint8Array } | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  return { wrap: (key) => safeStorage.encryptString(Buffer.from(key).toString('hex')) };
}
