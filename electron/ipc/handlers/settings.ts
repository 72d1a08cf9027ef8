import { getSettings, updateSettings } from '../../library/settings-store.ts';
import type { Services } from './services.ts';
import type { HandlersOf } from './types.ts';

export function settingsHandlers({ library, emit }: Services): HandlersOf<'settings'> {
  return {
    'settings.get': () => getSettings(library),
    'settings.set': (patch) => {
      const settings = updateSettings(library, patch);
      emit('settings.changed', settings);
      return settings;
    },
  };
}
