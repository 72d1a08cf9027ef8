import type { Services } from './services.ts';
import type { HandlersOf } from './types.ts';

export function downloadHandlers({ downloads, downloadStatus, requireFetching }: Services): HandlersOf<'downloads'> {
  return {
    'downloads.start': () => {
      requireFetching();
      downloads.start();
      return downloadStatus();
    },
    'downloads.cancel': () => {
      downloads.cancel();
      return downloadStatus();
    },
    'downloads.status': () => downloadStatus(),
  };
}
