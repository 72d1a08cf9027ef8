import { parentPort } from 'node:worker_threads';
import { isDatelineError } from '../../common/errors.ts';
import { parserFailureMessage } from '../failure.ts';
import { readImportFile } from '../read-file.ts';
import { isArticle, type ImportEntry } from '../types.ts';
import { countWords } from '../../common/text.ts';
import { downloadArticle } from '../web/page.ts';
import { readCapturedPage } from '../capture/captured-page.ts';
import { documentAsHtml } from '../converters.ts';
import { readOpml } from '../feeds/opml.ts';
import { readFetched } from '../feeds/read.ts';
import type { WorkerJob, WorkerReply, WorkerRequest } from './protocol.ts';

/**
 * The import worker: runs the parsers (Readability, mammoth, CSV, zip) and page downloads
 * away from the thread that answers the window, one job at a time. The pool kills it when
 * a job overruns its budget.
 */
async function run(job: WorkerJob): Promise<unknown> {
  switch (job.kind) {
    case 'download':
      return withWordCounts([await downloadArticle(job.url, { images: job.images, allowHosts: job.allowHosts })]);
    case 'capture':
      return withWordCounts([await readCapturedPage(job)]);
    case 'convert':
      return documentAsHtml(job.name, job.bytes);
    case 'feed':
      return readFetched(job.url, job.bytes, job.contentType);
    case 'opml':
      return readOpml(job.bytes);
    case 'parse': {
      const read = await readImportFile({ name: job.name, bytes: job.bytes });
      return read.kind === 'entries' ? { kind: 'entries', entries: withWordCounts(read.entries) } : read;
    }
  }
}

/** Counting words is slow enough (Intl.Segmenter) to be worth doing here, off the main thread. */
function withWordCounts(entries: ImportEntry[]): ImportEntry[] {
  return entries.map((entry) => (isArticle(entry) ? { ...entry, wordCount: entry.wordCount ?? countWords(entry.text) } : entry));
}

// One job at a time, in the order posted: the pool times each job from when its turn comes.
let queue: Promise<unknown> = Promise.resolve();

parentPort?.on('message', (request: WorkerRequest) => {
  queue = queue.then(() => handle(request));
});

function handle(request: WorkerRequest): Promise<void> {
  return run(request).then(
    (value) => reply({ id: request.id, ok: true, value }),
    (error: unknown) =>
      reply({
        id: request.id,
        ok: false,
        error: isDatelineError(error)
          ? { code: error.code, message: error.message }
          : { code: 'IMPORT_FAILED', message: parserFailureMessage(error) },
      }),
  );
}

function reply(message: WorkerReply): void {
  // Copied, not transferred: small Buffers share one pooled ArrayBuffer that must stay put.
  parentPort!.postMessage(message);
}
