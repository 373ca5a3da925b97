// npm run -s kubectl -- ARGS: our kubectl from Node. The server is found as kubectl finds it
// (--server, --kubeconfig, KUBECONFIG, ~/.kube/config and its current context); with none, a
// fresh in-process cluster with the default scenario answers. Prints only kubectl's output.

import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { runKubectl, type KubectlEnv } from '../src/kubectl/run.ts';
import { createCluster } from '../src/sim/cluster.ts';
import { readScenario } from './lib/scenarios.ts';

interface Kubeconfig {
  'current-context'?: string;
  contexts?: { name: string; context?: { cluster?: string; namespace?: string } }[];
  clusters?: { name: string; cluster?: { server?: string } }[];
}

/** The value of a global flag given as `--name=value` or `--name value`. */
function flagValue(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === `--${name}` && i + 1 < argv.length) return argv[i + 1];
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
  }
  return undefined;
}

function kubeconfigPath(argv: string[]): string | undefined {
  const explicit = flagValue(argv, 'kubeconfig');
  if (explicit) return explicit;
  const fromEnv = process.env.KUBECONFIG?.split(':').find((p) => p !== '' && existsSync(p));
  if (fromEnv) return fromEnv;
  const home = join(homedir(), '.kube', 'config');
  return existsSync(home) ? home : undefined;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const configPath = kubeconfigPath(argv);
  let server = flagValue(argv, 'server') ?? (argv.includes('-s') ? argv[argv.indexOf('-s') + 1] : undefined);
  let namespace: string | undefined;
  if (configPath) {
    const config = (parse(readFileSync(configPath, 'utf8')) ?? {}) as Kubeconfig;
    const contextName = flagValue(argv, 'context') ?? config['current-context'];
    const context = config.contexts?.find((c) => c.name === contextName)?.context;
    const clusterName = flagValue(argv, 'cluster') ?? context?.cluster;
    server ??= config.clusters?.find((c) => c.name === clusterName)?.cluster?.server;
    namespace = context?.namespace;
  }
  let fetchImpl: KubectlEnv['fetch'] = (req) => fetch(req);
  if (!server) {
    const cluster = await createCluster({ scenario: readScenario('default') });
    fetchImpl = cluster.fetch;
    server = 'http://127.0.0.1:8080';
  }
  const wantsStdin = argv.some((a, i) => a === '-' && ['-f', '--filename'].includes(argv[i - 1] ?? '')) || argv.includes('--filename=-') || argv.includes('-f-');
  const result = await runKubectl(argv, {
    fetch: fetchImpl,
    server,
    namespace,
    files: {
      readFile(name) {
        const path = resolve(process.cwd(), name);
        return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
      },
    },
    stdin: wantsStdin ? await readStdin() : undefined,
    now: () => new Date(),
    pid: process.pid,
    kubeconfigPath: configPath ?? '',
  });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  return result.code;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
