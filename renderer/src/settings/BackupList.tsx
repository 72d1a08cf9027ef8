import { useState } from 'react';
import type { BackupInfo, BackupKind } from '../../../electron/common/backups.ts';

const KIND_LABELS: Record<BackupKind, string> = {
  daily: 'Daily',
  manual: 'Made by you',
  'before-upgrade': 'Before an upgrade',
  'before-restore': 'Before a restore',
};

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function describeBackupDate(backup: BackupInfo): string {
  return when.format(new Date(backup.createdAt));
}

export function articleCount(backup: BackupInfo): string {
  if (backup.articles === null) return '—';
  return backup.articles === 1 ? '1 article' : `${backup.articles.toLocaleString()} articles`;
}

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The backups, newest first, each with a "Restore…" that asks before acting. What the
 * confirmation says is the same wherever the list is shown: the current library is kept.
 */
export function BackupList({
  backups,
  busy,
  keepsCurrent,
  onRestore,
}: {
  backups: BackupInfo[];
  busy: boolean;
  /** Whether the current library is kept as a backup (true) or moved aside damaged (false). */
  keepsCurrent: boolean;
  onRestore: (backup: BackupInfo) => void;
}) {
  const [confirming, setConfirming] = useState<string | null>(null);
  if (backups.length === 0) return <p className="setting-value">No backups yet.</p>;
  return (
    <ul className="backup-list" aria-label="Backups">
      {backups.map((backup) => (
        <li key={backup.name} className="backup" data-backup={backup.name}>
          <div className="backup-facts">
            <strong>{describeBackupDate(backup)}</strong>
            <span>{KIND_LABELS[backup.kind]}</span>
            <span>{articleCount(backup)}</span>
            <span>{size(backup.bytes)}</span>
          </div>
          {backup.problem ? (
            <p className="inline-error">{backup.problem}</p>
          ) : confirming === backup.name ? (
            <div className="backup-confirm" role="group" aria-label="Confirm restore">
              <p>
                Replace the library with this backup ({articleCount(backup)})?{' '}
                {keepsCurrent
                  ? 'The library as it is now is kept as a backup first, so this can be undone.'
                  : 'The damaged library is moved aside, unchanged.'}
              </p>
              <button type="button" className="primary" disabled={busy} onClick={() => onRestore(backup)}>
                Restore
              </button>
              <button type="button" disabled={busy} onClick={() => setConfirming(null)}>
                Cancel
              </button>
            </div>
          ) : (
            <button type="button" disabled={busy} onClick={() => setConfirming(backup.name)}>
              Restore<span className="visually-hidden"> the backup of {describeBackupDate(backup)}</span>…
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
