import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../electron/ipc/contract.ts';
import { useLibraryVersion } from '../ui/hooks.ts';
import { call, messageOf, subscribe } from '../client/api.ts';

type Status = ChannelOutput<'downloads.status'>;

/**
 * Saved links imported without their page: how many wait, "Download saved links", and the
 * queue's progress while it runs (it carries on after a restart, so it may already run).
 */
export function SavedLinksBar() {
  const version = useLibraryVersion();
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('downloads.status', {}).then(setStatus, () => setStatus(null));
  }, [version]);
  useEffect(() => subscribe('downloads.progress', setStatus), []);

  if (!status || (!status.running && status.waiting === 0 && status.failedTotal === 0)) return null;
  const act = (channel: 'downloads.start' | 'downloads.cancel') =>
    call(channel, {}).then(
      (next) => (setStatus(next), setError(null)),
      (reason) => setError(messageOf(reason)),
    );
  if (status.running) {
    const total = status.done + status.remaining;
    return (
      <div className="saved-links" role="status" aria-live="polite">
        <span>
          Downloading saved links: {status.done} of {total}
          {status.failed ? ` (${status.failed} failed)` : ''}
        </span>
        <progress max={total} value={status.done} aria-label="Download progress" />
        <button type="button" onClick={() => void act('downloads.cancel')}>
          Stop
        </button>
      </div>
    );
  }
  return (
    <div className="saved-links" role="status">
      <span>
        {status.waiting > 0 && `${status.waiting} saved ${status.waiting === 1 ? 'link' : 'links'} not downloaded yet`}
        {status.waiting > 0 && status.failedTotal > 0 && ', '}
        {status.failedTotal > 0 && `${status.failedTotal} could not be downloaded`}
      </span>
      <button type="button" onClick={() => void act('downloads.start')}>
        {status.waiting > 0 ? 'Download saved links' : 'Try again'}
      </button>
      {error && <span role="alert">{error}</span>}
    </div>
  );
}
