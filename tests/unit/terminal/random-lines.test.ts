// 10,000 random command lines through the shell with our real kubectl behind it, against an
// in-process cluster: nothing throws out, every line ends with output or an error and an exit
// code, the shell keeps taking lines, and the cluster's objects still pass validation.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { ManualClock } from '../../../src/sim/clock.ts';
import { createCluster } from '../../../src/sim/cluster.ts';
import { runKubectl } from '../../../src/kubectl/run.ts';
import { Shell } from '../../../src/kubectl/shell/shell.ts';
import { validateAPIService } from '../../../src/sim/apiregistration/validation.ts';

const scenario = readFileSync(new URL('../../../content/scenarios/default.yaml', import.meta.url), 'utf8');
const runs = Number(process.env.RANDOM_LINES ?? 10_000);

const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('kubectl', 'kubectl', 'kubectl') },
  {
    weight: 10,
    arbitrary: fc.constantFrom(
      'get', 'describe', 'apply', 'create', 'delete', 'scale', 'top', 'explain', 'api-versions', 'api-resources', 'version',
      'cluster-info', 'config', 'view', 'help', 'apiservice', 'apiservices', 'pods', 'po', 'nodes', 'deploy', 'svc', 'crd',
      'v1beta1.metrics.k8s.io', 'metrics-server', 'web', '-n', 'kube-system', '-A', '-o', 'yaml', 'json', 'wide', 'name',
      '-o=jsonpath={.items[*].metadata.name}', '-l', 'app=web', '--replicas=0', '--replicas=2', '-f', '-', 'x.yaml', '-v=6',
      '--raw', '/apis', '/apis/metrics.k8s.io/v1beta1/nodes', '--show-labels', '--recursive', 'apiservice.spec', '--sort-by=cpu',
      '|', 'grep', '-v', 'Local', 'head', '-3', 'wc', '-l', 'sort', ';', '&&', '||', "'", '"', '\\', '$?', '#',
    ),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }).map((s) => `--${s}`) },
);
const commandLine = fc.array(word, { minLength: 1, maxLength: 10 }).map((words) => words.join(' '));

describe('the terminal under random input', () => {
  it(`never throws on ${runs} random lines, and the cluster stays valid`, async () => {
    const clock = new ManualClock('2026-11-26T12:00:00Z');
    const cluster = await createCluster({ clock, scenario });
    const files = { readFile: (name: string) => (name === 'x.yaml' ? 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: random\n' : undefined) };
    const kubectl = (argv: string[], stdin: string) =>
      runKubectl(argv.slice(1), { fetch: cluster.fetch, server: 'https://127.0.0.1:6443', files, stdin, now: () => new Date(clock.now()), pid: 4242, kubeconfigPath: '' });
    const shell = new Shell({ commands: { kubectl }, files });
    await fc.assert(
      fc.asyncProperty(commandLine, async (line) => {
        const result = await shell.run(line);
        expect(typeof result.output).toBe('string');
        expect(Number.isInteger(result.code)).toBe(true);
        expect(result.output).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)/); // no stack traces
      }),
      { numRuns: runs },
    );
    expect(await shell.run('kubectl get apiservice v1.apps -o name')).toEqual({ output: 'apiservice.apiregistration.k8s.io/v1.apps\n', code: 0 });
    const list = await (await cluster.fetch(new Request('https://127.0.0.1:6443/apis/apiregistration.k8s.io/v1/apiservices'))).json();
    for (const item of list.items) expect(validateAPIService({ apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', ...item })).toEqual([]);
  }, 600_000);
});
