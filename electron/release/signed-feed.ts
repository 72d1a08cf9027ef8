import yaml from 'js-yaml';
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { DatelineError } from '../common/errors.ts';

/**
 * Update manifests signed with Ed25519. electron-updater trusts the sha512 that the same feed
 * serves beside the installer (on Linux, nothing else), so whoever can change the feed can
 * ship anything. Here the manifest itself must carry a signature from the key built into
 * the app, and every installer must match a hash in that signed manifest before it is used.
 */

/** The signature of `latest-linux.yml` is served beside it as `latest-linux.yml.sig` (base64). */
export const SIGNATURE_SUFFIX = '.sig';

export interface SignedManifest {
  version: string;
  /** The sha512 (base64) of every installer the manifest names. */
  sha512: string[];
}

/** The manifest electron-updater reads on this platform. */
export function manifestNameFor(platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32' ? 'latest.yml' : platform === 'darwin' ? 'latest-mac.yml' : 'latest-linux.yml';
}

export function signManifest(manifest: Uint8Array, privateKeyPem: string): string {
  return sign(null, manifest, privateKeyPem).toString('base64');
}

export function signatureValid(manifest: Uint8Array, signature: string, publicKey: string | KeyObject): boolean {
  try {
    return verify(null, manifest, createPublicKey(publicKey), Buffer.from(signature.trim(), 'base64'));
  } catch {
    return false;
  }
}

const refused = (why: string) => new DatelineError('UNSUPPORTED', `No update was used: ${why}`);

/**
 * Fetches the manifest and its signature from the feed and returns what the signed manifest
 * says, or refuses: no signature, a signature that does not match, or a manifest that does
 * not say what it must.
 */
export async function fetchSignedManifest(feedUrl: string, publicKey: string, name = manifestNameFor()): Promise<SignedManifest> {
  const base = feedUrl.endsWith('/') ? feedUrl : `${feedUrl}/`;
  const [manifest, signature] = await Promise.all([download(new URL(name, base)), download(new URL(name + SIGNATURE_SUFFIX, base))]);
  if (!manifest) throw refused(`the update feed has no ${name}.`);
  if (!signature) throw refused(`the update feed's ${name} is not signed.`);
  if (!signatureValid(manifest, signature.toString('utf8'), publicKey)) {
    throw refused(`the update feed's ${name} does not match its signature; it may have been changed.`);
  }
  return readManifest(manifest, name);
}

function readManifest(bytes: Uint8Array, name: string): SignedManifest {
  let parsed: { version?: unknown; sha512?: unknown; files?: { sha512?: unknown }[] };
  try {
    parsed = (yaml.load(Buffer.from(bytes).toString('utf8')) ?? {}) as typeof parsed;
  } catch {
    throw refused(`the update feed's ${name} cannot be read.`);
  }
  const hashes = [parsed.sha512, ...(Array.isArray(parsed.files) ? parsed.files.map((file) => file?.sha512) : [])];
  const sha512 = hashes.filter((hash): hash is string => typeof hash === 'string' && hash.length > 0);
  if (typeof parsed.version !== 'string' || sha512.length === 0) throw refused(`the update feed's ${name} names no version or installer.`);
  return { version: parsed.version, sha512 };
}

async function download(url: URL): Promise<Buffer | null> {
  const response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(30_000) });
  if (response.status === 404) return null;
  if (!response.ok) throw refused(`the update feed answered ${response.status} for ${url.pathname}.`);
  return Buffer.from(await response.arrayBuffer());
}

/** The sha512 (base64) of a downloaded file, as electron-updater's manifests write it. */
export async function fileSha512(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('base64');
}

/** Refuses an installer whose bytes are not one the signed manifest names. */
export async function checkDownloaded(file: string, manifest: SignedManifest): Promise<void> {
  if (!manifest.sha512.includes(await fileSha512(file))) {
    throw refused('the downloaded installer is not the one the signed manifest names.');
  }
}
