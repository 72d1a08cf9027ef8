/** How an import's entries left out are counted in words, the same in the window and the CLI. */
export function entriesCount(count: number): string {
  return count === 1 ? '1 entry' : `${count.toLocaleString('en-US')} entries`;
}

export function leftOutTotal(summary: { leftOut: readonly { count: number }[] }): number {
  return summary.leftOut.reduce((total, group) => total + group.count, 0);
}

interface SummaryByFile {
  imported: readonly { title: string; path: string }[];
  duplicates: readonly { title: string; path: string }[];
  failed: readonly { path: string; error: { message: string } }[];
  leftOut: readonly { path: string; reason: string; count: number; titles: readonly string[] }[];
  notes: readonly { path: string; note: string }[];
}

/** What came of one file of an import, said in a line. */
export interface FileReport {
  path: string;
  line: string;
  /** Nothing of it was stored, or entries of it were left out. */
  trouble: boolean;
}

const quoted = (titles: readonly string[], count: number) =>
  titles.map((title) => `“${title}”`).join(', ') + (count > titles.length ? ' and more' : '');

/**
 * One line per file, in the order the files were reported: "bookmarks.html: 1 imported,
 * 1 skipped as a duplicate", "story.txt: imported “Pier opens”", "report.pdf: <why it failed>".
 */
export function fileReports(summary: SummaryByFile): FileReport[] {
  const files = new Map<string, { imported: string[]; duplicates: string[]; failed: string[]; details: string[]; trouble: boolean }>();
  const fileOf = (path: string) => {
    let file = files.get(path);
    if (!file) files.set(path, (file = { imported: [], duplicates: [], failed: [], details: [], trouble: false }));
    return file;
  };
  for (const item of summary.imported) fileOf(item.path).imported.push(item.title);
  for (const item of summary.duplicates) fileOf(item.path).duplicates.push(item.title);
  for (const item of summary.failed) Object.assign(fileOf(item.path), { trouble: true }).failed.push(item.error.message);
  for (const group of summary.leftOut) {
    const file = Object.assign(fileOf(group.path), { trouble: true });
    file.details.push(`${entriesCount(group.count)} left out because ${group.reason}: ${quoted(group.titles, group.count)}`);
  }
  for (const item of summary.notes) fileOf(item.path).details.push(item.note);
  return [...files].map(([path, file]) => ({ path, line: `${path}: ${describeFile(file)}`, trouble: file.trouble }));
}

function describeFile(file: { imported: string[]; duplicates: string[]; failed: string[]; details: string[]; trouble: boolean }): string {
  const { imported, duplicates, failed, details } = file;
  // A file of one story names it; a file of many counts them.
  const single = imported.length + duplicates.length === 1 && !file.trouble;
  const counts: string[] = [];
  if (imported.length) counts.push(single ? `imported “${imported[0]}”` : `${imported.length.toLocaleString('en-US')} imported`);
  if (duplicates.length) {
    counts.push(
      single
        ? `already in the library as “${duplicates[0]}”`
        : `${duplicates.length.toLocaleString('en-US')} skipped as ${duplicates.length === 1 ? 'a duplicate' : 'duplicates'}`,
    );
  }
  return [counts.join(', '), ...failed, ...details].filter(Boolean).join('; ');
}
