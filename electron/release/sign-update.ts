import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { signManifest, SIGNATURE_SUFFIX } from './signed-feed.ts';

/**
 * `npm run sign-update -- dist/latest*.yml`: writes `<manifest>.sig` beside each manifest,
 * signed with the Ed25519 private key in UPDATE_SIGNING_KEY (PEM). `--new-key` makes a new
 * key pair: the private half is printed once, to keep as that secret, and the public half is
 * written into the app (electron/release/update-key.ts).
 */
const args = process.argv.slice(2);
if (args[0] === '--new-key') {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const module = new URL('./update-key.ts', import.meta.url);
  const source = readFileSync(module, 'utf8').replace(/`-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----\n`/, `\`${pem}\``);
  writeFileSync(module, source);
  console.log('The public key is now built into the app. Keep this private key as the secret UPDATE_SIGNING_KEY, and nowhere else:\n');
  console.log(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
} else {
  const key = process.env.UPDATE_SIGNING_KEY;
  if (!key) {
    console.error('Set UPDATE_SIGNING_KEY to the Ed25519 private key (PEM) that signs update manifests.');
    process.exit(1);
  }
  if (args.length === 0) {
    console.error('Usage: npm run sign-update -- dist/latest*.yml   (or --new-key)');
    process.exit(2);
  }
  for (const manifest of args) {
    writeFileSync(manifest + SIGNATURE_SUFFIX, `${signManifest(readFileSync(manifest), key)}\n`);
    console.log(`signed ${manifest}`);
  }
}
