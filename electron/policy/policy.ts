import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { featureNames, type Feature } from '../common/features.ts';
import { deskAddress } from '../common/settings.ts';

/**
 * The managed-deployment policy: a JSON file IT places system-wide. What it sets wins over
 * the person's own settings, and the app shows those settings as managed.
 */
export const policySchema = z.strictObject({
  updates: z
    .strictObject({
      enabled: z.boolean().optional(),
      /** Where the newsroom hosts its updates (electron-updater's generic provider). */
      url: z.url({ protocol: /^https$/, error: 'updates.url must be an https:// address' }).optional(),
    })
    .optional(),
  /** The folder new libraries go in by default, such as a folder backed up by IT. */
  libraryFolder: z.string().min(1).optional(),
  disabledFeatures: z.array(z.enum(featureNames)).optional(),
  /**
   * Hosts on the newsroom's own network that saved links and pictures may be downloaded
   * from; every other loopback, private or link-local address is refused (address-guard.ts).
   */
  intranetHosts: z.array(z.string().min(1).max(253)).max(100).optional(),
  /** `requireEncryption`: every library is to be encrypted; decrypting one is refused. */
  security: z.strictObject({ requireEncryption: z.boolean().optional() }).optional(),
  /** The newsroom's desk: drafts are shared there, whatever a person's Settings say. */
  desk: z.strictObject({ url: deskAddress.refine((url) => url !== '', 'desk.url names the desk') }).optional(),
});

export type Policy = z.output<typeof policySchema>;

export interface LoadedPolicy {
  policy: Policy;
  /** The file it came from, or null when there is none. */
  source: string | null;
  /** Why a policy file that exists was not applied; the app reports it. */
  problem: string | null;
}

/** Where each OS keeps the policy file; documented in the README. */
export function policyPath(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.ProgramData || 'C:\\ProgramData', 'Dateline', 'policy.json');
  if (platform === 'darwin') return '/Library/Application Support/Dateline/policy.json';
  return '/etc/dateline/policy.json';
}

/**
 * Reads the policy. A missing file means no policy; an unreadable or invalid one is not
 * half-applied: it is reported and nothing in it is used.
 */
export function loadPolicy(file: string = policyPath()): LoadedPolicy {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { policy: {}, source: null, problem: null };
    return { policy: {}, source: file, problem: `The policy file ${file} could not be read: ${(error as Error).message}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { policy: {}, source: file, problem: `The policy file ${file} is not valid JSON, so it was ignored.` };
  }
  const parsed = policySchema.safeParse(json);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`).join('; ');
    return { policy: {}, source: file, problem: `The policy file ${file} was ignored because it is not valid (${detail}).` };
  }
  return { policy: parsed.data, source: file, problem: null };
}

export function isFeatureEnabled(policy: Policy, feature: Feature): boolean {
  return !policy.disabledFeatures?.includes(feature);
}

/** Updates run only in a packaged app, and only where the policy does not turn them off. */
export function updatesEnabled(policy: Policy, isPackaged: boolean): boolean {
  return isPackaged && policy.updates?.enabled !== false;
}
