// kubectl's HumanReadablePrinter for server-side Tables (printers/tableprinter.go): headers
// once per column set, priority>0 columns only with -o wide, NAMESPACE first with -A,
// LABELS last with --show-labels, `kind.group/` before names when kinds are mixed.

import { goSprint } from '../gofmt.ts';
import { escapeTerminal } from './terminal.ts';

export interface TableColumnDefinition {
  name: string;
  type?: string;
  format?: string;
  priority?: number;
}

export interface TableRow {
  cells: unknown[];
  object?: { metadata?: { name?: string; namespace?: string; labels?: Record<string, string> } };
}

export interface Table {
  kind?: string;
  columnDefinitions?: TableColumnDefinition[];
  rows?: TableRow[];
}

export interface TablePrintOptions {
  noHeaders?: boolean;
  wide?: boolean;
  withNamespace?: boolean;
  showLabels?: boolean;
  /** `deployment.apps`: set when the output mixes kinds. */
  kindPrefix?: string;
  /** -L columns: label keys shown as upper-cased columns. */
  columnLabels?: string[];
}

/** labels.FormatLabels: sorted `k=v` pairs, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/** A cell as printRows writes it: strings cut at the first line break, other values fmt.Sprint, escaped. */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') {
    const cut = cell.search(/[\f\n\r]/);
    return cut >= 0 ? escapeTerminal(cell.slice(0, cut)) + '...' : escapeTerminal(cell);
  }
  return escapeTerminal(goSprint(cell, 'int64'));
}

/** Tab-separated lines for one Table; the caller's tabwriter aligns them. */
export class TablePrinter {
  private readonly options: TablePrintOptions;
  private lastColumns: string | undefined;
  private printedHeaders = false;

  constructor(options: TablePrintOptions) {
    this.options = options;
  }

  print(table: Table): string {
    const columns = table.columnDefinitions ?? [];
    const rows = table.rows ?? [];
    const columnsKey = JSON.stringify(columns);
    let noHeaders = this.options.noHeaders ?? false;
    if (this.printedHeaders && (columns.length === 0 || columnsKey === this.lastColumns)) noHeaders = true;
    if (columnsKey !== this.lastColumns) {
      this.lastColumns = columnsKey;
      this.printedHeaders = false;
    }
    if (rows.length > 0) this.printedHeaders = true;
    // Headers are only printed above rows.
    if (rows.length === 0) return '';
    const shown = columns.map((c, i) => ({ c, i })).filter(({ c }) => this.options.wide || !c.priority);
    let out = '';
    if (!noHeaders) {
      const headers = shown.map(({ c }) => c.name.toUpperCase());
      if (this.options.withNamespace) headers.unshift('NAMESPACE');
      if (this.options.showLabels) headers.push('LABELS');
      for (const l of this.options.columnLabels ?? []) headers.push(l.split('/').pop()!.toUpperCase());
      out += headers.join('\t') + '\n';
    }
    for (const row of rows) {
      const cells: string[] = [];
      if (this.options.withNamespace) cells.push(row.object?.metadata?.namespace ?? '');
      for (const { c, i } of shown) {
        let text = cellText(row.cells[i]);
        if (this.options.kindPrefix && c.format === 'name') text = `${this.options.kindPrefix}/${text}`;
        cells.push(text);
      }
      if (this.options.showLabels) cells.push(formatLabels(row.object?.metadata?.labels));
      for (const l of this.options.columnLabels ?? []) cells.push(row.object?.metadata?.labels?.[l] ?? '');
      out += cells.join('\t') + '\n';
    }
    return out;
  }
}
