import { useEffect, useState } from 'react';
import type { Settings } from '../../../electron/common/settings.ts';
import { call } from '../client/api.ts';

/** Loads the settings and applies the ones the whole window honours (the theme). */
export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    call('settings.get', {}).then(setSettings, () => setSettings(null));
  }, []);
  useEffect(() => {
    if (settings) document.documentElement.dataset.theme = settings.theme;
  }, [settings]);
  return settings;
}
