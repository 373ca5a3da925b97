// The shell's contracts with what plugs into it: commands (kubectl and the built-ins), history
// storage (localStorage in the browser, memory in tests) and tab completion.

/** One piece of a command's output, in the order a terminal would show it. */
export type OutputChunk = { stream: 'stdout' | 'stderr'; text: string };

export type CommandResult = {
  stdout: string;
  stderr: string;
  code: number;
  /**
   * Optional: stdout and stderr as they were written, in order. A runner that knows the order
   * (kubectl's -v logs come before its output, its final error after) sets it; without it the
   * terminal shows stderr first, then stdout.
   */
  interleaved?: readonly OutputChunk[];
};

/** Runs one command of a pipeline: argv[0] is the command name, stdin what the pipe fed it. */
export type CommandRunner = (argv: string[], stdin: string) => Promise<CommandResult>;

/** Where history lines are kept between page loads. */
export interface HistoryStorage {
  load(): string[];
  save(lines: readonly string[]): void;
}

/** Files a command may read (`cat NAME`, `grep PATTERN NAME`, `< NAME`): the editor's buffers. */
export interface FileSource {
  readFile(name: string): string | undefined;
}

/**
 * The result of completing the word at the cursor: the range [from, to) of the line (UTF-16
 * offsets) that each candidate would replace, and the candidates themselves (whole words).
 * A candidate ending in `=` or `/` is not followed by a space when it is the only one.
 */
export type CompletionResult = { from: number; to: number; candidates: string[] };

export interface Completer {
  complete(line: string, cursor: number): Promise<CompletionResult>;
}
