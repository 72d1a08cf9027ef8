import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDownloaded, fetchSignedManifest, fileSha512, signManifest } from '../../electron/release/signed-feed.ts';
import { tempDir } from '../helpers/temp.ts';
import { bytes, localWebsite } from '../helpers/web-server.ts';

/**
 * A feed that vouches for itself vouches for nothing: whoever can change it can change the
 * sha512 beside the installer too. A local feed serves a signed, an unsigned and a tampered
 * manifest; only the first is used, and only an installer it names.
 */

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const PUBLIC = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const PRIVATE = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

const installer = Buffer.from('the real installer, version 2.0.0');
const manifestFor = (sha512: string) =>
  Buffer.from(
    `version: 2.0.0\nfiles:\n  - url: Dateline-2.0.0.AppImage\n    sha512: ${sha512}\n    size: 34\npath: Dateline-2.0.0.AppImage\nsha512: ${sha512}\n`,
  );

async function feeds() {
  const dir = tempDir();
  const file = join(dir, 'Dateline-2.0.0.AppImage');
  writeFileSync(file, installer);
  const manifest = manifestFor(await fileSha512(file));
  const signature = signManifest(manifest, PRIVATE);
  const evil = manifestFor(Buffer.alloc(64, 1).toString('base64'));
  const site = await localWebsite({
    '/signed/latest-linux.yml': bytes(manifest, 'text/yaml'),
    '/signed/latest-linux.yml.sig': bytes(Buffer.from(signature), 'text/plain'),
    '/unsigned/latest-linux.yml': bytes(manifest, 'text/yaml'),
    '/tampered/latest-linux.yml': bytes(evil, 'text/yaml'),
    '/tampered/latest-linux.yml.sig': bytes(Buffer.from(signature), 'text/plain'),
    '/other-key/latest-linux.yml': bytes(manifest, 'text/yaml'),
    '/other-key/latest-linux.yml.sig': bytes(
      Buffer.from(signManifest(manifest, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())),
      'text/plain',
    ),
  });
  return { site, file, dir };
}

describe('an update feed', () => {
  it('signed with the key built into the app is read, and its installer passes', async () => {
    const { site, file } = await feeds();
    const manifest = await fetchSignedManifest(site.url('/signed/'), PUBLIC, 'latest-linux.yml');
    expect(manifest.version).toBe('2.0.0');
    await expect(checkDownloaded(file, manifest)).resolves.toBeUndefined();
  });

  it('not signed, signed by another key, or changed after signing is refused in a sentence', async () => {
    const { site } = await feeds();
    await expect(fetchSignedManifest(site.url('/unsigned/'), PUBLIC, 'latest-linux.yml')).rejects.toThrow(
      /^No update was used: .*is not signed\.$/,
    );
    await expect(fetchSignedManifest(site.url('/tampered/'), PUBLIC, 'latest-linux.yml')).rejects.toThrow(/does not match its signature/);
    await expect(fetchSignedManifest(site.url('/other-key/'), PUBLIC, 'latest-linux.yml')).rejects.toThrow(/does not match its signature/);
  });

  it('with a signed manifest still refuses an installer that is not the one it names', async () => {
    const { site, dir } = await feeds();
    const manifest = await fetchSignedManifest(site.url('/signed/'), PUBLIC, 'latest-linux.yml');
    const swapped = join(dir, 'swapped.AppImage');
    writeFileSync(swapped, 'something else');
    await expect(checkDownloaded(swapped, manifest)).rejects.toThrow(/not the one the signed manifest names/);
  });
});
