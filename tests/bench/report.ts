/** One figure of `npm run bench`: ours, and the same thing done with no Dateline code. */
export interface BenchRow {
  suite: string;
  name: string;
  unit: string;
  p50: number;
  p95: number;
  baselineP95: number;
  target: string;
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * One figure on a line of its own as soon as it is measured (on stderr, beside the progress
 * lines), so a run of an hour shows what it has found so far, and a stopped run keeps it.
 */
export function printMeasured(rows: BenchRow[]): BenchRow[] {
  for (const row of rows) {
    const unit = row.unit ? ` ${row.unit}` : '';
    const figure = (value: number) => (row.unit === '' ? value.toFixed(3) : value.toFixed(1));
    console.error(
      `  measured: ${row.name}: p50 ${figure(row.p50)}${unit}, p95 ${figure(row.p95)}${unit} (baseline ${figure(row.baselineP95)}; target ${row.target})`,
    );
  }
  return rows;
}

export function printTable(rows: BenchRow[]): void {
  // Scores without a unit (an F1 of 0.951) need their decimals; times and rates do not.
  const shown = (value: number, unit: string) => (unit === '' ? value.toFixed(3) : `${value.toFixed(1)} ${unit}`);
  const lines = rows.map((row) => [
    row.name,
    shown(row.p50, row.unit),
    shown(row.p95, row.unit),
    shown(row.baselineP95, row.unit),
    (row.p95 / row.baselineP95).toFixed(2),
    row.target,
  ]);
  const header = ['measure', 'p50', 'p95', 'baseline p95', 'ratio', 'target'];
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of lines) console.log(format(line));
}
