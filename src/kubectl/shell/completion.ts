// Tab completion for the shell: command names, kubectl's subcommands and flags (a static table of
// the commands this kubectl serves), resource types and object names from injected providers.
import type { Completer, CompletionResult } from './types.ts';

/** What only the cluster knows; the kubectl side backs it with discovery and LIST requests. */
export interface KubectlCompletionSource {
  /** Resource names as kubectl accepts them: plurals, singulars, short names, `resource.group`. */
  resourceTypes(): Promise<string[]>;
  /** Names of the objects of one type (namespaced types in `namespace`, or the default one). */
  objectNames(resourceType: string, namespace: string | undefined): Promise<string[]>;
}

type KubectlCommand = { flags: readonly string[]; args: 'resources' | 'names' | 'none' | readonly string[] };

export const KUBECTL_GLOBAL_FLAGS: readonly string[] = [
  '--namespace=', '-n', '--v=', '-v', '--server=', '-s', '--kubeconfig=', '--context=', '--cluster=', '--user=',
  '--request-timeout=', '--cache-dir=', '--help', '-h',
];

const OUTPUT_FLAGS = ['--output=', '-o'];

export const KUBECTL_COMMANDS: Readonly<Record<string, KubectlCommand>> = {
  get: { flags: [...OUTPUT_FLAGS, '--selector=', '-l', '--all-namespaces', '-A', '--show-labels', '--raw=', '--sort-by=', '--no-headers', '--field-selector=', '--filename=', '-f', '--label-columns=', '-L', '--show-kind', '--watch', '-w', '--chunk-size=', '--ignore-not-found'], args: 'resources' },
  describe: { flags: ['--selector=', '-l', '--all-namespaces', '-A', '--filename=', '-f', '--show-events='], args: 'resources' },
  apply: { flags: ['--filename=', '-f', ...OUTPUT_FLAGS, '--dry-run=', '--server-side', '--validate=', '--field-manager=', '--force-conflicts', '--prune', '--selector=', '-l'], args: 'none' },
  create: { flags: ['--filename=', '-f', ...OUTPUT_FLAGS, '--dry-run=', '--validate=', '--save-config', '--field-manager='], args: 'none' },
  delete: { flags: ['--filename=', '-f', '--selector=', '-l', '--all', '--all-namespaces', '-A', '--grace-period=', '--now', '--wait=', '--ignore-not-found', '--dry-run=', '--force', ...OUTPUT_FLAGS], args: 'resources' },
  scale: { flags: ['--replicas=', '--current-replicas=', '--resource-version=', '--filename=', '-f', '--selector=', '-l', '--all', ...OUTPUT_FLAGS, '--dry-run='], args: 'resources' },
  patch: { flags: ['--patch=', '-p', '--type=', '--patch-file=', '--filename=', '-f', '--subresource=', ...OUTPUT_FLAGS, '--dry-run=', '--field-manager=', '--local'], args: 'resources' },
  top: { flags: ['--help', '-h'], args: ['node', 'pod'] },
  'api-versions': { flags: [], args: 'none' },
  'api-resources': { flags: ['--api-group=', '--namespaced=', ...OUTPUT_FLAGS, '--sort-by=', '--verbs=', '--no-headers', '--cached', '--categories='], args: 'none' },
  explain: { flags: ['--recursive', '--api-version=', '--output='], args: 'resources' },
  version: { flags: [...OUTPUT_FLAGS, '--client'], args: 'none' },
  'cluster-info': { flags: [], args: ['dump'] },
  config: { flags: [], args: ['view', 'current-context', 'get-contexts', 'use-context', 'set-context'] },
  help: { flags: [], args: 'none' },
};

const TOP_FLAGS: readonly string[] = ['--all-namespaces', '-A', '--selector=', '-l', '--sort-by=', '--containers', '--no-headers', '--sum'];
const CONFIG_VIEW_FLAGS: readonly string[] = ['--minify', '--raw', '--flatten', ...OUTPUT_FLAGS];

const FLAG_VALUES: Readonly<Record<string, readonly string[]>> = {
  output: ['json', 'yaml', 'wide', 'name', 'jsonpath=', 'jsonpath-file=', 'custom-columns=', 'go-template='],
  'dry-run': ['none', 'client', 'server'],
  type: ['json', 'merge', 'strategic'],
  subresource: ['status', 'scale'],
  validate: ['strict', 'warn', 'ignore', 'true', 'false'],
  'sort-by': ['cpu', 'memory'],
  namespaced: ['true', 'false'],
};

/** Long names of the flags that take their value from the next word when written without `=`. */
const VALUE_FLAGS: ReadonlySet<string> = new Set([
  '-n', '--namespace', '-o', '--output', '-l', '--selector', '-f', '--filename', '-v', '--v', '-s', '--server', '--kubeconfig',
  '--context', '--cluster', '--user', '--request-timeout', '--cache-dir', '--raw', '--sort-by', '--field-selector', '-L',
  '--label-columns', '--dry-run', '--validate', '--field-manager', '--grace-period', '--replicas', '--current-replicas',
  '--resource-version', '--api-group', '--namespaced', '--verbs', '--categories', '--api-version', '--chunk-size', '--show-events',
  '-p', '--patch', '--patch-file', '--type', '--subresource',
]);

const SHORT_TO_LONG: Readonly<Record<string, string>> = { '-n': 'namespace', '-o': 'output', '-f': 'filename', '-l': 'selector' };

type Word = { text: string; start: number; end: number };

