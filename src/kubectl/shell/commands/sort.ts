// sort as GNU coreutils in the C.UTF-8 locale (code point order): -r -n -h -f -b -u -s, -t SEP
// and -k KEYDEF, with the whole line compared last unless -s or -u.
import { getopt, joinLines, splitLines } from '../getopt.ts';
import type { OptionSpec } from '../getopt.ts';
import { readInputs, result } from './text_command.ts';
import type { TextCommand } from './text_command.ts';

const OPTIONS: readonly OptionSpec[] = [
  { name: 'r', short: 'r', long: 'reverse' },
  { name: 'n', short: 'n', long: 'numeric-sort' },
  { name: 'h', short: 'h', long: 'human-numeric-sort' },
  { name: 'f', short: 'f', long: 'ignore-case' },
  { name: 'b', short: 'b', long: 'ignore-leading-blanks' },
  { name: 'u', short: 'u', long: 'unique' },
  { name: 's', short: 's', long: 'stable' },
  { name: 't', short: 't', long: 'field-separator', takesValue: true },
  { name: 'k', short: 'k', long: 'key', takesValue: true },
];

type Ordering = { reverse: boolean; numeric: boolean; human: boolean; foldCase: boolean; skipBlanks: boolean };
type KeyPosition = { field: number; char: number; skipBlanks: boolean };
type SortKey = { start: KeyPosition; end: KeyPosition | undefined; ordering: Ordering };

class KeyError extends Error {}

function parseKey(spec: string, global: Ordering): SortKey {
  const [startText, endText] = spec.split(',', 2) as [string, string | undefined];
  const ordering: Ordering = { reverse: false, numeric: false, human: false, foldCase: false, skipBlanks: false };
  let ownOptions = false;
  const position = (text: string, isEnd: boolean): KeyPosition => {
    const match = /^([0-9]*)(?:\.([0-9]*))?([a-zA-Z]*)$/.exec(text);
    if (!match || match[1] === '') throw new KeyError(`sort: invalid number at field start: invalid count at start of ‘${text}’`);
    const field = Number(match[1]);
    if (field === 0) throw new KeyError(`sort: field number is zero: invalid field specification ‘${spec}’`);
    const char = match[2] === undefined || match[2] === '' ? (isEnd ? 0 : 1) : Number(match[2]);
    if (char === 0 && !isEnd) throw new KeyError(`sort: character offset is zero: invalid field specification ‘${spec}’`);
    let skipBlanks = false;
    for (const letter of match[3]!) {
      ownOptions = true;
      if (letter === 'b') skipBlanks = true;
      else if (letter === 'r') ordering.reverse = true;
      else if (letter === 'n') ordering.numeric = true;
      else if (letter === 'h') ordering.human = true;
      else if (letter === 'f') ordering.foldCase = true;
      else throw new KeyError(`sort: invalid option -- '${letter}'`);
    }
    return { field, char, skipBlanks };
  };
  const start = position(startText, false);
  const end = endText === undefined ? undefined : position(endText, true);
  if (!ownOptions) {
    // A key without options of its own takes the global ones.
    Object.assign(ordering, global);
    start.skipBlanks = global.skipBlanks;
    if (end) end.skipBlanks = global.skipBlanks;
  } else {
    ordering.skipBlanks = start.skipBlanks;
  }
  return { start, end, ordering };
}

/** Field boundaries: with a separator, between separators; without, each blank run starts a field. */
function fieldStarts(line: string, separator: string | undefined): Array<[number, number]> {
  const fields: Array<[number, number]> = [];
  if (separator !== undefined) {
    let from = 0;
    for (let i = 0; i <= line.length; i++) {
      if (i === line.length || line[i] === separator) {
        fields.push([from, i]);
        from = i + 1;
      }
    }
    return fields;
  }
  const pattern = /[ \t]*[^ \t]+/g;
  for (let match = pattern.exec(line); match; match = pattern.exec(line)) fields.push([match.index, match.index + match[0].length]);
  return fields;
}

