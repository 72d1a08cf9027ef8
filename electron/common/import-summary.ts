/** How an import's entries left out are counted in words, the same in the window and the CLI. */
export function entriesCount(count: number): string {
  return count === 1 ? '1 entry' : `${count.toLocaleString('en-US')} entries`;
}

export function leftOutTotal(summary: { leftOut: readonly { count: number }[] }): number {
  return summary.leftOut.reduce((total, group) => total + group.count, 0);
}
