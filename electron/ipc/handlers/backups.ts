import { backUpNow } from '../../library/backup-schedule.ts';
import { listBackups, restoreBackup } from '../../library/backups.ts';
import { getSettings } from '../../library/settings-store.ts';
import type { Services } from './services.ts';
import type { HandlersOf } from './types.ts';

export function backupHandlers({
  library,
  backups,
  emit,
  exclusively,
  imports,
  downloads,
  searcher,
  desk,
}: Services): HandlersOf<'backups'> {
  return {
    'backups.list': async () => ({ folder: backups, keep: getSettings(library).backupsToKeep, backups: await listBackups(backups) }),
    'backups.create': () => backUpNow(library, backups),
    'backups.restore': ({ name }) =>
      exclusively(async () => {
        // Work under way would write into a library about to be replaced: it is stopped,
        // and what it finished before stopping stays in the copy kept aside.
        imports.cancelAll();
        downloads.cancel();
        (await desk()).closeAll();
        await Promise.allSettled([imports.settled(), downloads.idle()]);
        // The search worker reads through its own connection; it starts afresh on the restored
        // file (an encrypted library's file is replaced, not written into).
        await searcher.close();
        const result = await restoreBackup(library, backups, name, getSettings(library).backupsToKeep);
        emit('library.restored', { name });
        return { ...result, damagedCopy: null };
      }),
  };
}
