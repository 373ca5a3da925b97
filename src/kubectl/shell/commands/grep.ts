// grep as GNU grep 3.x behaves for the options learners pipe kubectl into: -v -i -E -F -G -c
// -w -x -n -o -q -m -e -h -H, with its messages and exit codes (0 selected, 1 none, 2 trouble).
import { compilePosixPattern, literalPattern } from '../posix_regex.ts';
import type { RegexSyntax } from '../posix_regex.ts';
import { getopt, splitLines } from '../getopt.ts';
import type { OptionSpec } from '../getopt.ts';
import { readInputs, result } from './text_command.ts';
import type { TextCommand } from './text_command.ts';

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

const OPTIONS: readonly OptionSpec[] = [
  { name: 'invert', short: 'v', long: 'invert-match' },
  { name: 'ignore-case', short: 'i', long: 'ignore-case' },
  { name: 'ignore-case', short: 'y' },
  { name: 'no-ignore-case', long: 'no-ignore-case' },
  { name: 'extended', short: 'E', long: 'extended-regexp' },
  { name: 'fixed', short: 'F', long: 'fixed-strings' },
  { name: 'basic', short: 'G', long: 'basic-regexp' },
  { name: 'count', short: 'c', long: 'count' },
  { name: 'word', short: 'w', long: 'word-regexp' },
  { name: 'line', short: 'x', long: 'line-regexp' },
  { name: 'line-number', short: 'n', long: 'line-number' },
  { name: 'only-matching', short: 'o', long: 'only-matching' },
  { name: 'quiet', short: 'q', long: 'quiet' },
  { name: 'quiet', long: 'silent' },
  { name: 'no-messages', short: 's', long: 'no-messages' },
  { name: 'max-count', short: 'm', long: 'max-count', takesValue: true },
  { name: 'regexp', short: 'e', long: 'regexp', takesValue: true },
  { name: 'no-filename', short: 'h', long: 'no-filename' },
  { name: 'with-filename', short: 'H', long: 'with-filename' },
  { name: 'color', long: 'color', optionalValue: true },
  { name: 'color', long: 'colour', optionalValue: true },
];

const WORD_CHAR = '[\\p{L}\\p{N}_]';

type GrepSettings = {
  syntax: RegexSyntax | 'fixed';
  ignoreCase: boolean;
  invert: boolean;
  count: boolean;
  word: boolean;
  line: boolean;
  lineNumber: boolean;
  onlyMatching: boolean;
  quiet: boolean;
  noMessages: boolean;
  maxCount: number;
  filenames: boolean | undefined;
};

export const grep: TextCommand = (argv, stdin, files) => {
  const parsed = getopt('grep', argv.slice(1), OPTIONS);
  if (!parsed.ok) return result('', `${parsed.error}\n${USAGE}`, 2);
  const settings: GrepSettings = {
    syntax: 'basic', ignoreCase: false, invert: false, count: false, word: false, line: false, lineNumber: false,
    onlyMatching: false, quiet: false, noMessages: false, maxCount: Infinity, filenames: undefined,
  };
  const patterns: string[] = [];
  let patternGiven = false;
  for (const { name, value } of parsed.options) {
    switch (name) {
      case 'invert': settings.invert = true; break;
      case 'ignore-case': settings.ignoreCase = true; break;
      case 'no-ignore-case': settings.ignoreCase = false; break;
      case 'extended': settings.syntax = 'extended'; break;
      case 'fixed': settings.syntax = 'fixed'; break;
      case 'basic': settings.syntax = 'basic'; break;
      case 'count': settings.count = true; break;
      case 'word': settings.word = true; break;
      case 'line': settings.line = true; break;
      case 'line-number': settings.lineNumber = true; break;
      case 'only-matching': settings.onlyMatching = true; break;
      case 'quiet': settings.quiet = true; break;
      case 'no-messages': settings.noMessages = true; break;
      case 'no-filename': settings.filenames = false; break;
      case 'with-filename': settings.filenames = true; break;
      case 'max-count': {
        if (!/^\s*[+-]?[0-9]+$/.test(value!)) return result('', 'grep: invalid max count\n', 2);
        const count = Number(value);
        settings.maxCount = count < 0 ? Infinity : count;
        break;
      }
      case 'regexp':
        patterns.push(...value!.split('\n'));
        patternGiven = true;
        break;
      case 'color': break; // this terminal shows no colours
    }
  }
  const operands = [...parsed.operands];
  if (!patternGiven) {
    if (operands.length === 0) return result('', USAGE, 2);
    patterns.push(...operands.shift()!.split('\n'));
  }

  const matcher = compileMatcher(patterns, settings);
  if (!matcher.ok) return result('', `grep: ${matcher.error}\n`, 2);
  let stderr = matcher.warnings.map((warning) => `grep: warning: ${warning}\n`).join('');

  const inputs = readInputs(operands, stdin, files);
  const showNames = settings.filenames ?? inputs.length > 1;
  let stdout = '';
  let selectedAny = false;
  let trouble = false;
  for (const input of inputs) {
    if (input.text === undefined) {
      if (!settings.noMessages) stderr += `grep: ${input.name}: No such file or directory\n`;
      trouble = true;
      continue;
    }
    const prefix = showNames ? `${input.name}:` : '';
    let selected = 0;
    const lines = splitLines(input.text);
    for (let n = 0; n < lines.length && selected < settings.maxCount; n++) {
      const text = lines[n]!;
      if (matcher.regex.test(text) === settings.invert) continue;
      selected += 1;
      if (settings.quiet) return result('', stderr, 0);
      if (settings.count) continue;
      const numbered = settings.lineNumber ? `${prefix}${n + 1}:` : prefix;
      if (settings.onlyMatching) {
        if (!settings.invert) for (const match of text.match(matcher.global) ?? []) if (match !== '') stdout += `${numbered}${match}\n`;
      } else {
        stdout += `${numbered}${text}\n`;
      }
    }
    if (settings.count) stdout += `${prefix}${selected}\n`;
    if (selected > 0) selectedAny = true;
  }
  return result(settings.quiet ? '' : stdout, stderr, trouble ? 2 : selectedAny ? 0 : 1);
};

type Matcher = { ok: true; regex: RegExp; global: RegExp; warnings: string[] } | { ok: false; error: string };

function compileMatcher(patterns: readonly string[], settings: GrepSettings): Matcher {
  const sources: string[] = [];
  const warnings: string[] = [];
  let groups = 0;
  for (const pattern of patterns) {
    if (settings.syntax === 'fixed') {
      sources.push(literalPattern(pattern));
      continue;
    }
    const compiled = compilePosixPattern(pattern, settings.syntax, groups);
    if (!compiled.ok) return compiled;
    sources.push(compiled.source);
    warnings.push(...compiled.warnings);
    groups += compiled.groups;
  }
  let source = sources.map((s) => `(?:${s})`).join('|');
  if (settings.line) source = `^(?:${source})$`;
  else if (settings.word) source = `(?<!${WORD_CHAR})(?:${source})(?!${WORD_CHAR})`;
  const flags = settings.ignoreCase ? 'iu' : 'u';
  try {
    return { ok: true, regex: new RegExp(source, flags), global: new RegExp(source, `${flags}g`), warnings };
  } catch {
    return { ok: false, error: 'Invalid regular expression' };
  }
}
