import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { benchDesk } from './desk.ts';
import { benchEditor } from './editor-latency.ts';
import { benchExtraction } from './extraction.ts';
import { benchHostile } from './hostile.ts';
import { benchImportRate } from './import-rate.ts';
import { benchEncryption } from './encryption.ts';
import { benchLibrary } from './library.ts';
import { printTable, type BenchRow } from './report.ts';
import { keepYoungGenerationSmall } from '../../electron/common/node/young-generation.ts';

// The bench's imports and searches run in this process, so it is set up as the apps' are.
keepYoungGenerationSmall();

/**
 * `npm run bench`: each figure next to its baseline measured in the same run, printed as a
 * table and written to test-results/bench.json. Speed targets live here, not in tests.
 */
const { values } = parseArgs({
  options: {
    /** Editor document sizes in words. */
    sizes: { type: 'string', default: '1000,10000,50000' },
    /** Library sizes in articles; `--size 1000000` for the optional million-article run. */
    size: { type: 'string', default: '10000,100000' },
    only: { type: 'string' },
  },
});
const sizes = values.sizes
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const librarySizes = values.size
  .split(',')
  .map(Number)
  .filter((n) => n > 0);

const rows: BenchRow[] = [];
if (values.only === undefined || values.only === 'editor') rows.push(...(await benchEditor(sizes)));
if (values.only === undefined || values.only === 'library') {
  for (const size of librarySizes) rows.push(...(await benchLibrary(size)));
}
if (values.only === undefined || values.only === 'hostile') rows.push(...(await benchHostile()));
if (values.only === undefined || values.only === 'extraction') rows.push(...(await benchExtraction()));
if (values.only === undefined || values.only === 'import') rows.push(...benchImportRate());
if (values.only === undefined || values.only === 'desk') rows.push(...(await benchDesk()));
// Beside the plain library of the biggest size asked for.
if (values.only === undefined || values.only === 'encryption') rows.push(...(await benchEncryption(Math.max(...librarySizes))));
printTable(rows);
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/bench.json', `${JSON.stringify({ date: new Date().toISOString(), rows }, null, 2)}\n`);
console.log('\nWritten to test-results/bench.json');
