// Line editing for the terminal, as a pure state machine: fed the strings xterm.js's onData
// delivers (typed keys, pastes, escape sequences), it returns the bytes to write back and what
// the user asked for (run a line, complete a word).
//
// Written here rather than taken from a package: xterm-readline, the maintained readline addon
// for xterm.js, has no tab completion or Ctrl-W, and must own a live Terminal (it registers its
// own key handlers and drives a read() promise), so it could neither be tested as a state
// machine in Node nor share the shell's history. Text widths come from string-width, so wide
// characters and emoji keep the cursor where the terminal draws it (the terminal should measure
// grapheme clusters too: @xterm/addon-unicode-graphemes).
import stringWidth from 'string-width';
import { HistoryCursor } from './history.ts';
import type { CommandHistory } from './history.ts';
import type { CompletionResult } from './types.ts';

export type EditorEffect =
  | { kind: 'submit'; line: string }
  | { kind: 'complete'; line: string; cursor: number }
  | { kind: 'interrupt' };

/** `write` goes to the terminal; `rest` is input not yet read because an effect must be handled first. */
export type FeedResult = { write: string; effect: EditorEffect | undefined; rest: string };

export type LineEditorOptions = {
  prompt?: string;
  columns?: number;
  history?: CommandHistory;
  /** Cells one grapheme takes; defaults to string-width's answer (Unicode grapheme clusters). */
  measure?: (grapheme: string) => number;
};

const BELL = '\x07';
const CLEAR_SCREEN = '\x1b[H\x1b[2J';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The keys a sequence names; text is everything printable. */
type Key =
  | { name: 'text'; text: string }
  | { name: 'enter' | 'backspace' | 'delete' | 'left' | 'right' | 'up' | 'down' | 'home' | 'end' | 'tab' }
  | { name: 'word-left' | 'word-right' | 'kill-end' | 'kill-start' | 'kill-word' | 'yank' | 'interrupt' | 'clear' | 'eof' | 'ignore' };

const CONTROL_KEYS: Readonly<Record<string, Key>> = {
  '\x01': { name: 'home' }, '\x02': { name: 'left' }, '\x03': { name: 'interrupt' }, '\x04': { name: 'eof' },
  '\x05': { name: 'end' }, '\x06': { name: 'right' }, '\x08': { name: 'backspace' }, '\t': { name: 'tab' },
  '\n': { name: 'enter' }, '\x0b': { name: 'kill-end' }, '\x0c': { name: 'clear' }, '\r': { name: 'enter' },
  '\x0e': { name: 'down' }, '\x10': { name: 'up' }, '\x15': { name: 'kill-start' }, '\x17': { name: 'kill-word' },
  '\x19': { name: 'yank' }, '\x7f': { name: 'backspace' },
};

const ESCAPE_KEYS: Readonly<Record<string, Key>> = {
  '\x1b[A': { name: 'up' }, '\x1b[B': { name: 'down' }, '\x1b[C': { name: 'right' }, '\x1b[D': { name: 'left' },
  '\x1bOA': { name: 'up' }, '\x1bOB': { name: 'down' }, '\x1bOC': { name: 'right' }, '\x1bOD': { name: 'left' },
  '\x1b[H': { name: 'home' }, '\x1b[F': { name: 'end' }, '\x1bOH': { name: 'home' }, '\x1bOF': { name: 'end' },
  '\x1b[1~': { name: 'home' }, '\x1b[7~': { name: 'home' }, '\x1b[4~': { name: 'end' }, '\x1b[8~': { name: 'end' },
  '\x1b[3~': { name: 'delete' }, '\x1b[1;5D': { name: 'word-left' }, '\x1b[1;5C': { name: 'word-right' },
  '\x1b[1;3D': { name: 'word-left' }, '\x1b[1;3C': { name: 'word-right' }, '\x1bb': { name: 'word-left' }, '\x1bf': { name: 'word-right' },
  '\x1b\x7f': { name: 'kill-word' },
};

