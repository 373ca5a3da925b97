// Command history as bash keeps it with HISTCONTROL=ignoreboth (lines starting with a space and
// repeats of the previous line are not kept) and HISTSIZE=1000, saved through HistoryStorage.
import type { HistoryStorage } from './types.ts';

export const HISTORY_SIZE = 1000;

export class MemoryHistoryStorage implements HistoryStorage {
  private lines: string[];

  constructor(lines: readonly string[] = []) {
    this.lines = [...lines];
  }

  load(): string[] {
    return [...this.lines];
  }

  save(lines: readonly string[]): void {
    this.lines = [...lines];
  }
}

export class CommandHistory {
  private readonly storage: HistoryStorage;
  private entries: string[];
  /** Number of the first kept entry, as `history` numbers them once old ones fall off. */
  private firstNumber = 1;

  constructor(storage: HistoryStorage = new MemoryHistoryStorage()) {
    this.storage = storage;
    let loaded: string[] = [];
    try {
      loaded = storage.load().filter((line) => typeof line === 'string');
    } catch {
      loaded = []; // unreadable storage starts an empty history
    }
    this.entries = loaded.slice(-HISTORY_SIZE);
  }

  get lines(): readonly string[] {
    return this.entries;
  }

  /** Records a line the user entered; returns whether it was kept. */
  add(line: string): boolean {
    const text = line.replace(/\n+$/, '');
    if (text.trim() === '' || text.startsWith(' ') || this.entries[this.entries.length - 1] === text) return false;
    this.entries.push(text);
    if (this.entries.length > HISTORY_SIZE) {
      this.entries.splice(0, this.entries.length - HISTORY_SIZE);
      this.firstNumber += 1;
    }
    this.persist();
    return true;
  }

  clear(): void {
    this.entries = [];
    this.firstNumber = 1;
    this.persist();
  }

  /** The `history [N]` listing: `%5d  %s` per line, as bash prints it. */
  listing(last?: number): string {
    const start = last === undefined ? 0 : Math.max(0, this.entries.length - last);
    return this.entries
      .slice(start)
      .map((line, i) => `${String(this.firstNumber + start + i).padStart(5)}  ${line}\n`)
      .join('');
  }

  private persist(): void {
    try {
      this.storage.save(this.entries);
    } catch {
      // A full or refused storage keeps history for this page only.
    }
  }
}

/**
 * Up/Down navigation over the history while a line is being edited, as readline does: the line
 * being typed is kept and comes back below the newest entry; edits to a recalled entry are kept
 * until the line is entered.
 */
export class HistoryCursor {
  private readonly history: CommandHistory;
  private index: number;
  private readonly edits = new Map<number, string>();

  constructor(history: CommandHistory) {
    this.history = history;
    this.index = history.lines.length;
  }

  previous(current: string): string | undefined {
    if (this.index === 0) return undefined;
    this.edits.set(this.index, current);
    this.index -= 1;
    return this.edits.get(this.index) ?? this.history.lines[this.index];
  }

  next(current: string): string | undefined {
    if (this.index >= this.history.lines.length) return undefined;
    this.edits.set(this.index, current);
    this.index += 1;
    return this.edits.get(this.index) ?? this.history.lines[this.index] ?? '';
  }
}
