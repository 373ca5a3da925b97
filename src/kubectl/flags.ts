// Flag parsing as spf13/pflag does it under cobra: flags anywhere among the arguments,
// `--flag=value`, `--flag value`, `-n value`, `-nvalue`, `-n=value`, grouped bool shorthands,
// `--` ending the flags, and pflag's own error messages.

export type FlagType = 'string' | 'bool' | 'int' | 'stringArray' | 'stringSlice';
export type FlagValue = string | boolean | number | string[];

export interface FlagSpec {
  name: string;
  shorthand?: string;
  type: FlagType;
  default?: FlagValue;
}

export class FlagError extends Error {}

export interface ParsedFlags {
  values: Map<string, FlagValue>;
  /** Names of the flags given on the command line. */
  changed: Set<string>;
  args: string[];
}

export const stringFlag = (name: string, shorthand?: string, def = ''): FlagSpec => ({ name, shorthand, type: 'string', default: def });
export const boolFlag = (name: string, shorthand?: string, def = false): FlagSpec => ({ name, shorthand, type: 'bool', default: def });
export const intFlag = (name: string, shorthand?: string, def = 0): FlagSpec => ({ name, shorthand, type: 'int', default: def });
export const arrayFlag = (name: string, shorthand?: string): FlagSpec => ({ name, shorthand, type: 'stringArray', default: [] });
export const sliceFlag = (name: string, shorthand?: string): FlagSpec => ({ name, shorthand, type: 'stringSlice', default: [] });

/** kubectl's global flags (`kubectl options`), accepted before and after the command. */
export const globalFlags: FlagSpec[] = [
  stringFlag('as'),
  arrayFlag('as-group'),
  stringFlag('as-uid'),
  stringFlag('cache-dir'),
  stringFlag('certificate-authority'),
  stringFlag('client-certificate'),
  stringFlag('client-key'),
  stringFlag('cluster'),
  stringFlag('context'),
  boolFlag('disable-compression'),
  boolFlag('insecure-skip-tls-verify'),
  stringFlag('kubeconfig'),
  stringFlag('log-flush-frequency', undefined, '5s'),
  boolFlag('match-server-version'),
  stringFlag('namespace', 'n'),
  stringFlag('password'),
  stringFlag('profile', undefined, 'none'),
  stringFlag('profile-output', undefined, 'profile.pprof'),
  stringFlag('request-timeout', undefined, '0'),
  stringFlag('server', 's'),
  stringFlag('tls-server-name'),
  stringFlag('token'),
  stringFlag('user'),
  stringFlag('username'),
  intFlag('v', 'v'),
  stringFlag('vmodule'),
  boolFlag('warnings-as-errors'),
  boolFlag('help', 'h'),
];

/** strconv.ParseBool */
function parseBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** strconv.ParseInt(s, 0, 64) */
function parseInt64(s: string): number | undefined {
  if (!/^[-+]?(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO]?[0-7_]*|[1-9][0-9_]*)$/.test(s)) return undefined;
  const sign = s.startsWith('-') ? -1 : 1;
  const body = s.replace(/^[-+]/, '').replaceAll('_', '');
  const value = /^0[0-7]+$/.test(body) ? Number.parseInt(body, 8) : Number(body.replace(/^0[oO]/, '0o'));
  return Number.isFinite(value) ? sign * value : undefined;
}

/** pflag's CSV reading of a stringSlice value. */
const splitCSV = (s: string) => (s === '' ? [] : s.split(','));

export class FlagSet {
  private readonly byName = new Map<string, FlagSpec>();
  private readonly byShorthand = new Map<string, FlagSpec>();

  constructor(specs: FlagSpec[]) {
    for (const s of specs) {
      this.byName.set(s.name, s);
      if (s.shorthand) this.byShorthand.set(s.shorthand, s);
    }
  }

  lookup(name: string): FlagSpec | undefined {
    return this.byName.get(name);
  }

