// What must hold after any input: kubectl's errors read like kubectl's, and the cluster's state is
// whole (every stored object passes its kind's validation and decodes as its Go type; the
// cluster still answers `kubectl get apiservice`).

import type { Cluster } from '../../../src/sim/cluster.ts';
import { formatFieldError } from '../../../src/sim/fielderrors.ts';
import type { KubectlResult } from '../../../src/kubectl/run.ts';
import { inProcessCluster, type InProcessKubectl } from '../kubectl/fixtures.ts';

export interface TestCluster {
  cluster: Cluster;
  kubectl: InProcessKubectl;
}

export async function defaultCluster(): Promise<TestCluster> {
  const { cluster, kubectl } = await inProcessCluster({ server: 'https://127.0.0.1:6443', kubeconfigPath: '' });
  return { cluster, kubectl };
}

/** How kubectl 1.32's messages begin (its own, the server's, the builder's and the printers'). */
const kubectlFirstLine = new RegExp(
  [
    '^error: ', '^Error: ', '^Error from server', '^The [A-Za-z]+ "(?:[^"\\\\]|\\\\.)*" is invalid: ', '^Warning: ', '^WARNING: ', '^warning: ', '^No resources found',
    '^Unknown help topic', '^You must specify', '^[IWE]\\d{4} ', '^unable to recognize ', '^unable to decode ', '^error validating ', '^error when ',
    '^error parsing ', '^the server ', '^resource mapping not found', '^the path ', '^the namespace from the provided object',
    '^no namespace set on resource ',
    // The builder's errors as one Go aggregate (get -f, describe -f): in brackets, a server error unprefixed.
    '^\\[(?:unable to decode |error parsing |resource mapping not found|the namespace from the provided object|no namespace set on resource |[a-z0-9.-]+ "|the server )',
  ].join('|'),
);

/** What only a JavaScript failure prints. */
const leaks: [RegExp, string][] = [
  [/\n\s+at .+(\(.*:\d+:\d+\)|:\d+:\d+)$/m, 'a stack trace'],
  [/\[object Object\]/, '[object Object]'],
  [/\bundefined\b/, '"undefined"'],
  [/Cannot read propert|is not a function|is not iterable|Maximum call stack|Invalid (array|string) length|out of memory/i, 'a JavaScript error'],
  [/\b(TypeError|RangeError|ReferenceError|SyntaxError)\b/, 'a JavaScript error name'],
  [/InternalError/, 'the apiserver failed inside (InternalError)'],
];

/** Problems with one command's result; `input` is what the learner supplied (a leak word it contains is theirs). */
export function outputProblems(result: KubectlResult, input: string): string[] {
  const problems: string[] = [];
  if (![0, 1].includes(result.code)) problems.push(`exit code ${result.code}`);
  if (result.stderr !== '') {
    const first = result.stderr.split('\n')[0]!;
    // A command group run without its subcommand prints its help on stderr, as cobra does.
    const help = /\nUsage:\n/.test(result.stderr);
    if (!kubectlFirstLine.test(first) && !help) problems.push(`stderr does not start as kubectl's do: ${JSON.stringify(first.slice(0, 200))}`);
  }
  if (result.code !== 0 && result.stderr === '' && result.stdout === '') problems.push('failed without a word');
  for (const [pattern, what] of leaks) {
    for (const [stream, text] of [['stderr', result.stderr], ['stdout', result.stdout]] as const) {
      if (stream === 'stdout' && what !== 'a stack trace' && what !== '[object Object]') continue; // stdout prints the learner's own values
      if (pattern.test(text) && !pattern.test(input)) problems.push(`${stream} shows ${what}: ${JSON.stringify(text.slice(0, 400))}`);
    }
  }
  return problems;
}

/** The store revision each cluster was last found whole at: nothing to check again until a write. */
const checkedAt = new WeakMap<Cluster, string>();

/** Every stored object that no longer passes its kind's validation or does not decode as its type. */
export function storedObjectProblems(cluster: Cluster): string[] {
  const { store, registry } = cluster.ctx;
  if (checkedAt.get(cluster) === store.resourceVersion) return [];
  const problems: string[] = [];
  for (const gr of store.groupResources()) {
    const types = registry.all().filter((t) => t.group === gr.group && t.resource === gr.resource);
    for (const obj of store.list(gr)) {
      const where = `${gr.resource}${gr.group ? `.${gr.group}` : ''} ${obj.metadata?.namespace ?? ''}/${obj.metadata?.name}`;
      if (typeof obj.metadata?.name !== 'string' || obj.metadata.name === '') problems.push(`${where}: no name`);
      for (const type of types) {
        for (const err of type.validate?.(structuredClone(obj)) ?? []) problems.push(`${where} (${type.version}): ${formatFieldError(err)}`);
        const decoded = type.decode?.(structuredClone(obj));
        if (decoded && !decoded.ok) problems.push(`${where} (${type.version}) does not decode: ${decoded.message}`);
      }
    }
  }
  if (problems.length === 0) checkedAt.set(cluster, store.resourceVersion);
  return problems;
}

/** The cluster still lists its APIServices as kubectl's table. */
export async function answersGetAPIService(test: TestCluster): Promise<string[]> {
  const result = await test.kubectl(['get', 'apiservice']);
  if (result.code !== 0 || !result.stdout.startsWith('NAME ')) return [`kubectl get apiservice: ${result.code} ${result.stderr.slice(0, 300)}`];
  return [];
}
