import { execFileSync } from 'node:child_process';

/** The end-to-end tests drive the built app, exactly as `npm run web` serves it, and the built extension. */
export default function globalSetup(): void {
  if (process.env.DATELINE_SKIP_BUILD === '1') return;
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