  /** Does this flag take the next argument as its value (`--flag value`)? */
  takesValue(arg: string): boolean {
    if (arg.startsWith('--')) {
      if (arg.includes('=')) return false;
      const spec = this.byName.get(arg.slice(2));
      return spec !== undefined ? spec.type !== 'bool' : true;
    }
    if (arg.startsWith('-') && arg.length === 2) {
      const spec = this.byShorthand.get(arg[1]!);
      return spec !== undefined ? spec.type !== 'bool' : true;
    }
    return false;
  }

  parse(argv: string[]): ParsedFlags {
    const values = new Map<string, FlagValue>();
    for (const s of this.byName.values()) values.set(s.name, Array.isArray(s.default) ? [...s.default] : (s.default ?? ''));
    const changed = new Set<string>();
    const args: string[] = [];
    const set = (spec: FlagSpec, raw: string) => {
      const label = spec.shorthand ? `-${spec.shorthand}, --${spec.name}` : `--${spec.name}`;
      const invalid = (why: string) => new FlagError(`invalid argument "${raw}" for "${label}" flag: ${why}`);
      switch (spec.type) {
        case 'bool': {
          const b = parseBool(raw);
          if (b === undefined) throw invalid(`strconv.ParseBool: parsing ${JSON.stringify(raw)}: invalid syntax`);
          values.set(spec.name, b);
          break;
        }
        case 'int': {
          const n = parseInt64(raw);
          if (n === undefined) throw invalid(`strconv.ParseInt: parsing ${JSON.stringify(raw)}: invalid syntax`);
          values.set(spec.name, n);
          break;
        }
        case 'stringArray':
          values.set(spec.name, [...(changed.has(spec.name) ? (values.get(spec.name) as string[]) : []), raw]);
          break;
        case 'stringSlice':
          values.set(spec.name, [...(changed.has(spec.name) ? (values.get(spec.name) as string[]) : []), ...splitCSV(raw)]);
          break;
        default:
          values.set(spec.name, raw);
      }
      changed.add(spec.name);
    };
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i]!;
      if (arg === '--') {
        args.push(...argv.slice(i + 1));
        break;
      }
      if (arg.startsWith('--')) {
        const body = arg.slice(2);
        if (body.startsWith('-') || body.startsWith('=')) throw new FlagError(`bad flag syntax: ${arg}`);
        const eq = body.indexOf('=');
        const name = eq >= 0 ? body.slice(0, eq) : body;
        const spec = this.byName.get(name);
        if (!spec) throw new FlagError(`unknown flag: --${name}`);
        if (eq >= 0) set(spec, body.slice(eq + 1));
        else if (spec.type === 'bool') set(spec, 'true');
        else if (i + 1 < argv.length) set(spec, argv[++i]!);
        else throw new FlagError(`flag needs an argument: --${name}`);
        continue;
      }
      if (arg.startsWith('-') && arg.length > 1) {
        let shorthands = arg.slice(1);
        while (shorthands.length > 0) {
          const c = shorthands[0]!;
          const spec = this.byShorthand.get(c);
          if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${arg}`);
          const rest = shorthands.slice(1);
          if (rest.startsWith('=')) {
            set(spec, rest.slice(1));
            shorthands = '';
          } else if (spec.type === 'bool') {
            set(spec, 'true');
            shorthands = rest;
          } else if (rest.length > 0) {
            set(spec, rest);
            shorthands = '';
          } else if (i + 1 < argv.length) {
            set(spec, argv[++i]!);
            shorthands = '';
          } else {
            throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
          }
        }
        continue;
      }
      args.push(arg);
    }
    return { values, changed, args };
  }
}

export const str = (f: ParsedFlags, name: string) => String(f.values.get(name) ?? '');
export const bool = (f: ParsedFlags, name: string) => f.values.get(name) === true;
export const num = (f: ParsedFlags, name: string) => Number(f.values.get(name) ?? 0);
export const list = (f: ParsedFlags, name: string) => (f.values.get(name) as string[] | undefined) ?? [];
