// head and tail as GNU coreutils: -n N, -N, -n -N (head: all but the last N), -n +N (tail: from
// line N), --lines=N, and a `==> NAME <==` header before each of several files.
import { getopt, joinLines, splitLines } from '../getopt.ts';
import type { OptionSpec } from '../getopt.ts';
import { readInputs, result } from './text_command.ts';
import type { TextCommand } from './text_command.ts';

const OPTIONS: readonly OptionSpec[] = [
  { name: 'lines', short: 'n', long: 'lines', takesValue: true },
  { name: 'quiet', short: 'q', long: 'quiet' },
  { name: 'quiet', long: 'silent' },
  { name: 'verbose', short: 'v', long: 'verbose' },
];

type Count = { lines: number; fromEnd: boolean; fromStart: boolean };

function readCount(program: 'head' | 'tail', value: string): Count | undefined {
  const match = /^([+-]?)([0-9]+)$/.exec(value.trim());
  if (!match) return undefined;
  const lines = Number(match[2]);
  return program === 'head' ? { lines, fromEnd: match[1] === '-', fromStart: false } : { lines, fromEnd: false, fromStart: match[1] === '+' };
}

function takeLines(program: 'head' | 'tail', lines: readonly string[], count: Count): readonly string[] {
  if (program === 'head') return count.fromEnd ? lines.slice(0, Math.max(0, lines.length - count.lines)) : lines.slice(0, count.lines);
  if (count.fromStart) return lines.slice(Math.max(0, count.lines - 1));
  return count.lines === 0 ? [] : lines.slice(-count.lines);
}

function headOrTail(program: 'head' | 'tail'): TextCommand {
  return (argv, stdin, files) => {
    // `-5` as the first argument is the historical spelling of `-n 5`.
    const first = argv[1];
    const args = first !== undefined && /^-[0-9]+$/.test(first) ? ['-n', first.slice(1), ...argv.slice(2)] : argv.slice(1);
    const parsed = getopt(program, args, OPTIONS);
    if (!parsed.ok) return result('', `${parsed.error}\nTry '${program} --help' for more information.\n`, 1);
    let count: Count = { lines: 10, fromEnd: false, fromStart: false };
    let headers: boolean | undefined;
    for (const { name, value } of parsed.options) {
      if (name === 'lines') {
        const read = readCount(program, value!);
        if (read === undefined) return result('', `${program}: invalid number of lines: ‘${value}’\n`, 1);
        count = read;
      } else headers = name === 'verbose';
    }
    const inputs = readInputs(parsed.operands, stdin, files);
    const showHeaders = headers ?? inputs.length > 1;
    let stdout = '';
    let stderr = '';
    let code = 0;
    inputs.forEach((input, index) => {
      if (input.text === undefined) {
        stderr += program === 'head'
          ? `head: cannot open '${input.name}' for reading: No such file or directory\n`
          : `tail: cannot open '${input.name}' for reading: No such file or directory\n`;
        code = 1;
        return;
      }
      if (showHeaders) stdout += `${index > 0 ? '\n' : ''}==> ${input.name} <==\n`;
      stdout += joinLines(takeLines(program, splitLines(input.text), count));
    });
    return result(stdout, stderr, code);
  };
}

export const head = headOrTail('head');
export const tail = headOrTail('tail');
