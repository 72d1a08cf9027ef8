import { DatelineError } from '../common/errors.ts';

/**
 * SQLite's and the file system's ways of saying the disk would not do what was asked, as
 * sentences a person can act on. Each failing write was one transaction, so nothing the
 * library held was lost; the sentence says so. Null for any other error.
 */
export function storageError(error: unknown): DatelineError | null {
  if (error instanceof DatelineError) return null;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') {
    return new DatelineError('DISK_FULL', 'The disk is full. Nothing was lost; free some space and try again.');
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') {
    return new DatelineError(
      'READ_ONLY',
      'The library cannot be written to: its file or folder is read-only, or the disk was mounted read-only. Nothing was lost; make it writable and try again.',
    );
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new DatelineError(
      'BUSY',
      'Another program is writing to the library (perhaps an import from the command line). Nothing was lost; Dateline will try again in a moment.',
    );
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN' || code === 'EIO') {
    return new DatelineError(
      'STORAGE_FAILED',
      `The disk could not read or write the library (${code}). Nothing was lost; check the disk, then try again.`,
    );
  }
  return null;
}
