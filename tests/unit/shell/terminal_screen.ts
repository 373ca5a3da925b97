// A real terminal emulator (xterm.js headless, Unicode 11 widths) to read back what the line
// editor drew: the text on screen and the cell under the cursor. Widths are grapheme clusters'.
import xtermHeadless from '@xterm/headless';
import unicodeGraphemes from '@xterm/addon-unicode-graphemes';

export class TerminalScreen {
  readonly terminal: InstanceType<typeof xtermHeadless.Terminal>;

  constructor(columns: number, rows = 60) {
    this.terminal = new xtermHeadless.Terminal({ cols: columns, rows, allowProposedApi: true, scrollback: 0 });
    this.terminal.loadAddon(new unicodeGraphemes.UnicodeGraphemesAddon());
  }

  write(data: string): Promise<void> {
    return new Promise((resolve) => this.terminal.write(data, resolve));
  }

  /** The screen's rows, wrapped rows joined, trailing blanks dropped. */
  text(): string {
    const buffer = this.terminal.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < this.terminal.rows; y++) {
      const line = buffer.getLine(y)!;
      const text = line.translateToString(true).trimEnd();
      if (line.isWrapped && lines.length > 0) lines[lines.length - 1] += text;
      else lines.push(text);
    }
    return lines.join('\n').replace(/\n+$/, '');
  }

  /** The character drawn in the cell under the cursor ('' past the end of the text). */
  underCursor(): string {
    const buffer = this.terminal.buffer.active;
    return buffer.getLine(buffer.cursorY)?.getCell(buffer.cursorX)?.getChars() ?? '';
  }
}
