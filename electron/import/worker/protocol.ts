import type { ErrorCode } from '../../common/errors.ts';
import type { CapturedPageJob } from '../capture/captured-page.ts';
import type { FrontMatter } from '../converters.ts';
import type { OpmlOutline } from '../feeds/opml.ts';
import type { FeedRead } from '../feeds/read.ts';
import type { FileRead } from '../read-file.ts';
import type { ImportEntry } from '../types.ts';

/**
 * What the import worker is asked to do: everything that parses or inflates what a file or
 * the web sent (so a bomb or a parser's runaway never stalls the thread that answers the
 * window), each with what it answers.
 */
export interface WorkerJobs {
  /** A file's bytes recognised and read (a zip that no app's export explains: its files, inflated within the budget). */
  parse: { job: { name: string; bytes: Uint8Array }; result: FileRead };
  /** A web page downloaded and read. */
  download: { job: { url: string; images: boolean; allowHosts: string[] }; result: ImportEntry[] };
  /** A page the browser extension sent, with its pictures. */
  capture: { job: CapturedPageJob; result: ImportEntry[] };
  /** What a feed's address sent, read as a feed (or as a page naming feeds). */
  feed: { job: { url: string; bytes: Uint8Array; contentType: string }; result: FeedRead };
  /** A list of subscriptions (OPML) read. */
  opml: { job: { bytes: Uint8Array }; result: OpmlOutline[] };
  /** A Word or Markdown file as HTML, to start a draft from. */
  convert: { job: { name: string; bytes: Uint8Array }; result: { html: string; frontMatter: FrontMatter } };
}

export type JobKind = keyof WorkerJobs;
export type WorkerJob = { [K in JobKind]: { kind: K } & WorkerJobs[K]['job'] }[JobKind];
export type JobResult<K extends JobKind> = WorkerJobs[K]['result'];

export type WorkerRequest = WorkerJob & { id: number };

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { code: ErrorCode; message: string } };
