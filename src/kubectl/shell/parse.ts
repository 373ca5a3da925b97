// Turns one command line into lists of pipelines, as bash would for the subset this terminal
// runs: words with quotes and escapes, `|`, `|&`, `;`, `&&`, `||`, comments and redirections to
// /dev/null or between stderr and stdout. Word splitting and quote removal are shell-quote's;
// a lexical pass before it does what shell-quote does not do as bash does: it reports unbalanced
// quotes, keeps a `#` inside a word, marks `$?` and treats every other variable as unset
// (this shell has no environment), and marks `2>`/`&>` so redirections keep their descriptor.
import { parse as splitWords } from 'shell-quote';
import type { ParseEntry } from 'shell-quote';

export type Redirect =
  | { kind: 'file'; fd: 0 | 1 | 2 | 'both'; append: boolean; target: string }
  | { kind: 'dup'; fd: 1 | 2; to: 1 | 2 };

export type SimpleCommand = { argv: string[]; redirects: Redirect[] };

/** Commands joined by `|`; `pipeStderr[i]` is true when command i feeds the next through `|&`. */
export type Pipeline = { commands: SimpleCommand[]; pipeStderr: boolean[] };

/** How a pipeline is joined to the one before it. */
export type Connector = ';' | '&&' | '||';

export type CommandList = Array<{ connector: Connector; pipeline: Pipeline }>;

export type ParseResult = { ok: true; list: CommandList } | { ok: false; error: string };

const FD_MARK = '\u0001fd';
/** Stands for `$?` in parsed words: bash expands it when each pipeline starts, not when parsing. */
export const LAST_EXIT_CODE = '\u0002';
const WORD_BREAKS = new Set([' ', '\t', '\n', '|', '&', ';', '(', ')', '<', '>']);

type Prepass = { ok: true; text: string } | { ok: false; error: string };

/** The lexical pass: see the file comment. */
function prepare(line: string): Prepass {
  let out = '';
  let quote: 'none' | 'single' | 'double' | 'ansi' = 'none';
  const atWordStart = (i: number) => i === 0 || WORD_BREAKS.has(line[i - 1]!);
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote === 'single') {
      out += ch;
      if (ch === "'") quote = 'none';
      continue;
    }
    if (quote === 'ansi') {
      if (ch === '\\' && i + 1 < line.length) {
        out += ch + line[++i];
        continue;
      }
      out += ch;
      if (ch === "'") quote = 'none';
      continue;
    }
    if (ch === '\\') {
      // A trailing backslash would continue the line; with nothing after it, it is dropped.
      if (i + 1 < line.length) out += ch + line[++i];
      continue;
    }
    if (ch === '`') return { ok: false, error: 'bash: command substitution is not available in this terminal' };
    if (ch === '$') {
      const expansion = expandParameter(line, i, quote === 'double');
      if (!expansion.ok) return expansion;
      out += expansion.value;
      i = expansion.end - 1;
      if (expansion.opensAnsiQuote) quote = 'ansi';
      continue;
    }
    if (quote === 'double') {
      out += ch;
      if (ch === '"') quote = 'none';
      continue;
    }
    if (ch === "'") quote = 'single';
    else if (ch === '"') quote = 'double';
    else if (ch === '#') {
      if (atWordStart(i)) break; // a comment runs to the end of the line
      out += '\\#';
      continue;
    } else if (ch === '&' && line[i + 1] === '>' && atWordStart(i)) {
      out += `${FD_MARK}both `;
      continue;
    } else if (/[0-9]/.test(ch) && atWordStart(i)) {
      const digits = /^[0-9]+/.exec(line.slice(i))![0];
      const next = line[i + digits.length];
      if (next === '>' || next === '<') {
        out += `${FD_MARK}${digits} `;
        i += digits.length - 1;
        continue;
      }
    }
    out += ch;
  }
  if (quote !== 'none') {
    const matching = quote === 'double' ? '"' : "'";
    return { ok: false, error: `bash: unexpected EOF while looking for matching \`${matching}'` };
  }
  return { ok: true, text: out };
}

type Expansion =
  | { ok: true; value: string; end: number; opensAnsiQuote: boolean }
  | { ok: false; error: string };

