// Our kubectl's entry point: argv in, stdout/stderr/exit code out, never throwing. The root
// command finds the subcommand as cobra does (flags may come first), reports unknown commands
// and flags in kubectl's words, then runs the command against the cluster through env.fetch.

import { commands, kubectlCommandNames } from './cmd/index.ts';
import { rootHelp } from './cmd/help.ts';
import { helpText } from './help/index.ts';
import type { Command, CommandContext } from './cmd/command.ts';
import { DiscoveryClient } from './discovery.ts';
import type { KubectlEnv, KubectlResult } from './env.ts';
import { FlagError, FlagSet, globalFlags, num, str, type ParsedFlags } from './flags.ts';
import { Klog } from './klog.ts';
import { RESTClient } from './rest/client.ts';
import { checkErr, NoResourceMatchError } from './rest/errors.ts';
import { RESTMapper } from './restmapper.ts';

export type { KubectlEnv, KubectlResult, FileSource } from './env.ts';

/** The client-go feature gates kubectl 1.32 reports at -v=6 (in random order; sorted here). */
const featureGates = ['ClientsAllowCBOR', 'ClientsPreferCBOR', 'InformerResourceVersion', 'WatchListClient'];

/** Levenshtein distance, case-insensitive, as cobra's ld(). */
function distance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

function unknownCommand(name: string): string {
  const suggestions = kubectlCommandNames.filter(
    (c) => c !== 'help' && c !== 'alpha' && (distance(name, c) <= 2 || c.toLowerCase().startsWith(name.toLowerCase())),
  );
  let msg = `error: unknown command ${JSON.stringify(name)} for "kubectl"`;
  if (suggestions.length > 0) msg += `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}`;
  return msg.endsWith('\n') ? msg : msg + '\n';
}

/** cobra's Find: the first argument that is neither a flag nor a flag's value. */
function findCommandName(argv: string[], rootFlags: FlagSet): { name?: string; index: number } {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return { name: argv[i + 1], index: i + 1 };
    if (arg.startsWith('-') && arg.length > 1) {
      if (rootFlags.takesValue(arg)) i++;
      continue;
    }
    return { name: arg, index: i };
  }
  return { index: -1 };
}

interface Streams {
  stdout: string;
  stderr: string;
}

function buildContext(command: Command, flags: ParsedFlags, env: KubectlEnv, streams: Streams): CommandContext {
  const log = new Klog(num(flags, 'v'), { now: () => env.now(), pid: env.pid }, (line) => (streams.stderr += line));
  let client: RESTClient | undefined;
  let discovery: DiscoveryClient | undefined;
  let mapper: Promise<RESTMapper> | undefined;
  const getClient = () => {
    if (!client) {
      const kubeconfig = str(flags, 'kubeconfig') || env.kubeconfigPath;
      if (kubeconfig) log.info(6, 'loader.go:402', `Config loaded from file:  ${kubeconfig}`);
      for (const gate of featureGates) log.info(1, 'envvar.go:172', `"Feature gate default state" feature="${gate}" enabled=false`);
      client = new RESTClient(env.fetch, str(flags, 'server') || env.server, log, () => env.now());
    }
    return client;
  };
  const getDiscovery = () => {
    if (discovery) return discovery;
    const client = getClient();
    const cache = env.discoveryCache;
    return (discovery = new DiscoveryClient(client, cache && { cache, server: client.server, now: () => env.now().getTime() }));
  };
  const getMapper = () => (mapper ??= getDiscovery().serverGroups().then((g) => new RESTMapper(g)));
  // DeferredDiscoveryRESTMapper.Reset, after a miss on discovery read from the cache.
  const refreshMapper = async () => {
    await getMapper();
    const d = getDiscovery();
    if (d.fresh()) return undefined;
    log.info(5, 'discovery.go:214', 'Invalidating discovery information');
    d.invalidate();
    mapper = undefined;
    return getMapper();
  };
  return {
    args: flags.args,
    flags,
    out: (t) => (streams.stdout += t),
    err: (t) => (streams.stderr += t),
    namespace: str(flags, 'namespace') || env.namespace || 'default',
    client: getClient,
    discovery: getDiscovery,
    mapper: getMapper,
    refreshMapper,
    withMapper: async (fn) => {
      try {
        return fn(await getMapper());
      } catch (e) {
        if (!(e instanceof NoResourceMatchError)) throw e;
        const fresh = await refreshMapper();
        if (!fresh) throw e;
        return fn(fresh);
      }
    },
    log,
    files: env.files,
    kubeconfigPath: str(flags, 'kubeconfig') || env.kubeconfigPath,
    stdin: env.stdin,
    now: () => env.now(),
  };
}

