/** The closed set of error codes that may cross the contract. */
export const errorCodes = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'IMPORT_FAILED',
  'UNSUPPORTED',
  'TOO_LARGE',
  'LIBRARY_TOO_NEW',
  'LIBRARY_DAMAGED',
  /** The library is encrypted and no key for it was given. */
  'LIBRARY_LOCKED',
  /** The passphrase or recovery key given does not unlock the library. */
  'WRONG_PASSPHRASE',
  /** A newer search from the same window replaced this one before it finished. */
  'SUPERSEDED',
  /** The person stopped the work before it changed anything. */
  'CANCELLED',
  /** Storage refused a write (library/storage-errors.ts); nothing was lost. */
  'DISK_FULL',
  'READ_ONLY',
  /** Another process held the library's write lock for longer than Dateline waits. */
  'BUSY',
  'STORAGE_FAILED',
  /** A browser extension without a valid pairing (never paired, unpaired, or another's token). */
  'NOT_PAIRED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** An error meant for a person: its message is shown as is, so it must read well. */
export class DatelineError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'DatelineError';
    this.code = code;
  }
}

export function isDatelineError(value: unknown): value is DatelineError {
  return value instanceof DatelineError;
}
