import { settingsSchema, type Settings, type SettingsPatch } from '../common/settings.ts';
import type { Library } from './library.ts';

export function getSettings(library: Library): Settings {
  const stored: Record<string, unknown> = {};
  for (const row of library.statement<{ key: string; value: string }>('SELECT key, value FROM settings').all()) {
    stored[row.key] = JSON.parse(row.value);
  }
  // A value an older or newer version left behind that no longer fits falls back to its
  // default instead of making every setting unreadable.
  const shape = settingsSchema.shape;
  const usable = Object.fromEntries(
    Object.entries(stored).filter(([key, value]) => key in shape && shape[key as keyof typeof shape].safeParse(value).success),
  );
  return settingsSchema.parse(usable);
}

export function updateSettings(library: Library, patch: SettingsPatch): Settings {
  const upsert = library.statement(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  library.write(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) upsert.run(key, JSON.stringify(value));
    }
  });
  return getSettings(library);
}