/** `-h`/`--help` among the arguments (before a `--`). */
function wantsHelp(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '-h' || a === '--help' || a === '--help=true');
}

/** Descends into subcommands as cobra's Find does: the first non-flag argument names the child. */
function findSubcommand(command: Command, argv: string[], path: string): { command: Command; rest: string[]; path: string } {
  if (!command.subcommands) return { command, rest: argv, path };
  const { name, index } = findCommandName(argv, new FlagSet([...globalFlags, ...command.flags]));
  const child = name === undefined ? undefined : command.subcommands.find((c) => c.name === name || c.aliases?.includes(name));
  if (!child) return { command, rest: argv, path };
  return findSubcommand(child, [...argv.slice(0, index), ...argv.slice(index + 1)], `${path} ${child.name}`);
}

async function execute(argv: string[], env: KubectlEnv, streams: Streams): Promise<number> {
  const rootFlags = new FlagSet(globalFlags);
  const { name, index } = findCommandName(argv, rootFlags);
  if (name === undefined) {
    // `kubectl` alone, or only flags: cobra parses them, then prints the root help.
    try {
      rootFlags.parse(argv);
    } catch (e) {
      streams.stderr += `error: ${(e as Error).message}\nSee 'kubectl --help' for usage.\n`;
      return 1;
    }
    streams.stdout += rootHelp;
    return 0;
  }
  // kubectl looks for a plugin when cobra does not know the command (`help` is added later, so it
  // is looked up by the first argument without a dash); a plugin refuses flags before its name.
  const firstWord = argv.find((a) => !a.startsWith('-'));
  if (argv[0]!.startsWith('-') && firstWord !== 'help' && (name === 'help' || !kubectlCommandNames.includes(name))) {
    streams.stderr += `Error: flags cannot be placed before plugin name: ${argv[0]}\n`;
    return 1;
  }
  let command = commands.find((c) => c.name === name || c.aliases?.includes(name));
  if (!command) {
    const text = kubectlCommandNames.includes(name) && wantsHelp(argv) ? await helpText(name) : undefined;
    if (text !== undefined) {
      streams.stdout += text;
      return 0;
    }
    if (kubectlCommandNames.includes(name)) {
      streams.stderr += `error: "kubectl ${name}" is not available here yet\n`;
      return 1;
    }
    streams.stderr += unknownCommand(name);
    return 1;
  }
  const resolved = findSubcommand(command, [...argv.slice(0, index), ...argv.slice(index + 1)], command.name);
  const { rest, path } = resolved;
  command = resolved.command;
  let flags: ParsedFlags;
  try {
    flags = new FlagSet([...globalFlags, ...command.flags]).parse(rest);
  } catch (e) {
    if (!(e instanceof FlagError)) throw e;
    streams.stderr += `error: ${e.message}\nSee 'kubectl ${path} --help' for usage.\n`;
    return 1;
  }
  const help = flags.values.get('help') === true ? await helpText(path) : undefined;
  if (help !== undefined) {
    streams.stdout += help;
    return 0;
  }
  const ctx = buildContext(command, flags, env, streams);
  try {
    return (await command.run(ctx)) ?? 0;
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    const { message, code } = checkErr(err, ctx.log);
    streams.stderr += message;
    return code;
  }
}

export async function runKubectl(argv: string[], env: KubectlEnv): Promise<KubectlResult> {
  const streams: Streams = { stdout: '', stderr: '' };
  try {
    const code = await execute(argv, env, streams);
    return { ...streams, code };
  } catch (e) {
    streams.stderr += `error: ${e instanceof Error ? e.message : String(e)}\n`;
    return { ...streams, code: 1 };
  }
}
