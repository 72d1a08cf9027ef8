import { DatelineError, isDatelineError, type ErrorCode } from '../common/errors.ts';
import { findDuplicate, insertSavedArticle } from '../library/articles.ts';
import type { Library } from '../library/library.ts';
import { findImporter, supportedExtensions } from './registry.ts';
import { extensionOf } from './types.ts';

/** Larger files are refused before they are read: no article is that long. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** A file waiting to be imported: where it came from and how to get its bytes. */
export interface PendingFile {
  path: string;
  size?: number;
  read(): Promise<Uint8Array>;
}

export interface ImportSummary {
  imported: { id: number; title: string; path: string }[];
  duplicates: { id: number; path: string; title: string }[];
  failed: { path: string; error: { code: ErrorCode; message: string } }[];
}

export interface ImportProgress {
  done: number;
  total: number;
  current: string | null;
}

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
}

/**
 * Detects, parses, de-duplicates and stores each file, reporting on every one. A file's
 * articles are stored in one transaction, so a file that fails leaves nothing behind.
 */
export async function importFiles(
  library: Library,
  files: readonly PendingFile[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const summary: ImportSummary = { imported: [], duplicates: [], failed: [] };
  const total = files.length;
  for (const [index, file] of files.entries()) {
    if (options.signal?.aborted) break;
    options.onProgress?.({ done: index, total, current: file.path });
    try {
      await importOne(library, file, summary);
    } catch (error) {
      summary.failed.push({ path: file.path, error: describeFailure(error) });
    }
  }
  options.onProgress?.({ done: total, total, current: null });
  return summary;
}

async function importOne(library: Library, file: PendingFile, summary: ImportSummary): Promise<void> {
  if (file.size !== undefined) assertSize(file.size);
  const source = { name: file.path, bytes: await file.read() };
  assertSize(source.bytes.length);
  const importer = findImporter(source);
  if (!importer) {
    const extension = extensionOf(file.path) || 'without an extension';
    throw new DatelineError(
      'UNSUPPORTED',
      `Dateline cannot import files ${extension.startsWith('.') ? `of type ${extension}` : extension}. It imports ${supportedExtensions.join(', ')} files.`,
    );
  }
  const articles = await importer.parse(source);
  if (articles.length === 0) throw new DatelineError('IMPORT_FAILED', 'The file holds no article.');
  // Outcomes are recorded only once the transaction has committed.
  const outcome = library.write(() =>
    articles.map((article) => {
      const duplicate = findDuplicate(library, article);
      return duplicate
        ? { stored: false, id: duplicate.id, title: article.title }
        : { stored: true, id: insertSavedArticle(library, article), title: article.title };
    }),
  );
  for (const result of outcome) {
    const list = result.stored ? summary.imported : summary.duplicates;
    list.push({ id: result.id, title: result.title, path: file.path });
  }
}

function assertSize(bytes: number): void {
  if (bytes > MAX_IMPORT_BYTES) {
    throw new DatelineError(
      'TOO_LARGE',
      `The file is ${(bytes / 1024 / 1024).toFixed(0)} MB; Dateline imports files of up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
    );
  }
}

function describeFailure(error: unknown): { code: ErrorCode; message: string } {
  if (isDatelineError(error)) return { code: error.code, message: error.message };
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { code: 'NOT_FOUND', message: 'The file does not exist.' };
  if (code === 'EACCES' || code === 'EPERM') return { code: 'IMPORT_FAILED', message: 'Dateline may not read this file.' };
  if (code === 'EISDIR') return { code: 'IMPORT_FAILED', message: 'This is a folder, not a file.' };
  return { code: 'IMPORT_FAILED', message: `The file could not be imported: ${(error as Error).message}` };
}
