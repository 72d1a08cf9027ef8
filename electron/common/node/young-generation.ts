import { setFlagsFromString } from 'node:v8';

/**
 * Keeps V8's young generation small (a few MB, 16 at most) in every thread of this process.
 *
 * V8 sizes the young generation from the machine's memory and doubles it whenever many
 * objects outlive a collection, as they do in an import (the articles parsed ahead wait
 * in memory to be stored): on a 24 GB machine the main thread's grew from 16 to 128 MB and
 * the import worker's alike, most of it garbage waiting for its turn. Importing 10,000
 * Markdown files peaked at 686–712 MB with the young generations grown and 368–437 MB kept
 * small, at some cost in pace (paired runs, last thousand: 284/274 files/s kept small,
 * 387/252 grown; searches the same within noise). A worker's young generation can be
 * capped by its `resourceLimits`, but the main thread's only by a command-line flag, which
 * the desktop app, the server and the CLI cannot pass to themselves. So the growth factor is
 * set instead: V8 reads it each time it would grow the young generation, so setting it after
 * start-up takes effect from the next growth on (tests/electron/common/node/young-generation.test.ts
 * checks that this still holds in the Node we ship on).
 *
 * Called once by each program's entry (desktop main, browser-mode server, CLI, bench).
 */
export function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
