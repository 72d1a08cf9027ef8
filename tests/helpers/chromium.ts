import { existsSync } from 'node:fs';

/** Debian's Chromium (CI and these machines); elsewhere Playwright's own browser if installed. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/**
 * How every test and bench starts Chromium here: headless as root, and none of the
 * background connections a closed network refuses (they slow the start and fill the log).
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
