import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../electron/ipc/contract.ts';
import { call, messageOf, subscribe } from '../client/api.ts';
import { SettingMessage, type SettingMessageState } from './SettingMessage.tsx';

type CaptureStatus = ChannelOutput<'capture.status'>;

const pairedOn = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

/**
 * Settings ▸ Browser extension: the code that pairs a browser's "Save to Dateline", while it
 * is shown; the browsers paired, each with a way to unpair it.
 */
export function CaptureSection() {
  const [status, setStatus] = useState<CaptureStatus | null>(null);
  const [message, setMessage] = useState<SettingMessageState | null>(null);
  const fail = (error: unknown) => setMessage({ text: messageOf(error), error: true });
  const load = useCallback(() => {
    call('capture.status', {}).then(setStatus, fail);
  }, []);
  useEffect(load, [load]);
  useEffect(() => subscribe('capture.changed', load), [load]);
  // The code is shown only while it works.
  useEffect(() => {
    if (!status?.pairing) return;
    const timer = setTimeout(load, Math.max(0, Date.parse(status.pairing.expiresAt) - Date.now()) + 100);
    return () => clearTimeout(timer);
  }, [status?.pairing, load]);

  const startPairing = () => {
    setMessage(null);
    call('capture.startPairing', {}).then(load, fail);
  };
  const unpair = (id: number, name: string) =>
    call('capture.revoke', { id }).then(() => {
      setMessage({ text: `${name} is unpaired: it can no longer save into this library.`, error: false });
      load();
    }, fail);

  return (
    <section className="setting capture-setting" aria-labelledby="capture-setting">
      <h3 id="capture-setting">Browser extension</h3>
      <p className="hint">
        “Save to Dateline” saves the page you are reading, as you see it, with its pictures and the passage you selected.
        {status?.port ? ` Dateline listens for it on this computer only (port ${status.port}).` : ''}
      </p>
      {status?.problem && <p className="inline-error">{status.problem}</p>}
      {status?.pairing ? (
        <div className="pairing" role="status">
          <p>
            Type this code in the extension (its button in the browser’s toolbar):{' '}
            <strong className="pairing-code" aria-label="Pairing code">
              {status.pairing.code}
            </strong>
          </p>
          <p className="hint">
            It works once, until {new Date(status.pairing.expiresAt).toLocaleTimeString(undefined, { timeStyle: 'short' })}.
          </p>
          <button type="button" onClick={() => void call('capture.cancelPairing', {}).then(load, fail)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" disabled={!status?.port} onClick={startPairing}>
          Pair a browser
        </button>
      )}
      {status && status.clients.length > 0 && (
        <ul className="paired-browsers" aria-label="Paired browsers">
          {status.clients.map((client) => (
            <li key={client.id}>
              <span>
                {client.name} <span className="hint">paired {pairedOn(client.pairedAt)}</span>
                {client.lastUsedAt && <span className="hint">, last saved {pairedOn(client.lastUsedAt)}</span>}
              </span>
              <button type="button" onClick={() => void unpair(client.id, client.name)} aria-label={`Unpair ${client.name}`}>
                Unpair
              </button>
            </li>
          ))}
        </ul>
      )}
      <SettingMessage message={message} />
    </section>
  );
}
