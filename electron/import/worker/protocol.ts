import type { ErrorCode } from '../../common/errors.ts';
import type { ImportEntry } from '../types.ts';

/** What the import worker is asked to do: read a file's bytes, or download a web page. */
export type WorkerJob =
  | { kind: 'parse'; importer: string; name: string; bytes: Uint8Array }
  | { kind: 'download'; url: string; images: boolean; allowHosts: string[] };

export type WorkerRequest = WorkerJob & { id: number };

export type WorkerReply =
  { id: number; ok: true; entries: ImportEntry[] } | { id: number; ok: false; error: { code: ErrorCode; message: string } };
