import { readFileSync } from 'node:fs';
import { features } from '../common/features.ts';
import type { AppInfo } from '../ipc/contract.ts';
import { loadPolicy, policyPath, updatesEnabled, type LoadedPolicy } from './policy.ts';

export interface AppDescription {
  mode: AppInfo['mode'];
  version: string;
  libraryPath: string;
  loaded: LoadedPolicy;
  isPackaged: boolean;
  /** The update feed built into the installer, when there is one. */
  builtInUpdateUrl?: string | null;
}

/** What the settings view shows about the running app, including what policy manages. */
export function describeApp({ mode, version, libraryPath, loaded, isPackaged, builtInUpdateUrl = null }: AppDescription): AppInfo {
  const { policy } = loaded;
  return {
    mode,
    version,
    libraryPath,
    updates: {
      available: mode === 'desktop' && isPackaged,
      enabled: updatesEnabled(policy, isPackaged),
      url: policy.updates?.url ?? builtInUpdateUrl,
      managed: policy.updates?.enabled !== undefined || policy.updates?.url !== undefined,
    },
    policy: {
      source: loaded.source,
      problem: loaded.problem,
      libraryFolderManaged: policy.libraryFolder !== undefined,
      disabledFeatures: (policy.disabledFeatures ?? []).map((id) => ({ id, label: features[id] })),
      intranetHosts: policy.intranetHosts ?? [],
      requireEncryption: policy.security?.requireEncryption === true,
      deskUrl: policy.desk?.url ?? null,
    },
  };
}

/** The version in package.json, for the tools that run from source (browser mode, the CLI). */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/**
 * The policy for tools that are not the installed app (browser mode, the CLI, tests):
 * DATELINE_POLICY_FILE may point at another file there. The packaged desktop app reads only
 * the system-wide file, so a person cannot swap the newsroom's policy for their own.
 */
export function loadDevelopmentPolicy(env: NodeJS.ProcessEnv = process.env): LoadedPolicy {
  return loadPolicy(env.DATELINE_POLICY_FILE || policyPath());
}
