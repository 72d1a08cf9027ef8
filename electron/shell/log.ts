import { appendFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateFolder, makePrivate, PRIVATE_FILE } from '../common/node/private-files.ts';

export interface Logger {
  info(message: string): void;
  warn(message: string, error?: unknown): void;
  error(message: string, error?: unknown): void;
  readonly file: string;
}

export interface LogOptions {
  maxBytes?: number;
  /** Older files kept besides the current one: dateline.log.1 … dateline.log.N. */
  keep?: number;
}

/**
 * A log file in `dir` that rotates by size. Callers pass their own words and, for errors,
 * the error: only its name, message and stack are written, never article text.
 */
export function createLogger(dir: string, { maxBytes = 1024 * 1024, keep = 3 }: LogOptions = {}): Logger {
  ensurePrivateFolder(dir);
  const file = join(dir, 'dateline.log');
  makePrivate(file, ...Array.from({ length: keep }, (_, n) => `${file}.${n + 1}`));

  const rotate = () => {
    rmSync(`${file}.${keep}`, { force: true });
    for (let n = keep - 1; n >= 1; n -= 1) {
      try {
        renameSync(`${file}.${n}`, `${file}.${n + 1}`);
      } catch {
        // That generation does not exist yet.
      }
    }
    renameSync(file, `${file}.1`);
  };

  const write = (level: string, message: string, error?: unknown) => {
    const detail =
      error instanceof Error ? `\n  ${error.name}: ${error.message}\n${error.stack?.split('\n').slice(1).join('\n') ?? ''}` : '';
    const line = `${new Date().toISOString()} ${level} ${message}${detail}\n`;
    try {
      if (statSync(file).size + line.length > maxBytes) rotate();
    } catch {
      // No file yet.
    }
    appendFileSync(file, line, { mode: PRIVATE_FILE });
  };

  return {
    file,
    info: (message) => write('INFO', message),
    warn: (message, error) => write('WARN', message, error),
    error: (message, error) => write('ERROR', message, error),
  };
}
