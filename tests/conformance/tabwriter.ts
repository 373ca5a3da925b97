// The expected side of table comparisons: Go's text/tabwriter as kubectl configures it
// (minwidth 6, padding 3, spaces). Cells of the last column are padded too when kubectl
// terminates every cell with a tab (as `kubectl top` does), which leaves trailing spaces.

export function tabwrite(rows: string[][], opts: { terminated?: boolean } = {}): string {
  const columns = Math.max(...rows.map((r) => r.length));
  const padded = opts.terminated ? columns : columns - 1;
  const widths: number[] = [];
  for (let c = 0; c < padded; c++) widths[c] = Math.max(6, ...rows.map((r) => (r[c] ?? '').length + 3));
  return rows
    .map((r) => r.map((cell, c) => (c < padded ? cell.padEnd(widths[c]) : cell)).join(''))
    .map((line) => line + '\n')
    .join('');
}