/** Reads one key from data at index; returns it and how many UTF-16 units it took. */
function readKey(data: string, index: number, isPaste: boolean): { key: Key; length: number } {
  const ch = data[index]!;
  if (ch === '\x1b') {
    const csi = /^\x1b\[[0-9;?]*[\x40-\x7e]/.exec(data.slice(index, index + 32));
    const sequence = csi?.[0] ?? data.slice(index, index + 2);
    if (sequence === '\x1b[200~' || sequence === '\x1b[201~') return { key: { name: 'ignore' }, length: sequence.length };
    return { key: ESCAPE_KEYS[sequence] ?? { name: 'ignore' }, length: Math.max(1, sequence.length) };
  }
  if (ch === '\r' && data[index + 1] === '\n') return { key: { name: 'enter' }, length: 2 };
  if (ch === '\t' && isPaste) return { key: { name: 'text', text: ' ' }, length: 1 };
  if (ch < ' ' || ch === '\x7f') return { key: CONTROL_KEYS[ch] ?? { name: 'ignore' }, length: 1 };
  // A run of printable text (a paste, or a typed character) is inserted at once.
  let end = index + 1;
  while (end < data.length && data[end]! >= ' ' && data[end] !== '\x7f' && !(data[end]! >= '\x80' && data[end]! <= '\x9f')) end++;
  return { key: { name: 'text', text: data.slice(index, end) }, length: end - index };
}

export class LineEditor {
  private prompt: string;
  private columns: number;
  private readonly history: CommandHistory | undefined;
  private readonly measure: (grapheme: string) => number;
  private historyCursor: HistoryCursor | undefined;
  private text = '';
  private cursor = 0;
  /** Row of the terminal cursor, counted from the prompt's first row, as last drawn. */
  private cursorRow = 0;
  private killed = '';
  private tabsInARow = 0;
  private reading = false;

  constructor(options: LineEditorOptions = {}) {
    this.prompt = options.prompt ?? '$ ';
    this.columns = Math.max(2, options.columns ?? 80);
    this.history = options.history;
    this.measure = options.measure ?? ((grapheme) => stringWidth(grapheme));
  }

  /** The line as it is being edited, and the cursor in it (a UTF-16 offset). */
  get line(): string {
    return this.text;
  }

  get cursorOffset(): number {
    return this.cursor;
  }

  /** Whether the editor is reading a line (between start() and the next Enter). */
  get isReading(): boolean {
    return this.reading;
  }

  /** Starts reading a new line: returns the prompt to write. */
  start(prompt: string = this.prompt): string {
    this.prompt = prompt;
    this.text = '';
    this.cursor = 0;
    this.cursorRow = 0;
    this.tabsInARow = 0;
    this.reading = true;
    this.historyCursor = this.history === undefined ? undefined : new HistoryCursor(this.history);
    return this.render();
  }

  /** The terminal changed width: draw the line again for the new width. */
  resize(columns: number): string {
    this.columns = Math.max(2, columns);
    this.cursorRow = this.positionOf(this.cursor).row;
    return this.reading ? this.render() : '';
  }

  /** Feeds input; stops after the first effect, leaving the rest of the input unread. */
  feed(data: string): FeedResult {
    let write = '';
    const isPaste = data.length > 1;
    for (let i = 0; i < data.length;) {
      if (!this.reading) return { write, effect: undefined, rest: data.slice(i) };
      const { key, length } = readKey(data, i, isPaste);
      i += length;
      const step = this.handle(key);
      write += step.write;
      if (step.effect !== undefined) return { write, effect: step.effect, rest: data.slice(i) };
    }
    return { write, effect: undefined, rest: '' };
  }

  /** Applies what the completer found for the last Tab. */
  applyCompletion(completion: CompletionResult): string {
    const from = Math.max(0, Math.min(completion.from, this.text.length));
    const to = Math.max(from, Math.min(completion.to, this.text.length));
    const typed = this.text.slice(from, to);
    const candidates = completion.candidates.filter((candidate) => candidate.startsWith(typed));
    if (candidates.length === 0) return BELL;
    if (candidates.length === 1) {
      const only = candidates[0]!;
      const suffix = only.endsWith('=') || only.endsWith('/') ? '' : ' ';
      return this.replace(from, to, only + suffix);
    }
    const common = commonPrefix(candidates);
    if (common.length > typed.length) return this.replace(from, to, common);
    if (this.tabsInARow < 2) return BELL;
    // A second Tab with nothing more to add lists the candidates below the line, as bash does.
    return this.moveToEnd() + '\r\n' + this.listing(candidates) + this.startOver();
  }

  private handle(key: Key): { write: string; effect?: EditorEffect } {
    this.tabsInARow = key.name === 'tab' ? this.tabsInARow + 1 : 0;
    switch (key.name) {
      case 'text':
        return { write: this.insert(key.text) };
      case 'enter': {
        const line = this.text;
        const write = this.moveToEnd() + '\r\n';
        this.reading = false;
        return { write, effect: { kind: 'submit', line } };
      }
      case 'tab':
        return { write: '', effect: { kind: 'complete', line: this.text, cursor: this.cursor } };
      case 'interrupt': {
        // Bash shows ^C, abandons the line and prompts again.
        const write = this.moveToEnd() + '^C\r\n';
        this.reading = false;
        return { write: write + this.start(), effect: { kind: 'interrupt' } };
      }
      case 'clear': {
        this.cursorRow = 0;
        return { write: CLEAR_SCREEN + this.render() };
      }
      case 'backspace':
        return { write: this.cursor === 0 ? '' : this.edit(this.previousBoundary(this.cursor), this.cursor, '') };
      case 'delete':
        return { write: this.cursor === this.text.length ? '' : this.edit(this.cursor, this.nextBoundary(this.cursor), '') };
      case 'eof':
        return { write: this.cursor === this.text.length ? '' : this.edit(this.cursor, this.nextBoundary(this.cursor), '') };
      case 'left':
        return { write: this.moveTo(this.previousBoundary(this.cursor)) };
      case 'right':
        return { write: this.moveTo(this.nextBoundary(this.cursor)) };
      case 'home':
        return { write: this.moveTo(0) };
      case 'end':
        return { write: this.moveTo(this.text.length) };
      case 'word-left':
        return { write: this.moveTo(this.snapToBoundary(wordStartBefore(this.text, this.cursor, /[\p{L}\p{N}_]/u))) };
      case 'word-right':
        return { write: this.moveTo(this.snapToBoundary(wordEndAfter(this.text, this.cursor))) };
      case 'kill-end':
        this.killed = this.text.slice(this.cursor);
        return { write: this.edit(this.cursor, this.text.length, '') };
      case 'kill-start':
        this.killed = this.text.slice(0, this.cursor);
        return { write: this.edit(0, this.cursor, '') };
      case 'kill-word': {
        // Ctrl-W kills back to the previous whitespace (unix-word-rubout).
        const start = this.snapToBoundary(wordStartBefore(this.text, this.cursor, /\S/u));
        this.killed = this.text.slice(start, this.cursor);
        return { write: this.edit(start, this.cursor, '') };
      }
      case 'yank':
        return { write: this.insert(this.killed) };
      case 'up':
      case 'down': {
        const recalled = key.name === 'up' ? this.historyCursor?.previous(this.text) : this.historyCursor?.next(this.text);
        if (recalled === undefined) return { write: '' };
        return { write: this.edit(0, this.text.length, recalled, recalled.length) };
      }
      case 'ignore':
        return { write: '' };
    }
  }

  private insert(text: string): string {
    const clean = text.replace(/[\x00-\x1f\x7f-\x9f]/g, '');
    if (clean === '') return '';
    if (this.cursor === this.text.length) return this.append(clean);
    return this.edit(this.cursor, this.cursor, clean);
  }

  /** Typing at the end of the line: the new text alone is written. */
  private append(text: string): string {
    const before = this.positionOf(this.text.length);
    this.text += text;
    this.cursor = this.text.length;
    const after = this.positionOf(this.cursor);
    this.cursorRow = after.row;
    // Text that ends exactly at the right edge leaves the terminal waiting to wrap: move on.
    const wrap = after.col === 0 && after.row > before.row ? '\r\n' : '';
    return text + wrap;
  }

  private replace(from: number, to: number, text: string): string {
    return this.edit(from, to, text);
  }

  /** Replaces [from, to) with text, puts the cursor after it (or at cursorAfter), redraws. */
  private edit(from: number, to: number, text: string, cursorAfter?: number): string {
    this.text = this.text.slice(0, from) + text + this.text.slice(to);
    this.cursor = this.snapToBoundary(cursorAfter ?? from + text.length);
    return this.render();
  }

  private moveTo(offset: number): string {
    const from = this.positionOf(this.cursor);
    this.cursor = offset;
    const to = this.positionOf(offset);
    this.cursorRow = to.row;
    return cursorMove(from, to);
  }

  private moveToEnd(): string {
    return this.moveTo(this.text.length);
  }

  /** Abandons the listed line's place and draws prompt and line again below. */
  private startOver(): string {
    this.cursorRow = 0;
    return this.render();
  }

  /** Draws prompt and line from the prompt's first row, then puts the cursor in place. */
  private render(): string {
    let out = (this.cursorRow > 0 ? `\x1b[${this.cursorRow}A` : '') + '\r\x1b[J' + this.prompt + this.text;
    const end = this.positionOf(this.text.length);
    if (end.col === 0 && end.row > 0) out += '\r\n';
    const target = this.positionOf(this.cursor);
    out += cursorMove(end, target);
    this.cursorRow = target.row;
    return out;
  }

  /** Where the terminal shows the cursor when it stands before text[offset]. */
  private positionOf(offset: number): { row: number; col: number } {
    let row = 0;
    let col = 0;
    const advance = (width: number) => {
      if (col + width > this.columns) {
        row += 1;
        col = 0;
      }
      col += width;
      if (col >= this.columns) {
        row += 1;
        col = 0;
      }
    };
    advance(0);
    for (const { segment } of segmenter.segment(this.prompt.replace(/\x1b\[[0-9;]*m/g, ''))) advance(this.measure(segment));
    for (const { segment, index } of segmenter.segment(this.text)) {
      const width = this.measure(segment);
      if (index >= offset) {
        // A wide character that does not fit is drawn on the next row: the cursor stands on it.
        if (col + width > this.columns) return { row: row + 1, col: 0 };
        break;
      }
      advance(width);
    }
    return { row, col };
  }

  private boundaries(): number[] {
    const offsets = [...segmenter.segment(this.text)].map((part) => part.index);
    offsets.push(this.text.length);
    return offsets;
  }

  private previousBoundary(offset: number): number {
    const offsets = this.boundaries();
    for (let i = offsets.length - 1; i >= 0; i--) if (offsets[i]! < offset) return offsets[i]!;
    return 0;
  }

  private nextBoundary(offset: number): number {
    for (const boundary of this.boundaries()) if (boundary > offset) return boundary;
    return this.text.length;
  }

  private snapToBoundary(offset: number): number {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let best = 0;
    for (const boundary of this.boundaries()) if (boundary <= clamped) best = boundary;
    return best;
  }

  private listing(candidates: readonly string[]): string {
    const width = Math.max(...candidates.map((candidate) => stringWidth(candidate))) + 2;
    const perRow = Math.max(1, Math.floor(this.columns / width));
    const rows = Math.ceil(candidates.length / perRow);
    let out = '';
    for (let r = 0; r < rows; r++) {
      const cells: string[] = [];
      for (let c = 0; c < perRow; c++) {
        const candidate = candidates[c * rows + r];
        if (candidate !== undefined) cells.push(candidate);
      }
      out += cells.map((cell, i) => (i === cells.length - 1 ? cell : cell + ' '.repeat(width - stringWidth(cell)))).join('') + '\r\n';
    }
    return out;
  }
}

function cursorMove(from: { row: number; col: number }, to: { row: number; col: number }): string {
  let out = '';
  if (to.row < from.row) out += `\x1b[${from.row - to.row}A`;
  if (to.row > from.row) out += `\x1b[${to.row - from.row}B`;
  if (to.row !== from.row || to.col !== from.col) out += '\r' + (to.col > 0 ? `\x1b[${to.col}C` : '');
  return out;
}

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? '';
  for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** Start of the word before offset: skip non-word characters, then word characters. */
function wordStartBefore(text: string, offset: number, wordChar: RegExp): number {
  let i = offset;
  while (i > 0 && !wordChar.test(text[i - 1]!)) i--;
  while (i > 0 && wordChar.test(text[i - 1]!)) i--;
  return i;
}

function wordEndAfter(text: string, offset: number): number {
  const wordChar = /[\p{L}\p{N}_]/u;
  let i = offset;
  while (i < text.length && !wordChar.test(text[i]!)) i++;
  while (i < text.length && wordChar.test(text[i]!)) i++;
  return i;
}
