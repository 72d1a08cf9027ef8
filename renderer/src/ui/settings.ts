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
  root.style.setProperty('--reader-measure', `${measureOf(settings)}px`);
  root.style.setProperty('--reader-leading', String(settings.readerLineHeight));
}

/** Prose of the kind the reader shows, for the width of an average character in its font. */
const SAMPLE = 'The harbour board approved the new ferry pier on Tuesday, after two years of objections from residents.';

/**
 * The width that holds `readerLineWidth` characters of prose. CSS's `ch` is the width of
 * "0", wider than the average letter of a proportional font: 68ch held about 84 characters.
 */
function measureOf(settings: Settings): number {
  const style = getComputedStyle(document.documentElement);
  const family = style.getPropertyValue(settings.readerFont === 'sans' ? '--ui-font' : '--reader-font').trim() || 'serif';
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return settings.readerLineWidth * settings.readerFontSize * 0.5;
  context.font = `${settings.readerFontSize}px ${family}`;
  return Math.round((context.measureText(SAMPLE).width / SAMPLE.length) * settings.readerLineWidth);
}
