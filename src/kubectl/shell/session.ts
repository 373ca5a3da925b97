// A terminal session: joins the LineEditor (keys in, escape sequences out), the Shell (runs each
// entered line) and the Completer (Tab). The browser wires xterm.js to it:
//   const session = new ShellSession({ shell, completer, columns: term.cols, write: (s) => term.write(s) });
//   term.onData((data) => void session.input(data)); term.onResize(({ cols }) => session.resize(cols));
//   session.begin();
import { LineEditor } from './line_editor.ts';
import { CLEAR_SCREEN } from './shell.ts';
import type { Shell } from './shell.ts';
import type { Completer } from './types.ts';

export type ShellSessionOptions = {
  shell: Shell;
  completer?: Completer;
  write: (data: string) => void;
  prompt?: string;
  columns?: number;
};

/** C0 and C1 control characters other than tab and newline, and DEL. */
const CONTROL_CHARACTERS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/**
 * Control characters in what a command printed (an annotation can hold any text) shown as
 * `cat -v` shows them (`^[`, `^M`, `M-^[`): the terminal never runs a learner's escape sequence,
 * which could clear the screen, retitle the page or make the terminal answer as if typed.
 */
function visibleControls(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (c) => {
    const code = c.charCodeAt(0);
    if (code === 0x7f) return '^?';
    if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
    return `M-^${String.fromCharCode(code - 0x40)}`;
  });
}

/**
 * Command output for the terminal: control characters made visible (only `clear` may clear the
 * screen), newlines become CR LF, and the prompt starts on a fresh line.
 */
export function toTerminalText(output: string): string {
  if (output === '') return '';
  const text = output
    .split(CLEAR_SCREEN)
    .map((part) => visibleControls(part.replace(/\r\n/g, '\n')).replace(/\n/g, '\r\n'))
    .join(CLEAR_SCREEN);
  return text.endsWith('\n') || text.endsWith(CLEAR_SCREEN) ? text : `${text}\r\n`;
}

export class ShellSession {
  private readonly shell: Shell;
  private readonly completer: Completer | undefined;
  private readonly write: (data: string) => void;
  private readonly editor: LineEditor;
  private pending = '';
  private draining: Promise<void> = Promise.resolve();

  constructor(options: ShellSessionOptions) {
    this.shell = options.shell;
    this.completer = options.completer;
    this.write = options.write;
    this.editor = new LineEditor({ prompt: options.prompt ?? '$ ', columns: options.columns, history: options.shell.history });
  }

  /** Shows the first prompt. */
  begin(): void {
    this.write(this.editor.start());
  }

  resize(columns: number): void {
    this.write(this.editor.resize(columns));
  }

  /** Takes keyboard input; resolves once it (and anything it started) has been handled. */
  input(data: string): Promise<void> {
    this.pending += data;
    // A failed step must not stop the terminal from taking the next keys.
    this.draining = this.draining.then(() => this.drain()).catch(() => undefined);
    return this.draining;
  }

  private async drain(): Promise<void> {
    while (this.pending !== '') {
      const data = this.pending;
      this.pending = '';
      const { write, effect, rest } = this.editor.feed(data);
      this.pending = rest + this.pending;
      if (write !== '') this.write(write);
      if (effect?.kind === 'submit') {
        const { output } = await this.shell.run(effect.line);
        this.write(toTerminalText(output) + this.editor.start());
      } else if (effect?.kind === 'complete') {
        const completion = this.completer === undefined
          ? { from: effect.cursor, to: effect.cursor, candidates: [] }
          : await this.completer.complete(effect.line, effect.cursor).catch(() => ({ from: effect.cursor, to: effect.cursor, candidates: [] }));
        this.write(this.editor.applyCompletion(completion));
      }
    }
  }
}
