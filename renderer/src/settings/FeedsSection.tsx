import { useState } from 'react';
import type { SettingsState } from '../ui/settings.ts';
import { messageOf } from '../client/api.ts';
import { SettingMessage, type SettingMessageState } from './SettingMessage.tsx';

/** How often feeds are refreshed, in the steps a reader chooses between (0: only when asked). */
const REFRESH_CHOICES: readonly { minutes: number; label: string }[] = [
  { minutes: 15, label: 'Every 15 minutes' },
  { minutes: 30, label: 'Every 30 minutes' },
  { minutes: 60, label: 'Every hour' },
  { minutes: 180, label: 'Every 3 hours' },
  { minutes: 720, label: 'Every 12 hours' },
  { minutes: 1440, label: 'Once a day' },
  { minutes: 0, label: 'Only when I ask' },
];

export function FeedsSection({ settings: { settings, change }, fetchingOff }: { settings: SettingsState; fetchingOff: boolean }) {
  const [message, setMessage] = useState<SettingMessageState | null>(null);
  const current = settings?.feedRefreshMinutes ?? 60;
  const choices = REFRESH_CHOICES.some((choice) => choice.minutes === current)
    ? REFRESH_CHOICES
    : [...REFRESH_CHOICES, { minutes: current, label: `Every ${current} minutes` }];
  return (
    <section className="setting" aria-labelledby="feeds-setting">
      <h3 id="feeds-setting">Feeds</h3>
      <label>
        Refresh feeds{' '}
        <select
          value={current}
          disabled={fetchingOff}
          onChange={(event) =>
            void change({ feedRefreshMinutes: Number(event.target.value) }).then(
              () => setMessage(null),
              (reason: unknown) => setMessage({ text: messageOf(reason), error: true }),
            )
          }
        >
          {choices.map((choice) => (
            <option key={choice.minutes} value={choice.minutes}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      <p className="hint">
        {fetchingOff
          ? 'Your organisation’s policy turns off downloading, so feeds are not refreshed.'
          : 'While Dateline is open and online. Follow feeds, or move your subscriptions in and out (OPML), with + beside Feeds in the sidebar.'}
      </p>
      <SettingMessage message={message} />
    </section>
  );
}
