import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { Settings, SettingsPatch } from '../../../electron/common/settings.ts';
import { call, subscribe } from '../client/api.ts';

export interface SettingsState {
  settings: Settings | null;
  /** Applies a change at once and stores it; on failure the old value comes back and it throws. */
  change: (patch: SettingsPatch) => Promise<void>;
}

/** The window's settings, loaded once by the app and shared with every view below it. */
export const SettingsContext = createContext<SettingsState>({ settings: null, change: async () => undefined });

export function useSharedSettings(): SettingsState {
  return useContext(SettingsContext);
}

/** Loads the settings, follows changes made anywhere, and applies the window-wide ones. Once per window. */
export function useSettings(): SettingsState {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    call('settings.get', {}).then(setSettings, () => setSettings(null));
    return subscribe('settings.changed', setSettings);
  }, []);
  useEffect(() => {
    if (settings) applyToWindow(settings);
  }, [settings]);

  const change = useCallback(
    async (patch: SettingsPatch) => {
      const before = settings;
      if (before) setSettings({ ...before, ...patch } as Settings);
      try {
        setSettings(await call('settings.set', patch));
      } catch (error) {
        setSettings(before);
        throw error;
      }
    },
    [settings],
  );
  return { settings, change };
}

/** The theme and the reading view's typography, as the stylesheet reads them. */
function applyToWindow(settings: Settings): void {
  const root = document.documentElement;
  root.dataset.theme = settings.theme;
  root.dataset.readerFont = settings.readerFont;
  root.style.setProperty('--reader-size', `${settings.readerFontSize}px`);
  root.style.setProperty('--reader-measure', `${settings.readerLineWidth}ch`);
  root.style.setProperty('--reader-leading', String(settings.readerLineHeight));
}
