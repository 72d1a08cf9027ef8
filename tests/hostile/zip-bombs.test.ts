import { Deflate } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../electron/import/pipeline.ts';
import { importAsDraft } from '../../electron/import/drafts.ts';
import { articleCountOf } from '../../electron/library/database.ts';
import { tempLibrary } from '../helpers/temp.ts';

/**
 * Zip and Word bombs whose entries lie about their size: small on the label, a gigabyte
 * inside. Inflation happens in the import worker, and every byte that comes out is counted
 * as it comes, so a bomb stops at the budget: memory never holds the gigabyte, and the
 * rest of an import goes on.
 */

const INSIDE_BYTES = 1200 * 1024 * 1024;

/** `bytes` of zeros, deflated as a stream (never held whole). */
function deflatedZeros(bytes: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const deflate = new Deflate({ level: 1 }, (chunk) => parts.push(chunk));
  const block = new Uint8Array(16 * 1024 * 1024);
  for (let left = bytes; left > 0; left -= block.length)
    deflate.push(left > block.length ? block : block.subarray(0, left), left <= block.length);
  return Buffer.concat(parts);
}

let zeros: Uint8Array | null = null;

/** A zip of one deflated entry whose headers declare it a few hundred bytes. */
function lyingZip(name: string): Uint8Array {
  zeros ??= deflatedZeros(INSIDE_BYTES);
  const nameBytes = Buffer.from(name);
  const declared = 300;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(zeros.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(zeros.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const centralOffset = local.length + nameBytes.length + zeros.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, nameBytes, zeros, central, nameBytes, end]);
}

/** The process's peak resident memory while `work` runs, sampled every few milliseconds. */
async function peakMemory<T>(work: () => Promise<T>): Promise<{ result: T; peakBytes: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  try {
    const result = await work();
    return { result, peakBytes: peak };
  } finally {
    clearInterval(timer);
  }
}

describe('archives that lie about what they hold', { timeout: 120_000 }, () => {
  it('a Pocket export, a plain zip and a Word document each stop at the budget, and the rest of the import goes on', async () => {
    const library = tempLibrary();
    const files = [
      { path: 'pocket.zip', bytes: lyingZip('part_000000.csv') },
      { path: 'stories.zip', bytes: lyingZip('story.txt') },
      { path: 'report.docx', bytes: lyingZip('word/document.xml') },
      { path: 'fine.txt', bytes: Buffer.from('A sound story\n\nThe ferry left at noon on Monday, the harbour master said.') },
    ];
    const before = process.memoryUsage.rss();
    const { result: summary, peakBytes } = await peakMemory(() =>
      importFiles(
        library,
        files.map((file) => ({ path: file.path, read: async () => file.bytes })),
      ),
    );
    expect(summary.imported.map((item) => item.path)).toEqual(['fine.txt']);
    expect(summary.failed.map((item) => item.path).sort()).toEqual(['pocket.zip', 'report.docx', 'stories.zip']);
    for (const failure of summary.failed) {
      expect(failure.error).toMatchObject({ code: 'TOO_LARGE', message: expect.stringMatching(/unpacks to more than Dateline will read/) });
    }
    expect(articleCountOf(library.db)).toBe(1);
    // Never the gigabyte inside: what was inflated stopped at the budget.
    expect(peakBytes - before).toBeLessThan(1024 * 1024 * 1024);
  });

  it('a Word document started as a draft is refused the same way, in the worker', async () => {
    const library = tempLibrary();
    await expect(importAsDraft(library, 'report.docx', lyingZip('word/document.xml'))).rejects.toMatchObject({ code: 'TOO_LARGE' });
    expect(articleCountOf(library.db)).toBe(0);
  });
});
