import { useState } from 'react';
import { settingBounds as bounds, THEMES } from '../../../electron/common/choices.ts';
import type { Settings, SettingsPatch } from '../../../electron/common/settings.ts';
import { useSharedSettings } from '../ui/settings.ts';
import { messageOf } from '../client/api.ts';

/** "Aa": the theme, and the reading view's font, size, line width and spacing, kept in the library's settings. */
export function TypographyMenu() {
  const { settings, change } = useSharedSettings();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!settings) return null;
  const set = (patch: SettingsPatch) =>
    change(patch).then(
      () => setError(null),
      (reason: unknown) => setError(messageOf(reason)),
    );
  const step = (field: 'readerFontSize' | 'readerLineWidth' | 'readerLineHeight', by: number) => {
    const { min, max } = bounds(field);
    const value = Math.round((settings[field] + by) * 10) / 10;
    void set({ [field]: Math.min(max, Math.max(min, value)) });
  };
  return (
    <div className="typography">
      <button type="button" aria-expanded={open} aria-controls="typography-panel" onClick={() => setOpen(!open)}>
        <span aria-hidden="true">Aa</span> <span className="visually-hidden">Text settings</span>
      </button>
      {open && (
        <div id="typography-panel" className="typography-panel" role="group" aria-label="Text settings">
          <fieldset>
            <legend>Theme</legend>
            {THEMES.map((theme) => (
              <label key={theme.id}>
                <input
                  type="radio"
                  name="reader-theme"
                  checked={settings.theme === theme.id}
                  onChange={() => void set({ theme: theme.id })}
                />{' '}
                {theme.name}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>Font</legend>
            {(['serif', 'sans'] as Settings['readerFont'][]).map((font) => (
              <label key={font}>
                <input
                  type="radio"
                  name="reader-font"
                  checked={settings.readerFont === font}
                  onChange={() => void set({ readerFont: font })}
                />{' '}
                {font === 'serif' ? 'Serif' : 'Sans serif'}
              </label>
            ))}
          </fieldset>
          <Stepper
            label="Text size"
            value={`${settings.readerFontSize}px`}
            onLess={() => step('readerFontSize', -1)}
            onMore={() => step('readerFontSize', 1)}
          />
          <Stepper
            label="Line width"
            value={`${settings.readerLineWidth} characters`}
            onLess={() => step('readerLineWidth', -4)}
            onMore={() => step('readerLineWidth', 4)}
          />
          <Stepper
            label="Line spacing"
            value={settings.readerLineHeight.toFixed(1)}
            onLess={() => step('readerLineHeight', -0.1)}
            onMore={() => step('readerLineHeight', 0.1)}
          />
          {error && (
            <p role="alert" className="inline-error">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

function Stepper({ label, value, onLess, onMore }: { label: string; value: string; onLess: () => void; onMore: () => void }) {
  return (
    <div className="stepper" role="group" aria-label={label}>
      <span className="stepper-label">{label}</span>
      <button type="button" aria-label={`Smaller ${label.toLowerCase()}`} onClick={onLess}>
        −
      </button>
      <output aria-live="polite">{value}</output>
      <button type="button" aria-label={`Larger ${label.toLowerCase()}`} onClick={onMore}>
        +
      </button>
    </div>
  );
}
