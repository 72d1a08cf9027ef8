import { useEffect, useState } from 'react';
import type { Settings } from '../../../electron/common/settings.ts';
import { call, subscribe } from '../client/api.ts';

/** Loads the settings, follows changes made anywhere, and applies the window-wide ones. */
export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    call('settings.get', {}).then(setSettings, () => setSettings(null));
    return subscribe('settings.changed', setSettings);
  }, []);
  useEffect(() => {
    if (settings) document.documentElement.dataset.theme = settings.theme;
  }, [settings]);
  return settings;
}
