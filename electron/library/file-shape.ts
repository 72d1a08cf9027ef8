import { closeSync, openSync, readSync, statSync } from 'node:fs';

const HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;

/**
 * What can be told of a library file without SQLite, in microseconds: SQLite itself opens
 * an empty file as a new, empty database and would happily write over what was lost, and it
 * reads a file cut short as if the missing pages were there. An empty list means the file
 * looks like a whole SQLite database; its contents are the quick check's business.
 */
export function fileShapeProblems(file: string, { encrypted = false }: { encrypted?: boolean } = {}): string[] {
  const size = statSync(file).size;
  if (size === 0) return ['The library file is empty (0 bytes): its contents were lost or never written.'];
  // An encrypted file's header is encrypted too: SQLite reading it with the key is the check.
  if (encrypted) return [];
  const header = Buffer.alloc(HEADER_BYTES);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, HEADER_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  if (size < HEADER_BYTES || !header.subarray(0, HEADER.length).equals(HEADER)) {
    return [
      `The library file does not begin with a SQLite header (${size} bytes): it is not, or no longer, a Dateline library. If it was encrypted and its keys file is lost, open it with its recovery key in DATELINE_PASSPHRASE.`,
    ];
  }
  const expected = headerSize(header);
  // A checkpoint cut short writes page 1 before the pages after it, so the file may be
  // shorter than its header while the write-ahead log still holds the rest.
  if (expected !== null && size < expected && !hasLog(file)) {
    return [`The library file is shorter than its header says (${size} of ${expected} bytes): its end was cut off.`];
  }
  return [];
}

/** The database size the header records, when the header says that figure is current. */
function headerSize(header: Buffer): number | null {
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  const changeCounter = header.readUInt32BE(24);
  const validFor = header.readUInt32BE(92);
  if (pages === 0 || changeCounter !== validFor || pageSize < 512) return null;
  return pages * pageSize;
}

function hasLog(file: string): boolean {
  return ['-wal', '-journal'].some((suffix) => (statSync(file + suffix, { throwIfNoEntry: false })?.size ?? 0) > 0);
}
