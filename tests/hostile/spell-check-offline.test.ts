import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Chromium's spell checker downloads Hunspell dictionaries from Google on Linux (and Windows
 * without its own checker). The window keeps it off, and the editor checks spelling with the
 * dictionary packaged in its worker (editor.spec proves nothing is fetched in a browser; the
 * Electron binary cannot run here, so its setting is read from the source).
 */
describe('spell check', () => {
  const window = readFileSync(new URL('../../electron/desktop/window.ts', import.meta.url), 'utf8');

  it('leaves Chromium’s downloading spell checker off in the desktop window', () => {
    expect(window).toMatch(/webPreferences:[\s\S]*spellcheck: false/);
    expect(window).not.toMatch(/setSpellCheckerDictionaryDownloadURL|setSpellCheckerLanguages|spellCheckerEnabled/);
  });

  it('reads its dictionary into the worker’s own bundle', () => {
    const worker = readFileSync(new URL('../../renderer/src/editor/spelling/speller-worker.ts', import.meta.url), 'utf8');
    expect(worker).toMatch(/from 'dictionary-en-files\/index\.dic\?raw'/);
  });
});
