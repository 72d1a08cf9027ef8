import { appHandlers } from './app.ts';
import { articleHandlers } from './articles.ts';
import { backupHandlers } from './backups.ts';
import { captureHandlers } from './capture.ts';
import { deskHandlers } from './desk.ts';
import { downloadHandlers } from './downloads.ts';
import { exportHandlers } from './export.ts';
import { feedHandlers } from './feeds.ts';
import { highlightHandlers } from './highlights.ts';
import { importHandlers } from './imports.ts';
import { mediaHandlers } from './media.ts';
import { revisionHandlers } from './revisions.ts';
import { searchHandlers } from './search.ts';
import { securityHandlers } from './security.ts';
import type { Services } from './services.ts';
import { settingsHandlers } from './settings.ts';
import { tagHandlers } from './tags.ts';
import type { Handlers } from './types.ts';

/**
 * Every channel's handler, one module per namespace. The type makes a channel added to the
 * contract without a handler (or a handler for a channel that is not there) a compile error.
 */
export function createHandlers(services: Services): Handlers {
  return {
    ...articleHandlers(services),
    ...importHandlers(services),
    ...downloadHandlers(services),
    ...searchHandlers(services),
    ...tagHandlers(services),
    ...settingsHandlers(services),
    ...exportHandlers(services),
    ...appHandlers(services),
    ...revisionHandlers(services),
    ...highlightHandlers(services),
    ...backupHandlers(services),
    ...mediaHandlers(services),
    ...securityHandlers(services),
    ...feedHandlers(services),
    ...captureHandlers(services),
    ...deskHandlers(services),
  };
}
