import { useEffect, useState } from 'react';
import { THEMES } from '../../../electron/common/choices.ts';
import type { Settings } from '../../../electron/common/settings.ts';
import type { SettingsState } from '../ui/settings.ts';
import type { AppInfo } from '../../../electron/ipc/contract.ts';
import { Dialog } from '../ui/dialog.tsx';
import { call, messageOf } from '../client/api.ts';
import { BackupsSection } from './BackupsSection.tsx';
import { CaptureSection } from './CaptureSection.tsx';
import { DeskSection } from './DeskSection.tsx';
import { Managed } from './Managed.tsx';
import { FeedsSection } from './FeedsSection.tsx';
import { SecuritySection } from './SecuritySection.tsx';

const LIST_DENSITIES: readonly { id: Settings['listDensity']; name: string }[] = [
  { id: 'comfortable', name: 'Headline, excerpt and details' },
  { id: 'compact', name: 'Compact: one line per article' },
];

export function SettingsDialog({
  settings: state,
  onClose,
  section,
}: {
  settings: SettingsState;
  onClose: () => void;
  /** A section to bring into view on opening. */
  section?: 'backups';
}) {
  const { settings, change } = state;
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('app.info', {}).then(setInfo, (reason) => setError(messageOf(reason)));
  }, []);

  const setTheme = (theme: Settings['theme']) => change({ theme }).catch((reason: unknown) => setError(messageOf(reason)));

  return (
    <Dialog title="Settings" onClose={onClose}>
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
      <fieldset className="setting">
        <legend>Theme</legend>
        {THEMES.map(({ id, name }) => (
          <label key={id}>
            <input type="radio" name="theme" checked={settings?.theme === id} onChange={() => void setTheme(id)} /> {name}
          </label>
        ))}
      </fieldset>
      <fieldset className="setting">
        <legend>Article list</legend>
        {LIST_DENSITIES.map(({ id, name }) => (
          <label key={id}>
            <input
              type="radio"
              name="list-density"
              checked={(settings?.listDensity ?? 'comfortable') === id}
              onChange={() => void change({ listDensity: id }).catch((reason: unknown) => setError(messageOf(reason)))}
            />{' '}
            {name}
          </label>
        ))}
      </fieldset>
      <fieldset className="setting">
        <legend>Links in articles</legend>
        <label>
          <input
            type="radio"
            name="link-confirmation"
            checked={settings?.linkConfirmation !== 'every-time'}
            onChange={() => void change({ linkConfirmation: 'once-per-site' }).catch((reason: unknown) => setError(messageOf(reason)))}
          />{' '}
          Ask once for each site
        </label>
        <label>
          <input
            type="radio"
            name="link-confirmation"
            checked={settings?.linkConfirmation === 'every-time'}
            onChange={() => void change({ linkConfirmation: 'every-time' }).catch((reason: unknown) => setError(messageOf(reason)))}
          />{' '}
          Ask every time
        </label>
        {(settings?.trustedLinkSites.length ?? 0) > 0 && (
          <button
            type="button"
            onClick={() => void change({ trustedLinkSites: [] }).catch((reason: unknown) => setError(messageOf(reason)))}
          >
            Forget the {settings!.trustedLinkSites.length} sites opened without asking
          </button>
        )}
      </fieldset>
      <FeedsSection settings={state} fetchingOff={info?.policy.disabledFeatures.some((feature) => feature.id === 'fetch-urls') ?? false} />
      <CaptureSection />
      <DeskSection settings={state} managedUrl={info?.policy.deskUrl ?? null} />
      <BackupsSection settings={state} focus={section === 'backups'} />
      <SecuritySection />
      {info && (
        <>
          <section className="setting" aria-labelledby="library-setting">
            <h3 id="library-setting">Library</h3>
            <p className="setting-value">{info.libraryPath}</p>
            {info.policy.libraryFolderManaged && <Managed />}
          </section>
          <section className="setting" aria-labelledby="updates-setting">
            <h3 id="updates-setting">Updates</h3>
            <p className="setting-value">
              {!info.updates.available
                ? info.mode === 'browser'
                  ? 'Browser mode updates with the code it runs from.'
                  : 'This build does not update itself.'
                : info.updates.enabled
                  ? `Automatic, from ${info.updates.url ?? 'the publisher'}`
                  : 'Turned off'}
            </p>
            {info.updates.managed && <Managed />}
          </section>
          {info.policy.disabledFeatures.length > 0 && (
            <section className="setting" aria-labelledby="features-setting">
              <h3 id="features-setting">Turned off</h3>
              <ul>
                {info.policy.disabledFeatures.map((feature) => (
                  <li key={feature.id}>{feature.label}</li>
                ))}
              </ul>
              <Managed />
            </section>
          )}
          {info.policy.intranetHosts.length > 0 && (
            <section className="setting" aria-labelledby="intranet-setting">
              <h3 id="intranet-setting">Intranet hosts</h3>
              <p>Saved links and pictures may also be downloaded from {info.policy.intranetHosts.join(', ')}.</p>
              <Managed />
            </section>
          )}
          {info.policy.problem && (
            <p role="alert" className="inline-error">
              {info.policy.problem}
            </p>
          )}
          <p className="setting-footer">
            Dateline {info.version} · {info.mode === 'desktop' ? 'desktop app' : 'browser mode'}
          </p>
        </>
      )}
    </Dialog>
  );
}
