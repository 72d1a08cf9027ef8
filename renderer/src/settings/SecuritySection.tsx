import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { EventPayload, SecurityStatus } from '../../../electron/ipc/contract.ts';
import { SettingMessage, type SettingMessageState } from './SettingMessage.tsx';
import { call, messageOf, subscribe } from '../client/api.ts';

type Form = 'encrypt' | 'change' | 'decrypt' | 'forget' | null;

const STEPS: Record<EventPayload<'security.progress'>['step'], string> = {
  copying: 'Copying the library…',
  converting: 'Converting the copy…',
  checking: 'Checking the copy…',
  swapping: 'Putting the converted library in place…',
  backups: 'Converting the backups…',
};

/**
 * Settings ▸ Security: whether the library is encrypted, turning it on (the recovery key is
 * shown once, here), changing the passphrase, and turning it off.
 */
export function SecuritySection() {
  const [status, setStatus] = useState<SecurityStatus | null>(null);
  const [form, setForm] = useState<Form>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<SettingMessageState | null>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [progress, setProgress] = useState<EventPayload<'security.progress'> | null>(null);
  useEffect(() => subscribe('security.progress', setProgress), []);

  const load = useCallback(() => {
    call('security.status', {}).then(setStatus, (error: unknown) => setMessage({ text: messageOf(error), error: true }));
  }, []);
  useEffect(load, [load]);

  const act = async (underWay: string, work: () => Promise<string>) => {
    setBusy(underWay);
    setMessage(null);
    try {
      setMessage({ text: await work(), error: false });
      setForm(null);
    } catch (error) {
      setMessage({ text: messageOf(error), error: true });
    } finally {
      setBusy(null);
      setProgress(null);
      load();
    }
  };

  const encrypt = (passphrase: string) =>
    act('Encrypting the library and its backups… a big library takes a moment.', async () => {
      const result = await call('security.encrypt', { passphrase });
      setRecoveryKey(result.recoveryKey);
      return `The library and ${result.backups === 1 ? 'its backup are' : `its ${result.backups} backups are`} encrypted.`;
    });
  const change = (current: string, passphrase: string) =>
    act('Changing the passphrase…', async () => {
      await call('security.changePassphrase', { current, passphrase });
      return 'The passphrase is changed. The recovery key stays the same.';
    });
  const forget = (current: string) =>
    act('Forgetting the key kept on this computer…', async () => {
      await call('security.forgetKeychain', { current });
      return 'Dateline will ask for the passphrase each time it starts.';
    });
  const decrypt = (current: string) =>
    act('Decrypting the library and its backups…', async () => {
      await call('security.decrypt', { current });
      return 'The library is a plain file again.';
    });

  return (
    <section className="setting" aria-labelledby="security-setting">
      <h3 id="security-setting">Security</h3>
      {status && (
        <p className="setting-value">
          {status.encrypted
            ? `This library and its backups are encrypted (AES-256). ${status.keychain ? 'This computer’s keychain keeps the key, so it opens without asking.' : 'It opens with its passphrase.'}`
            : 'This library is a plain file: anyone who gets a copy of it can read it.'}
        </p>
      )}
      {status?.required && <span className="managed">Your organization requires encryption</span>}
      {recoveryKey && <RecoveryKey recoveryKey={recoveryKey} onDone={() => setRecoveryKey(null)} />}
      {status && !busy && form === null && !recoveryKey && (
        <div className="backup-controls">
          {!status.encrypted && (
            <button type="button" onClick={() => setForm('encrypt')}>
              Encrypt this library…
            </button>
          )}
          {status.encrypted && (
            <button type="button" onClick={() => setForm('change')}>
              Change passphrase…
            </button>
          )}
          {status.keychain && (
            <button type="button" onClick={() => setForm('forget')}>
              Ask for the passphrase at every start…
            </button>
          )}
          {status.encrypted && !status.required && (
            <button type="button" onClick={() => setForm('decrypt')}>
              Decrypt…
            </button>
          )}
        </div>
      )}
      {form && !busy && (
        <PassphraseForm
          form={form}
          onCancel={() => setForm(null)}
          onSubmit={(current, next) =>
            void (form === 'encrypt'
              ? encrypt(next)
              : form === 'change'
                ? change(current, next)
                : form === 'forget'
                  ? forget(current)
                  : decrypt(current))
          }
        />
      )}
      {busy && (
        <div className="backup-controls">
          <p role="status" className="setting-value">
            {progress ? `${STEPS[progress.step]}${progress.total ? ` ${progress.done} of ${progress.total}` : ''}` : busy}
          </p>
          {/* Until the swap, stopping leaves the library exactly as it was. */}
          {(form === 'encrypt' || form === 'decrypt') &&
            (progress === null || ['copying', 'converting', 'checking'].includes(progress.step)) && (
              <button type="button" onClick={() => void call('security.cancel', {})}>
                Cancel
              </button>
            )}
        </div>
      )}
      <SettingMessage message={message} />
    </section>
  );
}

