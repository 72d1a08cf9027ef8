import { useState, type FormEvent } from 'react';
import type { LibraryStatus } from '../../../electron/ipc/contract.ts';
import { call, messageOf } from '../client/api.ts';

/**
 * Shown instead of the app when the library is encrypted and no key came with the start
 * (no keychain entry, no DATELINE_PASSPHRASE). A wrong passphrase is said so and may be typed
 * again; the recovery key is taken in the same box.
 */
export function Unlock({ status }: { status: LibraryStatus }) {
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const unlock = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call('library.unlock', { secret });
      window.location.reload();
    } catch (reason) {
      setError(messageOf(reason));
      setBusy(false);
    }
  };

  return (
    <main className="recovery" aria-labelledby="unlock-title">
      <h1 id="unlock-title">Your library is encrypted</h1>
      <p>
        Give the passphrase of <code>{status.file}</code> to open it. If it is forgotten, the recovery key shown when the library was
        encrypted opens it too.
      </p>
      <form className="passphrase-form" onSubmit={(event) => void unlock(event)}>
        <label>
          Passphrase or recovery key{' '}
          <input
            type="password"
            autoComplete="current-password"
            autoFocus
            value={secret}
            onChange={(event) => setSecret(event.target.value)}
          />
        </label>
        {error && (
          <p role="alert" className="inline-error">
            {error}
          </p>
        )}
        <div className="backup-controls">
          <button type="submit" disabled={busy || secret === ''}>
            {busy ? 'Opening…' : 'Open the library'}
          </button>
        </div>
      </form>
    </main>
  );
}