function extractKey(line: string, key: SortKey, separator: string | undefined): string {
  const fields = fieldStarts(line, separator);
  const locate = (position: KeyPosition, isEnd: boolean): number => {
    const field = fields[position.field - 1];
    if (field === undefined) return line.length;
    let begin = field[0];
    if (position.skipBlanks) while (begin < field[1] && (line[begin] === ' ' || line[begin] === '\t')) begin++;
    if (isEnd && position.char === 0) return field[1];
    return Math.min(begin + position.char - (isEnd ? 0 : 1), field[1]);
  };
  const from = locate(key.start, false);
  const to = key.end === undefined ? line.length : locate(key.end, true);
  return to > from ? line.slice(from, to) : '';
}

const codePointCompare = (a: string, b: string): number => {
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const difference = left[i]!.codePointAt(0)! - right[i]!.codePointAt(0)!;
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
};

const HUMAN_SUFFIXES = 'KMGTPEZYRQ';

function numericValue(text: string, human: boolean): number {
  const match = /^[ \t]*(-?)([0-9]*)(?:\.([0-9]*))?([kKMGTPEZYRQ]?)/.exec(text)!;
  if (match[2] === '' && (match[3] === undefined || match[3] === '')) return 0;
  let value = Number(`${match[1]}${match[2] || '0'}.${match[3] ?? '0'}`);
  if (human && match[4] !== '') value *= 1024 ** (HUMAN_SUFFIXES.indexOf(match[4]!.toUpperCase()) + 1);
  return value;
}

function compareBy(a: string, b: string, ordering: Ordering): number {
  let difference: number;
  if (ordering.numeric || ordering.human) difference = Math.sign(numericValue(a, ordering.human) - numericValue(b, ordering.human));
  else {
    const trim = (s: string) => (ordering.skipBlanks ? s.replace(/^[ \t]+/, '') : s);
    const fold = (s: string) => (ordering.foldCase ? s.toUpperCase() : s);
    difference = codePointCompare(fold(trim(a)), fold(trim(b)));
  }
  return ordering.reverse ? -difference : difference;
}

export const sort: TextCommand = (argv, stdin, files) => {
  const parsed = getopt('sort', argv.slice(1), OPTIONS);
  if (!parsed.ok) return result('', `${parsed.error}\nTry 'sort --help' for more information.\n`, 2);
  const global: Ordering = { reverse: false, numeric: false, human: false, foldCase: false, skipBlanks: false };
  let unique = false;
  let stable = false;
  let separator: string | undefined;
  const keySpecs: string[] = [];
  for (const { name, value } of parsed.options) {
    if (name === 'r') global.reverse = true;
    else if (name === 'n') global.numeric = true;
    else if (name === 'h') global.human = true;
    else if (name === 'f') global.foldCase = true;
    else if (name === 'b') global.skipBlanks = true;
    else if (name === 'u') unique = true;
    else if (name === 's') stable = true;
    else if (name === 't') {
      if ([...value!].length !== 1) return result('', value === '' ? 'sort: empty tab\n' : `sort: multi-character tab ‘${value}’\n`, 2);
      separator = value;
    } else keySpecs.push(value!);
  }
  let keys: SortKey[];
  try {
    keys = keySpecs.map((spec) => parseKey(spec, global));
  } catch (error) {
    if (error instanceof KeyError) return result('', `${error.message}\n`, 2);
    throw error;
  }
  if (keys.length === 0) keys = [{ start: { field: 1, char: 1, skipBlanks: global.skipBlanks }, end: undefined, ordering: global }];

  const lines: string[] = [];
  for (const input of readInputs(parsed.operands, stdin, files)) {
    if (input.text === undefined) return result('', `sort: cannot read: ${input.name}: No such file or directory\n`, 2);
    lines.push(...splitLines(input.text));
  }
  const compareKeys = (a: string, b: string): number => {
    for (const key of keys) {
      const difference = compareBy(extractKey(a, key, separator), extractKey(b, key, separator), key.ordering);
      if (difference !== 0) return difference;
    }
    return 0;
  };
  const lastResort = (a: string, b: string) => (global.reverse ? -codePointCompare(a, b) : codePointCompare(a, b));
  const sorted = [...lines].sort((a, b) => compareKeys(a, b) || (stable || unique ? 0 : lastResort(a, b)));
  const output = unique ? sorted.filter((line, i) => i === 0 || compareKeys(sorted[i - 1]!, line) !== 0) : sorted;
  return result(joinLines(output), '', 0);
};
