import { execFileSync } from 'node:child_process';

/**
 * The security scan and the packaging test examine the built app (what ships), so the unit
 * suite builds it once first, as `npm run build` does.
 */
export default function globalSetup(): void {
  if (process.env.DATELINE_SKIP_BUILD === '1') return;
  // The whole build, the browser extension too: the end-to-end run after this one uses it.
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
