// Command-line options as GNU getopt_long reads them for coreutils and grep: clustered short
// options, `-eVALUE`, `--long=VALUE`, unambiguous long prefixes, options after operands, `--`.

export type OptionSpec = { name: string; short?: string; long?: string; takesValue?: boolean; optionalValue?: boolean };

export type ParsedOption = { name: string; value: string | undefined };

export type GetoptResult =
  | { ok: true; options: ParsedOption[]; operands: string[] }
  | { ok: false; error: string };

export function getopt(program: string, args: readonly string[], specs: readonly OptionSpec[]): GetoptResult {
  const options: ParsedOption[] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const exact = specs.find((spec) => spec.long === name);
      const byPrefix = specs.filter((spec) => spec.long?.startsWith(name));
      const spec = exact ?? (byPrefix.length === 1 ? byPrefix[0] : undefined);
      if (spec === undefined) {
        if (byPrefix.length > 1) {
          const possibilities = byPrefix.map((s) => `'--${s.long}'`).join(' ');
          return { ok: false, error: `${program}: option '${arg.slice(0, eq < 0 ? undefined : eq)}' is ambiguous; possibilities: ${possibilities}` };
        }
        return { ok: false, error: `${program}: unrecognized option '${arg}'` };
      }
      if (eq >= 0) {
        if (!spec.takesValue && !spec.optionalValue) return { ok: false, error: `${program}: option '--${spec.long}' doesn't allow an argument` };
        options.push({ name: spec.name, value: arg.slice(eq + 1) });
      } else if (spec.takesValue) {
        if (i + 1 >= args.length) return { ok: false, error: `${program}: option '--${spec.long}' requires an argument` };
        options.push({ name: spec.name, value: args[++i] });
      } else {
        options.push({ name: spec.name, value: undefined });
      }
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      const letters = [...arg.slice(1)];
      for (let j = 0; j < letters.length; j++) {
        const letter = letters[j]!;
        const spec = specs.find((s) => s.short === letter);
        if (spec === undefined) return { ok: false, error: `${program}: invalid option -- '${letter}'` };
        if (!spec.takesValue) {
          options.push({ name: spec.name, value: undefined });
          continue;
        }
        const attached = letters.slice(j + 1).join('');
        if (attached !== '') options.push({ name: spec.name, value: attached });
        else if (i + 1 < args.length) options.push({ name: spec.name, value: args[++i] });
        else return { ok: false, error: `${program}: option requires an argument -- '${letter}'` };
        break;
      }
      continue;
    }
    operands.push(arg);
  }
  return { ok: true, options, operands };
}

/** Splits text into lines as the text tools read it: a final newline does not start a line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export const joinLines = (lines: readonly string[]) => lines.map((line) => `${line}\n`).join('');
