import { useEffect, useState } from 'react';
import type { BackupInfo } from '../../../electron/common/backups.ts';
import type { LibraryStatus } from '../../../electron/ipc/contract.ts';
import { call, messageOf, subscribe } from '../client/api.ts';
import { articleCount, BackupList, describeBackupDate } from '../settings/BackupList.tsx';

/**
 * Shown instead of the app when the library failed its check on start. Nothing has been
 * written to it; restoring moves it aside unchanged and opens the backup in its place.
 */
export function Recovery({ status }: { status: LibraryStatus }) {
  const [backups, setBackups] = useState<BackupInfo[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('backups.list', {}).then(
      (listed) => setBackups(listed.backups),
      (reason: unknown) => setError(`Could not list the backups: ${messageOf(reason)}`),
    );
  }, []);
  useEffect(() => subscribe('library.restored', () => window.location.reload()), []);

  const restore = async (backup: BackupInfo) => {
    setBusy(true);
    setError(null);
    try {
      await call('backups.restore', { name: backup.name });
      window.location.reload();
    } catch (reason) {
      setError(`The backup was not restored: ${messageOf(reason)}`);
      setBusy(false);
    }
  };

  const recover = async (action: 'open-as-is' | 'start-new') => {
    setBusy(true);
    setError(null);
    try {
      await call('library.recover', { action });
      window.location.reload();
    } catch (reason) {
      setError(`The library was not opened: ${messageOf(reason)}`);
      setBusy(false);
    }
  };

  const { suggested } = status;
  return (
    <main className="recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title">{status.canOpenAsIs ? 'Your library is much smaller than its backup' : 'Your library is damaged'}</h1>
      {status.canOpenAsIs ? (
        <p>
          Dateline compares the library with its newest backup each time it starts, and <code>{status.file}</code> now holds far fewer
          articles: it may have been replaced by an older or emptied copy. Dateline has not opened it and has not changed it.
        </p>
      ) : (
        <p>
          Dateline checks the library each time it starts, and this time the check found damage in <code>{status.file}</code>. Dateline has
          not opened it and has not changed it.
        </p>
      )}
      <details>
        <summary>What the check found</summary>
        <ul>
          {status.problems.slice(0, 20).map((problem, index) => (
            <li key={index}>{problem}</li>
          ))}
        </ul>
      </details>
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
      {suggested ? (
        <section aria-labelledby="suggested-title" className="recovery-offer">
          <h2 id="suggested-title">Restore the newest good backup</h2>
          <p>
            The backup of {describeBackupDate(suggested)} holds {articleCount(suggested)} and passed its check. The damaged library will be
            moved aside, unchanged, in case you need anything from it.
          </p>
          <button type="button" className="primary" disabled={busy} onClick={() => void restore(suggested)}>
            {busy ? 'Restoring…' : `Restore the backup of ${describeBackupDate(suggested)}`}
          </button>
        </section>
      ) : (
        <p>There is no good backup to restore. Keep the damaged file; the SQLite tools can often recover most of it.</p>
      )}
      <section aria-labelledby="other-ways-title" className="recovery-other">
        <h2 id="other-ways-title">Other ways on</h2>
        {status.canOpenAsIs && (
          <p>
            If you removed those articles yourself, open the library as it is. The fuller backup stays among the backups.{' '}
            <button type="button" disabled={busy} onClick={() => void recover('open-as-is')}>
              Open the library as it is
            </button>
          </p>
        )}
        <p>
          Or start again with a new, empty library. The current file is moved aside under a new name, unchanged, and nothing is deleted.{' '}
          <button type="button" disabled={busy} onClick={() => void recover('start-new')}>
            Start a new library
          </button>
        </p>
      </section>
      {backups.length > 0 && (
        <section aria-labelledby="all-backups-title">
          <h2 id="all-backups-title">All backups</h2>
          <BackupList backups={backups} busy={busy} keepsCurrent={false} onRestore={(backup) => void restore(backup)} />
        </section>
      )}
    </main>
  );
}