/** Splits the command under the cursor into words, from the last `|`, `;`, `&&` or `||`. */
function wordsBeforeCursor(line: string, cursor: number): Word[] {
  const words: Word[] = [];
  let current: Word | undefined;
  let quote: string | undefined;
  for (let i = 0; i < cursor; i++) {
    const ch = line[i]!;
    if (quote !== undefined) {
      if (ch === quote) quote = undefined;
      else current!.text += ch;
      current!.end = i + 1;
      continue;
    }
    if (ch === ' ' || ch === '\t') {
      current = undefined;
      continue;
    }
    if (ch === '|' || ch === ';' || ch === '&') {
      words.length = 0;
      current = undefined;
      continue;
    }
    if (current === undefined) {
      current = { text: '', start: i, end: i };
      words.push(current);
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '\\' && i + 1 < cursor) current.text += line[++i];
    else current.text += ch;
    current.end = i + 1;
  }
  // The word being completed: empty when the cursor follows a space.
  if (current === undefined || current.end !== cursor) words.push({ text: '', start: cursor, end: cursor });
  return words;
}

const matching = (candidates: Iterable<string>, prefix: string) => [...new Set([...candidates].filter((c) => c.startsWith(prefix)))].sort();

export type ShellCompleterOptions = {
  commandNames: () => string[];
  kubectl?: KubectlCompletionSource;
  /** Names of the files `-f` and `cat` can read. */
  fileNames?: () => string[];
};

export class ShellCompleter implements Completer {
  private readonly options: ShellCompleterOptions;

  constructor(options: ShellCompleterOptions) {
    this.options = options;
  }

  async complete(line: string, cursor: number): Promise<CompletionResult> {
    const words = wordsBeforeCursor(line, Math.max(0, Math.min(cursor, line.length)));
    const word = words[words.length - 1]!;
    const range = { from: word.start, to: cursor };
    if (words.length === 1) return { ...range, candidates: matching(this.options.commandNames(), word.text) };
    let candidates: string[] = [];
    try {
      candidates = words[0]!.text === 'kubectl' ? await this.completeKubectl(words.slice(1)) : matching(this.files(), word.text);
    } catch {
      candidates = []; // a cluster that cannot answer offers nothing, as kubectl's completion does
    }
    return { ...range, candidates };
  }

  private files(): string[] {
    return this.options.fileNames?.() ?? [];
  }

  private async completeKubectl(words: readonly Word[]): Promise<string[]> {
    const current = words[words.length - 1]!.text;
    const previous = words.length >= 2 ? words[words.length - 2]!.text : undefined;
    const positionals: string[] = [];
    let namespace: string | undefined;
    for (let i = 0; i < words.length - 1; i++) {
      const text = words[i]!.text;
      if (text.startsWith('-')) {
        const [name, value] = text.includes('=') ? [text.slice(0, text.indexOf('=')), text.slice(text.indexOf('=') + 1)] : [text, undefined];
        const flagValue = value ?? (VALUE_FLAGS.has(name) && i + 1 < words.length - 1 ? words[i + 1]!.text : undefined);
        if (name === '-n' || name === '--namespace') namespace = flagValue;
        if (value === undefined && VALUE_FLAGS.has(name)) i += 1;
        continue;
      }
      positionals.push(text);
    }
    if (previous !== undefined && VALUE_FLAGS.has(previous)) return this.flagValues(previous.startsWith('--') ? previous.slice(2) : SHORT_TO_LONG[previous] ?? '', current, '');
    if (current.startsWith('--') && current.includes('=')) {
      const name = current.slice(2, current.indexOf('='));
      return this.flagValues(name, current.slice(current.indexOf('=') + 1), `--${name}=`);
    }
    const subcommand = positionals[0];
    if (subcommand === undefined) {
      if (current.startsWith('-')) return matching(KUBECTL_GLOBAL_FLAGS, current);
      return matching(Object.keys(KUBECTL_COMMANDS), current);
    }
    const command = KUBECTL_COMMANDS[subcommand];
    if (command === undefined) return [];
    if (current.startsWith('-')) {
      const own = subcommand === 'top' && positionals[1] !== undefined ? TOP_FLAGS : subcommand === 'config' && positionals[1] === 'view' ? CONFIG_VIEW_FLAGS : command.flags;
      return matching([...own, ...KUBECTL_GLOBAL_FLAGS], current);
    }
    const argumentIndex = positionals.length - 1;
    if (subcommand === 'help') return argumentIndex === 0 ? matching(Object.keys(KUBECTL_COMMANDS), current) : [];
    if (Array.isArray(command.args)) {
      if (argumentIndex === 0) return matching(command.args, current);
      if (subcommand === 'top' && argumentIndex === 1) {
        const type = positionals[1]!.startsWith('node') ? 'nodes' : 'pods';
        return matching(await this.names(type, namespace), current);
      }
      return [];
    }
    if (command.args !== 'resources') return [];
    const kubectl = this.options.kubectl;
    if (kubectl === undefined) return [];
    if (argumentIndex === 0) {
      const slash = current.indexOf('/');
      if (slash >= 0) {
        const type = current.slice(0, slash);
        return matching((await this.names(type, namespace)).map((name) => `${type}/${name}`), current);
      }
      return matching(await kubectl.resourceTypes(), current);
    }
    if (subcommand === 'explain' || positionals[1]!.includes('/')) return [];
    return matching(await this.names(positionals[1]!.split(',')[0]!, namespace), current);
  }

  private async names(type: string, namespace: string | undefined): Promise<string[]> {
    return (await this.options.kubectl?.objectNames(type, namespace)) ?? [];
  }

  private async flagValues(flag: string, current: string, prefix: string): Promise<string[]> {
    let values: readonly string[] = FLAG_VALUES[flag] ?? [];
    if (flag === 'namespace') values = await this.names('namespaces', undefined);
    else if (flag === 'filename') values = this.files();
    return matching(values, current).map((value) => prefix + value);
  }
}
