/**
 * What a person is told when a parser failed on a file: a sentence of ours, never a
 * library's stack or its request to report bugs to its authors.
 */
export function parserFailureMessage(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return 'The file nests quotes, lists or sections too deeply for Dateline to read.';
  }
  const message = error instanceof Error ? error.message : String(error);
  const line = (message.split('\n')[0] ?? '').replace(/\s*Please report this to\b.*$/i, '').trim();
  if (!line) return 'The file could not be read: it is not in a form Dateline can read.';
  return `The file could not be read: ${/[.!?]$/.test(line) ? line : `${line}.`}`;
}
