import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackupInfo } from '../../../electron/common/backups.ts';
import { settingBounds } from '../../../electron/common/choices.ts';
import type { SettingsState } from '../ui/settings.ts';
import { SettingMessage, type SettingMessageState } from './SettingMessage.tsx';
import { call, messageOf, subscribe } from '../client/api.ts';
import { articleCount, BackupList, describeBackupDate } from './BackupList.tsx';

const keepBounds = settingBounds('backupsToKeep');

/** Backups in the settings: how many to keep, one now, and restoring one (the window reloads). */
export function BackupsSection({ settings: { settings, change }, focus }: { settings: SettingsState; focus: boolean }) {
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<SettingMessageState | null>(null);
  const heading = useRef<HTMLHeadingElement | null>(null);

  const load = useCallback(async () => {
    try {
      const listed = await call('backups.list', {});
      setBackups(listed.backups);
      setFolder(listed.folder);
    } catch (error) {
      setMessage({ text: `Could not list the backups: ${messageOf(error)}`, error: true });
    }
  }, []);
  useEffect(() => void load(), [load]);
  // The daily backup may land while the list is open (it is made just after the app starts).
  useEffect(() => subscribe('backups.made', () => void load()), [load]);
  // Opened from "Restore from Backup…": the keyboard and the view start at the backups.
  useEffect(() => {
    if (!focus) return;
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'start' });
  }, [focus]);

  // A big library takes seconds to copy and check: say what is under way meanwhile.
  const act = async (underWay: string, work: () => Promise<string>) => {
    setBusy(true);
    setMessage({ text: underWay, error: false });
    try {
      setMessage({ text: await work(), error: false });
    } catch (error) {
      setMessage({ text: messageOf(error), error: true });
    } finally {
      setBusy(false);
      void load();
    }
  };
  const backUpNow = () =>
    act('Backing up…', async () => {
      const backup = await call('backups.create', {});
      return `Backed up ${articleCount(backup)} (${describeBackupDate(backup)}).`;
    });
  // The window starts afresh on the "library.restored" event that follows.
  const restore = (backup: BackupInfo) =>
    act('Restoring…', async () => {
      await call('backups.restore', { name: backup.name });
      return `Restored the backup of ${describeBackupDate(backup)}.`;
    });

  // What is being typed stays as typed; each whole number within bounds is stored at once.
  const [typedKeep, setTypedKeep] = useState<string | null>(null);
  const keep = typedKeep ?? String(settings?.backupsToKeep ?? '');
  const setKeep = (typed: string) => {
    setTypedKeep(typed);
    const value = Number(typed);
    if (typed === '' || !Number.isInteger(value) || value < keepBounds.min || value > keepBounds.max) return;
    change({ backupsToKeep: value }).catch((error: unknown) => setMessage({ text: messageOf(error), error: true }));
  };

  return (
    <section className="setting" aria-labelledby="backups-setting">
      <h3 id="backups-setting" ref={heading} tabIndex={-1}>
        Backups
      </h3>
      <p className="setting-value">Made every day and before each upgrade, into {folder || 'the Backups folder beside the library'}.</p>
      <div className="backup-controls">
        <label>
          Keep the last{' '}
          <input
            type="number"
            min={keepBounds.min}
            max={keepBounds.max}
            value={keep}
            onChange={(event) => setKeep(event.target.value)}
            onBlur={() => setTypedKeep(null)}
          />{' '}
          backups
        </label>
        <button type="button" onClick={() => void backUpNow()} disabled={busy}>
          Back up now
        </button>
      </div>
      <SettingMessage message={message} />
      {backups && <BackupList backups={backups} busy={busy} keepsCurrent onRestore={(backup) => void restore(backup)} />}
    </section>
  );
}
