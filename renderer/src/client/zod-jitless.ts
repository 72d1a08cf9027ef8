import { z } from 'zod';

/**
 * zod compiles schemas with `new Function` when it may, and probes for that once; under the
 * window's Content Security Policy (no 'unsafe-eval') the probe is refused and reported as a
 * violation on every load. Jitless, zod never probes, so a violation that is reported is a
 * real one. Imported first by the editor, the window's one part that parses with zod (its
 * nodes' payloads), before any of its schemas is built.
 */
z.config({ jitless: true });
