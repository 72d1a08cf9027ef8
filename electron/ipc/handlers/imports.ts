import type { ImportSummary, PendingFile } from '../../import/pipeline.ts';
import type { HandlerContext, Services } from './services.ts';
import type { HandlersOf } from './types.ts';

export function importHandlers({ library, app, emit, imports, allowed, requireFetching }: Services): HandlersOf<'import'> {
  return {
    'import.files': ({ files, job }) =>
      imports.run((signal) =>
        importAndAnnounce(
          { library, emit },
          files.map((file) => ({ path: file.name, read: async () => Buffer.from(file.data, 'base64') })),
          { signal, job },
        ),
      ),
    'import.cancel': () => ({ cancelled: imports.cancelAll() }),
    'import.urls': ({ urls, job = null }) => {
      requireFetching();
      return imports.run(async (signal) => {
        const { importAddresses } = await pipeline();
        const summary = await importAddresses(library, urls, {
          images: allowed('remote-images'),
          allowHosts: app.policy.intranetHosts,
          signal,
          onProgress: (progress) => emit('import.progress', { ...progress, job }),
        });
        announce(emit, summary, job);
        return summary;
      });
    },
  };
}

/**
 * Imports files and tells every window: progress as it goes, what changed, and the summary.
 * Used for files sent by the renderer and for files the desktop shell opens itself.
 */
export async function importAndAnnounce(
  { library, emit }: Pick<HandlerContext, 'library' | 'emit'>,
  files: readonly PendingFile[],
  { signal, job = null }: { signal?: AbortSignal; job?: string | null } = {},
): Promise<ImportSummary> {
  const { importFiles } = await pipeline();
  const summary = await importFiles(library, files, { signal, onProgress: (progress) => emit('import.progress', { ...progress, job }) });
  announce(emit, summary, job);
  return summary;
}

/** The import pipeline (parsers, Readability, converters) loads on the first import, not at start. */
const pipeline = () => import('../../import/pipeline.ts');

function announce(emit: HandlerContext['emit'], summary: ImportSummary, job: string | null): void {
  if (summary.imported.length) emit('library.changed', { ids: summary.imported.map((item) => item.id) });
  emit('import.finished', { ...summary, job });
}
