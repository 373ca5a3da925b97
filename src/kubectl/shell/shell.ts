// The shell learners type into: parses a line, runs its pipelines through the built-in text tools
// and the injected commands (kubectl), routes stdout/stderr as bash does, and keeps history.
import { LAST_EXIT_CODE, parseCommandLine } from './parse.ts';
import type { CommandList, Pipeline, Redirect, SimpleCommand } from './parse.ts';
import { CommandHistory } from './history.ts';
import type { CommandResult, CommandRunner, FileSource, HistoryStorage, OutputChunk } from './types.ts';
import { grep } from './commands/grep.ts';
import { head, tail } from './commands/head_tail.ts';
import { wc } from './commands/wc.ts';
import { sort } from './commands/sort.ts';
import { echo } from './commands/echo.ts';
import { cat } from './commands/cat.ts';
import type { TextCommand } from './commands/text_command.ts';

/** What `clear` writes with TERM=xterm: home, erase the screen, erase the scrollback. */
export const CLEAR_SCREEN = '\x1b[H\x1b[2J\x1b[3J';

export type ShellOptions = {
  /** Commands beyond the built-ins, by name: `{ kubectl: runner }`. */
  commands?: Readonly<Record<string, CommandRunner>>;
  historyStorage?: HistoryStorage;
  files?: FileSource;
};

export type ShellRunResult = { output: string; code: number };

const TEXT_COMMANDS: Readonly<Record<string, TextCommand>> = {
  grep, head, tail, wc, sort, echo, cat,
  true: () => ({ stdout: '', stderr: '', code: 0 }),
  false: () => ({ stdout: '', stderr: '', code: 1 }),
};

const SHELL_BUILTINS = ['clear', 'history', 'help'] as const;

const NO_FILES: FileSource = { readFile: () => undefined };

/** Where a file descriptor writes: the next stage (or terminal), the terminal, or nowhere. */
type Sink = 'out' | 'err' | 'null';

export class Shell {
  readonly history: CommandHistory;
  private readonly commands: Readonly<Record<string, CommandRunner>>;
  private readonly files: FileSource;
  private exitCode = 0;

  constructor(options: ShellOptions = {}) {
    this.commands = options.commands ?? {};
    this.files = options.files ?? NO_FILES;
    this.history = new CommandHistory(options.historyStorage);
  }

  /** The exit code of the last command line, as `$?` reads it. */
  get lastExitCode(): number {
    return this.exitCode;
  }

  /** Every command this shell can run, for completion and `help`. */
  commandNames(): string[] {
    return [...new Set([...Object.keys(this.commands), ...Object.keys(TEXT_COMMANDS), ...SHELL_BUILTINS])].sort();
  }

  /** Runs one line. Never throws: every failure is a message in the output and an exit code. */
  async run(line: string): Promise<ShellRunResult> {
    try {
      this.history.add(line);
      const parsed = parseCommandLine(line);
      if (!parsed.ok) {
        this.exitCode = 2;
        return { output: `${parsed.error}\n`, code: 2 };
      }
      if (parsed.list.length === 0) return { output: '', code: this.exitCode };
      const output = await this.runList(parsed.list);
      return { output, code: this.exitCode };
    } catch (error) {
      this.exitCode = 1;
      return { output: `bash: ${error instanceof Error ? error.message : String(error)}\n`, code: 1 };
    }
  }

  private async runList(list: CommandList): Promise<string> {
    let output = '';
    for (const { connector, pipeline } of list) {
      if (connector === '&&' && this.exitCode !== 0) continue;
      if (connector === '||' && this.exitCode === 0) continue;
      output += await this.runPipeline(pipeline);
    }
    return output;
  }

  private async runPipeline(pipeline: Pipeline): Promise<string> {
    let terminal = '';
    let pipe = '';
    let code = 0;
    const expand = (word: string) => word.replaceAll(LAST_EXIT_CODE, String(this.exitCode));
    const commands = pipeline.commands.map((command) => ({
      argv: command.argv.map(expand),
      redirects: command.redirects.map((redirect) => (redirect.kind === 'file' ? { ...redirect, target: expand(redirect.target) } : redirect)),
    }));
    for (let i = 0; i < commands.length; i++) {
      const isLast = i === commands.length - 1;
      const stdin = pipe;
      pipe = '';
      const stage = await this.runStage(commands[i]!, stdin, pipeline.pipeStderr[i] ?? false);
      code = stage.code;
      for (const chunk of stage.chunks) {
        if (chunk.sink === 'null') continue;
        if (chunk.sink === 'out' && !isLast) pipe += chunk.text;
        else terminal += chunk.text;
      }
    }
    this.exitCode = code;
    return terminal;
  }

