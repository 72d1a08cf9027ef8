import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { benchEditor } from './editor-latency.ts';
import { printTable, type BenchRow } from './report.ts';

/**
 * `npm run bench`: each figure next to its baseline measured in the same run, printed as a
 * table and written to test-results/bench.json. Speed targets live here, not in tests.
 */
const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000,50000' } } });
const sizes = values.sizes.split(',').map(Number).filter((n) => n > 0);

const rows: BenchRow[] = [...(await benchEditor(sizes))];
printTable(rows);
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/bench.json', `${JSON.stringify({ date: new Date().toISOString(), rows }, null, 2)}\n`);
console.log('\nWritten to test-results/bench.json');
