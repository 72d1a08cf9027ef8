import { useEffect, useState } from 'react';
import type { SettingsState } from '../ui/settings.ts';
import { messageOf } from '../client/api.ts';
import { SettingMessage, type SettingMessageState } from './SettingMessage.tsx';
import { Managed } from './Managed.tsx';

/**
 * Settings ▸ Desk: the newsroom desk drafts are shared to, and this person's token for it.
 * A newsroom's policy may name the desk (`desk.url`): then only the token is the person's.
 */
export function DeskSection({ settings: { settings, change }, managedUrl }: { settings: SettingsState; managedUrl: string | null }) {
  const [url, setUrl] = useState(settings?.deskUrl ?? '');
  const [token, setToken] = useState(settings?.deskToken ?? '');
  const [message, setMessage] = useState<SettingMessageState | null>(null);
  useEffect(() => {
    setUrl(settings?.deskUrl ?? '');
    setToken(settings?.deskToken ?? '');
  }, [settings?.deskUrl, settings?.deskToken]);
  return (
    <section className="setting" aria-labelledby="desk-setting">
      <h3 id="desk-setting">Desk</h3>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          change(managedUrl ? { deskToken: token.trim() } : { deskUrl: url.trim(), deskToken: token.trim() }).then(
            () =>
              setMessage({
                text: (managedUrl ?? url.trim()) ? 'Drafts you share go to this desk.' : 'No desk: drafts stay on this computer.',
                error: false,
              }),
            (reason: unknown) => setMessage({ text: messageOf(reason), error: true }),
          );
        }}
      >
        <label>
          Desk address{' '}
          <input
            value={managedUrl ?? url}
            readOnly={managedUrl !== null}
            placeholder="wss://desk.newsroom.example"
            onChange={(event) => setUrl(event.target.value)}
          />
          {managedUrl && <Managed />}
        </label>
        <label>
          Your desk token <input type="password" autoComplete="off" value={token} onChange={(event) => setToken(event.target.value)} />
        </label>
        <button type="submit">Save desk</button>
      </form>
      <p className="hint">
        The desk gives each person a token (<code>dateline desk add-user</code>). Shared drafts are co-edited live, and edited offline here
        when the desk cannot be reached. Saved articles are never sent.
      </p>
      <SettingMessage message={message} />
    </section>
  );
}
