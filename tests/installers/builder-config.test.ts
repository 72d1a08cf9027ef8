import { Ajv } from 'ajv';
import yaml from 'js-yaml';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const ROOT = new URL('../../', import.meta.url);
const configText = readFileSync(new URL('electron-builder.yml', ROOT), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a YAML file read field by field; each test checks what it reads
const config = yaml.load(configText) as Record<string, any>;

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own schema", () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true });
    const valid = ajv.validate(schema, config);
    expect(ajv.errorsText(ajv.errors)).toBe('No errors');
    expect(valid).toBe(true);
  });

  it('keeps secrets out of the file: signing comes from the environment', () => {
    expect(configText).not.toMatch(/password\s*:|certificateFile|certificateSha1|APPLE_APP_SPECIFIC_PASSWORD\s*:|appleIdPassword/i);
    expect(config.win.signtoolOptions.certificatePassword).toBeUndefined();
  });

  it('signs and notarizes on macOS with the hardened runtime and our entitlements', () => {
    expect(config.mac.target).toEqual(['dmg', 'zip']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.notarize).toBe(true);
    expect(existsSync(new URL(config.mac.entitlements, ROOT))).toBe(true);
    expect(readFileSync(new URL(config.mac.entitlements, ROOT), 'utf8')).toContain('com.apple.security.cs.allow-jit');
  });

  it('builds a signed NSIS installer on Windows, signing .node files too and verifying updates', () => {
    expect(config.win.target).toEqual(['nsis']);
    expect(config.win.signExts).toContain('.node');
    expect(config.win.verifyUpdateCodeSignature).toBe(true);
    expect(config.win.signtoolOptions.signingHashAlgorithms).toEqual(['sha256']);
  });

  it('builds AppImage and deb on Linux with a category and an icon', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    for (const platform of ['mac', 'win', 'linux']) expect(existsSync(new URL(config[platform].icon, ROOT))).toBe(true);
  });

  it('sets the fuses of a hardened app', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('packs into ASAR with the native module unpacked and never rebuilt', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3-multiple-ciphers/**');
    expect(config.files).toContain('!**/*.map');
  });

  it('publishes to a generic update feed the newsroom hosts', () => {
    expect(config.publish).toEqual({ provider: 'generic', url: '${env.DATELINE_UPDATE_URL}' });
  });

  it('registers "Open with Dateline" for the formats people bring', () => {
    const extensions = (config.fileAssociations as { ext: string | string[] }[]).flatMap((association) => association.ext);
    expect(extensions.sort()).toEqual(['docx', 'htm', 'html', 'md', 'txt']);
  });
});
