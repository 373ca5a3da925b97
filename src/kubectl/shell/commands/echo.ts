// bash's echo: -n drops the newline, -e reads backslash escapes, -E (the default) does not.
import { result } from './text_command.ts';
import type { TextCommand } from './text_command.ts';

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', E: '\x1b', '\\': '\\' };

function interpretEscapes(text: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (ch !== '\\' || next === undefined) {
      out += ch;
      continue;
    }
    if (next === 'c') return { text: out, stop: true };
    if (ESCAPES[next] !== undefined) {
      out += ESCAPES[next];
      i += 1;
    } else if (next === '0') {
      const digits = /^[0-7]{0,3}/.exec(text.slice(i + 2))![0];
      out += String.fromCharCode(parseInt(digits || '0', 8));
      i += 1 + digits.length;
    } else if (next === 'x') {
      const digits = /^[0-9a-fA-F]{0,2}/.exec(text.slice(i + 2))![0];
      if (digits === '') out += '\\x';
      else out += String.fromCharCode(parseInt(digits, 16));
      i += 1 + digits.length;
    } else {
      out += ch;
    }
  }
  return { text: out, stop: false };
}

export const echo: TextCommand = (argv) => {
  let newline = true;
  let escapes = false;
  let first = 1;
  // Only words made wholly of n, e and E are options, as in bash.
  for (; first < argv.length && /^-[neE]+$/.test(argv[first]!); first++) {
    for (const flag of argv[first]!.slice(1)) {
      if (flag === 'n') newline = false;
      else escapes = flag === 'e';
    }
  }
  const words = argv.slice(first).join(' ');
  if (!escapes) return result(words + (newline ? '\n' : ''), '', 0);
  const interpreted = interpretEscapes(words);
  return result(interpreted.text + (newline && !interpreted.stop ? '\n' : ''), '', 0);
};
