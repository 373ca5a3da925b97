// wc as GNU coreutils: -l, -w, -c, -m; one count alone is printed bare, several in columns.
import { getopt } from '../getopt.ts';
import type { OptionSpec } from '../getopt.ts';
import { readInputs, result } from './text_command.ts';
import type { TextCommand } from './text_command.ts';

const OPTIONS: readonly OptionSpec[] = [
  { name: 'lines', short: 'l', long: 'lines' },
  { name: 'words', short: 'w', long: 'words' },
  { name: 'chars', short: 'm', long: 'chars' },
  { name: 'bytes', short: 'c', long: 'bytes' },
];

const ORDER = ['lines', 'words', 'chars', 'bytes'] as const;
type Counted = (typeof ORDER)[number];

function countText(text: string): Record<Counted, number> {
  return {
    lines: text.split('\n').length - 1,
    words: text.split(/\s+/u).filter((word) => word !== '').length,
    chars: [...text].length,
    bytes: new TextEncoder().encode(text).length,
  };
}

export const wc: TextCommand = (argv, stdin, files) => {
  const parsed = getopt('wc', argv.slice(1), OPTIONS);
  if (!parsed.ok) return result('', `${parsed.error}\nTry 'wc --help' for more information.\n`, 1);
  const chosen = new Set(parsed.options.map((option) => option.name as Counted));
  const shown: Counted[] = chosen.size === 0 ? ['lines', 'words', 'bytes'] : ORDER.filter((name) => chosen.has(name));
  const inputs = readInputs(parsed.operands, stdin, files);
  const rows: Array<{ counts: number[]; name: string | undefined }> = [];
  const totals = shown.map(() => 0);
  let totalBytes = 0;
  let stderr = '';
  for (const input of inputs) {
    if (input.text === undefined) {
      stderr += `wc: ${input.name}: No such file or directory\n`;
      continue;
    }
    const counts = countText(input.text);
    totalBytes += counts.bytes;
    const values = shown.map((name) => counts[name]);
    values.forEach((value, i) => (totals[i]! += value));
    rows.push({ counts: values, name: parsed.operands.length === 0 ? undefined : input.name });
  }
  if (inputs.length > 1) rows.push({ counts: totals, name: 'total' });
  // GNU sizes columns before counting: 7 wide for a pipe, the digits of the files' size otherwise.
  const single = shown.length === 1 && inputs.length === 1;
  const fromPipe = parsed.operands.length === 0;
  const width = single ? 0 : fromPipe ? 7 : String(totalBytes).length;
  const stdout = rows.map((row) => [...row.counts.map((n) => String(n).padStart(width)), ...(row.name === undefined ? [] : [row.name])].join(' ') + '\n').join('');
  return result(stdout, stderr, stderr === '' ? 0 : 1);
};
