// Go's text/tabwriter, as kubectl uses it (through liggitt/tabwriter, which can remember column
// widths across flushes). Cells are tab-terminated; the text after a line's last tab is not part
// of any column. A column block is a run of consecutive lines that all have a cell in that
// column, and each block gets its own width.

export interface TabWriterOptions {
  minwidth: number;
  padding: number;
  /** Keep the widest width seen for each column across flushes (kubectl's RememberWidths). */
  rememberWidths?: boolean;
}

/** kubectl's printers.GetNewTabWriter: minwidth 6, tabwidth 4, padding 3, spaces, RememberWidths. */
export const kubectlTableOptions: TabWriterOptions = { minwidth: 6, padding: 3, rememberWidths: true };

/** kubectl describe's tabbedString: minwidth 0, tabwidth 8, padding 2, spaces. */
export const describeOptions: TabWriterOptions = { minwidth: 0, padding: 2 };

/** Go's tabwriter counts a cell's width in runes. */
const runeCount = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

export class TabWriter {
  private readonly options: TabWriterOptions;
  private readonly out: (text: string) => void;
  /** Complete lines waiting for a flush, each split into cells. */
  private lines: string[][] = [];
  /** Text of the current, unterminated line. */
  private pending = '';
  private widths: number[] = [];
  private maxWidths: number[] = [];

  constructor(out: (text: string) => void, options: TabWriterOptions) {
    this.out = out;
    this.options = options;
  }

  write(text: string): void {
    let rest = this.pending + text;
    let newline = rest.indexOf('\n');
    while (newline >= 0) {
      const cells = rest.slice(0, newline).split('\t');
      this.lines.push(cells);
      rest = rest.slice(newline + 1);
      // A line with one cell cannot affect the layout of later lines: Go flushes there.
      if (cells.length === 1) this.flushLines(false);
      newline = rest.indexOf('\n');
    }
    this.pending = rest;
  }

  flush(): void {
    if (this.pending !== '') {
      this.lines.push(this.pending.split('\t'));
      this.pending = '';
      this.flushLines(true);
    } else {
      this.flushLines(false);
    }
  }

  setRememberedWidths(widths: number[] | null): void {
    this.maxWidths = widths ?? [];
  }

  private flushLines(lastLineUnterminated: boolean): void {
    if (this.lines.length === 0) return;
    const text: string[] = [];
    this.format(text, 0, this.lines.length);
    let joined = text.join('');
    if (lastLineUnterminated && joined.endsWith('\n')) joined = joined.slice(0, -1);
    this.lines = [];
    this.widths = [];
    this.out(joined);
  }

  private format(text: string[], line0: number, line1: number): void {
    const column = this.widths.length;
    for (let current = line0; current < line1; current++) {
      if (column >= this.lines[current]!.length - 1) continue;
      // A cell exists in this column: print the lines before the block, then size the block.
      this.writeLines(text, line0, current);
      line0 = current;
      let width = this.options.minwidth;
      for (; current < line1; current++) {
        const line = this.lines[current]!;
        if (column >= line.length - 1) break;
        width = Math.max(width, runeCount(line[column]!) + this.options.padding);
      }
      if (this.options.rememberWidths) {
        if (this.maxWidths.length < this.widths.length) this.maxWidths.push(...this.widths.slice(this.maxWidths.length));
        if (this.maxWidths.length === this.widths.length) this.maxWidths.push(width);
        else if (this.maxWidths[this.widths.length]! > width) width = this.maxWidths[this.widths.length]!;
        else this.maxWidths[this.widths.length] = width;
      }
      this.widths.push(width);
      this.format(text, line0, current);
      this.widths.pop();
      line0 = current;
      current--;
    }
    this.writeLines(text, line0, line1);
  }

  private writeLines(text: string[], line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]!;
      let out = '';
      line.forEach((cell, j) => {
        out += cell;
        if (j < this.widths.length) out += ' '.repeat(Math.max(0, this.widths[j]! - runeCount(cell)));
      });
      text.push(out + '\n');
    }
  }
}

/** Lay out text through a fresh tabwriter and return the result. */
export function tabwrite(text: string, options: TabWriterOptions): string {
  let out = '';
  const w = new TabWriter((t) => (out += t), options);
  w.write(text);
  w.flush();
  return out;
}