  /** Runs one command of a pipeline after applying its redirections. */
  private async runStage(command: SimpleCommand, pipedInput: string, stderrToPipe: boolean): Promise<{ chunks: Array<{ sink: Sink; text: string }>; code: number }> {
    const routing = this.route(command.redirects, pipedInput, stderrToPipe ? 'out' : 'err');
    if ('error' in routing) return { chunks: [{ sink: 'err', text: `bash: ${routing.error}\n` }], code: 1 };
    if (command.argv.length === 0) return { chunks: [], code: 0 };
    const result = await this.execute(command.argv, routing.stdin);
    const ordered: readonly OutputChunk[] = result.interleaved ?? [
      { stream: 'stderr', text: result.stderr },
      { stream: 'stdout', text: result.stdout },
    ];
    const chunks = ordered
      .filter((chunk) => chunk.text !== '')
      .map((chunk) => ({ sink: chunk.stream === 'stdout' ? routing.stdout : routing.stderr, text: chunk.text }));
    return { chunks, code: result.code };
  }

  private route(redirects: readonly Redirect[], pipedInput: string, stderrSink: Sink): { stdin: string; stdout: Sink; stderr: Sink } | { error: string } {
    const sinks: { 1: Sink; 2: Sink } = { 1: 'out', 2: stderrSink };
    let stdin = pipedInput;
    for (const redirect of redirects) {
      if (redirect.kind === 'dup') {
        sinks[redirect.fd] = sinks[redirect.to];
        continue;
      }
      if (redirect.fd === 0) {
        const text = redirect.target === '/dev/null' ? '' : this.files.readFile(redirect.target);
        if (text === undefined) return { error: `${redirect.target}: No such file or directory` };
        stdin = text;
        continue;
      }
      if (redirect.target.startsWith('&')) return { error: `${redirect.target.slice(1)}: Bad file descriptor` };
      let sink: Sink;
      if (redirect.target === '/dev/null') sink = 'null';
      else if (redirect.target === '/dev/stdout') sink = sinks[1];
      else if (redirect.target === '/dev/stderr') sink = sinks[2];
      else return { error: `${redirect.target}: Read-only file system` };
      if (redirect.fd === 1 || redirect.fd === 'both') sinks[1] = sink;
      if (redirect.fd === 2 || redirect.fd === 'both') sinks[2] = sink;
    }
    return { stdin, stdout: sinks[1], stderr: sinks[2] };
  }

  private async execute(argv: string[], stdin: string): Promise<CommandResult> {
    const name = argv[0]!;
    // Own properties only: a command named `toString` or `constructor` is not a command.
    const runner = Object.hasOwn(this.commands, name) ? this.commands[name] : undefined;
    if (runner !== undefined) {
      try {
        return await runner(argv, stdin);
      } catch (error) {
        return { stdout: '', stderr: `${name}: ${error instanceof Error ? error.message : String(error)}\n`, code: 1 };
      }
    }
    const textCommand = TEXT_COMMANDS[name];
    if (textCommand !== undefined && Object.hasOwn(TEXT_COMMANDS, name)) return textCommand(argv, stdin, this.files);
    switch (name) {
      case 'clear':
        return { stdout: CLEAR_SCREEN, stderr: '', code: 0 };
      case 'history':
        return this.historyBuiltin(argv.slice(1));
      case 'help':
        return { stdout: this.helpText(), stderr: '', code: 0 };
    }
    return { stdout: '', stderr: `bash: ${name}: command not found\n`, code: 127 };
  }

  private historyBuiltin(args: string[]): CommandResult {
    const usage = 'history: usage: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]\n';
    if (args[0] === '-c') {
      this.history.clear();
      return { stdout: '', stderr: '', code: 0 };
    }
    if (args[0] !== undefined && args[0].startsWith('-') && args[0] !== '--') {
      return { stdout: '', stderr: `bash: history: ${args[0]}: invalid option\n${usage}`, code: 2 };
    }
    const operands = args[0] === '--' ? args.slice(1) : args;
    if (operands.length > 1) return { stdout: '', stderr: 'bash: history: too many arguments\n', code: 1 };
    if (operands.length === 1 && !/^[0-9]+$/.test(operands[0]!)) {
      return { stdout: '', stderr: `bash: history: ${operands[0]}: numeric argument required\n`, code: 1 };
    }
    return { stdout: this.history.listing(operands.length === 1 ? Number(operands[0]) : undefined), stderr: '', code: 0 };
  }

  private helpText(): string {
    return [
      'Commands in this terminal:',
      '',
      ...this.commandNames().map((name) => `  ${name}`),
      '',
      "Pipes (|, |&), ;, && and ||, quotes, # comments, $? and redirections to /dev/null or 2>&1",
      'work as in bash. Up and Down recall history, Tab completes, Ctrl-C cancels a line,',
      'Ctrl-L clears the screen. Try: kubectl get apiservices | grep -v Local',
      '',
    ].join('\n');
  }
}
