import { useRef, useState } from 'react';
import type { Feed } from '../../../../electron/common/feeds.ts';
import { Dialog, FIRST_FIELD } from '../../ui/dialog.tsx';
import { call, messageOf } from '../../client/api.ts';
import { download } from '../../client/download.ts';
import { base64Of } from '../../client/media.ts';

/**
 * "Follow a feed…": a feed's address or a site's (its feed is found), and the way another
 * reader's subscriptions move in and out (OPML).
 */
export function FollowDialog({ onFollowed, onClose }: { onFollowed: (feed: Feed) => void; onClose: () => void }) {
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);

  const follow = async () => {
    if (!address.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const { feed, added } = await call('feeds.subscribe', { address: address.trim() });
      onFollowed(feed);
      if (added) onClose();
      else setNote(`You already follow “${feed.title}”.`);
    } catch (reason) {
      setError(messageOf(reason));
    } finally {
      setBusy(false);
    }
  };

  const importList = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await call('feeds.importOpml', { data: await base64Of(file) });
      const parts = [`${result.added.length} ${result.added.length === 1 ? 'feed' : 'feeds'} followed`];
      if (result.existing) parts.push(`${result.existing} already followed`);
      if (result.skipped.length)
        parts.push(`${result.skipped.length} left out (${result.skipped[0]!.title}: ${result.skipped[0]!.reason})`);
      setNote(`${parts.join('; ')}. Their stories come in over the next minutes.`);
    } catch (reason) {
      setError(messageOf(reason));
    } finally {
      setBusy(false);
      if (picker.current) picker.current.value = '';
    }
  };

  const exportList = async () => {
    try {
      const file = await call('feeds.exportOpml', {});
      download(file.fileName, file.mimeType, file.data);
    } catch (reason) {
      setError(messageOf(reason));
    }
  };

  return (
    <Dialog title="Follow a feed" onClose={onClose}>
      <form
        className="address-form"
        onSubmit={(event) => {
          event.preventDefault();
          void follow();
        }}
      >
        <label htmlFor="feed-address">Address of a feed or a site</label>
        <input
          id="feed-address"
          type="url"
          {...FIRST_FIELD}
          placeholder="https://"
          value={address}
          maxLength={2000}
          aria-describedby="feed-address-help"
          onChange={(event) => setAddress(event.target.value)}
        />
        <p id="feed-address-help" className="hint">
          RSS, Atom or JSON Feed. A site’s address works too when the site names its feed.
        </p>
        {error && (
          <p role="alert" className="inline-error">
            {error}
          </p>
        )}
        {note && (
          <p role="status" className="hint">
            {note}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={() => picker.current?.click()} disabled={busy}>
            Import OPML…
          </button>
          <button type="button" onClick={() => void exportList()}>
            Export OPML
          </button>
          <button type="submit" className="primary" disabled={busy || !address.trim()}>
            {busy ? 'Following…' : 'Follow'}
          </button>
        </div>
        <input
          ref={picker}
          type="file"
          accept=".opml,.xml,text/x-opml,application/xml,text/xml"
          hidden
          aria-label="OPML file of feeds to follow"
          onChange={(event) => void importList(event.target.files?.[0])}
        />
      </form>
    </Dialog>
  );
}