function PassphraseForm({
  form,
  onSubmit,
  onCancel,
}: {
  form: Exclude<Form, null>;
  onSubmit: (current: string, next: string) => void;
  onCancel: () => void;
}) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [understood, setUnderstood] = useState(false);
  const asksCurrent = form !== 'encrypt';
  const asksNew = form === 'encrypt' || form === 'change';
  const problem =
    asksNew && [...next].length < 8
      ? 'A passphrase needs at least 8 characters.'
      : asksNew && next !== again
        ? 'The two passphrases differ.'
        : form === 'encrypt' && !understood
          ? 'Tick the box once you have read the warning.'
          : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!problem) onSubmit(current, next);
  };
  return (
    <form className="passphrase-form" onSubmit={submit}>
      {form === 'encrypt' && (
        <p>
          Without its passphrase and its recovery key, nobody — Dateline included — can open this library or its backups again. Exports you
          write stay plain files.
        </p>
      )}
      {asksCurrent && (
        <label>
          Current passphrase or recovery key{' '}
          <input type="password" autoComplete="current-password" value={current} onChange={(event) => setCurrent(event.target.value)} />
        </label>
      )}
      {asksNew && (
        <>
          <label>
            New passphrase{' '}
            <input type="password" autoComplete="new-password" value={next} onChange={(event) => setNext(event.target.value)} />
          </label>
          <label>
            The same again{' '}
            <input type="password" autoComplete="new-password" value={again} onChange={(event) => setAgain(event.target.value)} />
          </label>
        </>
      )}
      {form === 'encrypt' && (
        <label>
          <input type="checkbox" checked={understood} onChange={(event) => setUnderstood(event.target.checked)} /> I understand: a lost
          passphrase and recovery key mean a lost library
        </label>
      )}
      {problem && (next || again || form !== 'encrypt') && asksNew && <p className="setting-value">{problem}</p>}
      <div className="backup-controls">
        <button type="submit" disabled={problem !== null || (asksCurrent && !current)}>
          {form === 'encrypt' ? 'Encrypt' : form === 'change' ? 'Change passphrase' : form === 'forget' ? 'Forget the key here' : 'Decrypt'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function RecoveryKey({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  return (
    <div className="recovery-key" role="group" aria-labelledby="recovery-key-heading">
      <h4 id="recovery-key-heading">Your recovery key</h4>
      <p>
        Write it down or store it somewhere safe now: it is shown only this once, and it opens the library and its backups if the passphrase
        is forgotten.
      </p>
      <code className="setting-value" aria-label="Recovery key">
        {recoveryKey}
      </code>
      <div className="backup-controls">
        <button type="button" onClick={() => void navigator.clipboard?.writeText(recoveryKey)}>
          Copy
        </button>
        <button type="button" onClick={onDone}>
          I have stored it
        </button>
      </div>
    </div>
  );
}