/** Expands the parameter at line[start] === '$' in an empty environment (`$?` as a mark). */
function expandParameter(line: string, start: number, inDoubleQuotes: boolean): Expansion {
  const rest = line.slice(start + 1);
  const done = (value: string, length: number): Expansion => ({ ok: true, value, end: start + 1 + length, opensAnsiQuote: false });
  if (rest.startsWith('?')) return done(LAST_EXIT_CODE, 1);
  if (rest.startsWith('(')) return { ok: false, error: 'bash: command substitution is not available in this terminal' };
  if (rest.startsWith("'") && !inDoubleQuotes) return { ok: true, value: "$'", end: start + 2, opensAnsiQuote: true };
  if (rest.startsWith('{')) {
    const close = rest.indexOf('}');
    if (close < 0) return { ok: false, error: `bash: unexpected EOF while looking for matching \`}'` };
    const name = rest.slice(1, close);
    if (!/^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?#@*$!-])$/.test(name)) return { ok: false, error: `bash: \${${name}}: bad substitution` };
    return done(name === '?' ? LAST_EXIT_CODE : name === '#' ? '0' : '', close + 1);
  }
  const name = /^([A-Za-z_][A-Za-z0-9_]*|[0-9@*$!-])/.exec(rest);
  if (name) return done('', name[0].length);
  if (rest.startsWith('#')) return done('0', 1);
  return done('\\$', 0); // a lone `$` is itself
}

const SEPARATORS: ReadonlySet<string> = new Set([';', '&', '&&', '||']);

/** Parses a command line; `$?` in its words is left as LAST_EXIT_CODE. */
export function parseCommandLine(line: string): ParseResult {
  const prepared = prepare(line);
  if (!prepared.ok) return prepared;
  const entries: ParseEntry[] = splitWords(prepared.text, (key: string) => `$${key}`);

  const list: CommandList = [];
  let connector: Connector = ';';
  let pipeline: Pipeline = { commands: [], pipeStderr: [] };
  let command: SimpleCommand = { argv: [], redirects: [] };
  const syntaxError = (token: string): ParseResult => ({ ok: false, error: `bash: syntax error near unexpected token \`${token}'` });
  const commandIsEmpty = () => command.argv.length === 0 && command.redirects.length === 0;

  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (typeof entry === 'string') {
      if (entry.startsWith(FD_MARK)) {
        const redirect = readRedirect(entry.slice(FD_MARK.length), entries[i + 1], entries[i + 2]);
        if ('error' in redirect) return syntaxError(redirect.error);
        command.redirects.push(redirect.redirect);
        i += 2;
        continue;
      }
      command.argv.push(entry);
      continue;
    }
    if ('comment' in entry) break;
    const op = entry.op;
    if (op === 'glob') {
      // Nothing on disk matches a pattern here, so bash leaves the word as it is.
      command.argv.push((entry as { pattern: string }).pattern);
      continue;
    }
    if (op === '<' || op === '>' || op === '>>' || op === '>&') {
      const redirect = readRedirect(op === '<' ? '0' : '1', entry, entries[i + 1]);
      if ('error' in redirect) return syntaxError(redirect.error);
      command.redirects.push(redirect.redirect);
      i += 1;
      continue;
    }
    if (op === '|' || op === '|&') {
      if (commandIsEmpty()) return syntaxError(op);
      pipeline.commands.push(command);
      pipeline.pipeStderr.push(op === '|&');
      command = { argv: [], redirects: [] };
      continue;
    }
    if (SEPARATORS.has(op)) {
      if (commandIsEmpty()) return syntaxError(op);
      pipeline.commands.push(command);
      list.push({ connector, pipeline });
      connector = op === '&&' ? '&&' : op === '||' ? '||' : ';';
      pipeline = { commands: [], pipeStderr: [] };
      command = { argv: [], redirects: [] };
      continue;
    }
    return syntaxError(op); // `;;`, `(`, `)`, `<(`: not for this terminal
  }
  if (!commandIsEmpty()) {
    pipeline.commands.push(command);
    list.push({ connector, pipeline });
  } else if (pipeline.commands.length > 0 || connector !== ';') {
    // A line ending in `|`, `&&` or `||`: bash would wait for more, there is none.
    return { ok: false, error: 'bash: syntax error: unexpected end of file' };
  }
  return { ok: true, list };
}

type RedirectRead = { redirect: Redirect } | { error: string };

function readRedirect(fdText: string, opEntry: ParseEntry | undefined, targetEntry: ParseEntry | undefined): RedirectRead {
  if (opEntry === undefined || typeof opEntry === 'string' || !('op' in opEntry)) return { error: 'newline' };
  const op = opEntry.op;
  if (op !== '<' && op !== '>' && op !== '>>' && op !== '>&') return { error: op };
  if (targetEntry === undefined) return { error: 'newline' };
  if (typeof targetEntry !== 'string') return { error: 'op' in targetEntry ? targetEntry.op : 'newline' };
  const fd = fdText === 'both' ? 'both' : Number(fdText);
  if (op === '>&') {
    if ((targetEntry === '1' || targetEntry === '2') && (fd === 1 || fd === 2)) return { redirect: { kind: 'dup', fd, to: Number(targetEntry) as 1 | 2 } };
    if (targetEntry !== '1' && targetEntry !== '2' && !/^[0-9]+$/.test(targetEntry) && (fd === 1 || fd === 'both')) {
      return { redirect: { kind: 'file', fd: 'both', append: false, target: targetEntry } }; // `>&file` is `&>file`
    }
    return { redirect: { kind: 'file', fd: fd === 2 ? 2 : 1, append: false, target: `&${targetEntry}` } };
  }
  if (op === '<') return { redirect: { kind: 'file', fd: 0, append: false, target: targetEntry } };
  const outFd = fd === 'both' || fd === 2 ? fd : 1;
  return { redirect: { kind: 'file', fd: outFd, append: op === '>>', target: targetEntry } };
}
