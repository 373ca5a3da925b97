// Parity for top, cluster-info, config view and help: each line runs with the real kubectl and
// with ours against the same cluster and must print the same stdout and stderr, with the same
// exit code. Lines start after `kubectl`; ours reads the kubeconfig from disk as kubectl does.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKubectl } from '../../../src/kubectl/run.ts';
import { kubectlAvailable, startConformanceCluster, type ConformanceCluster, type KubectlResult } from '../harness.ts';
import { comparable, kubectlPair, shellWords, type Pair } from './ours.ts';

export const topConfigHelpCorpus: string[] = [
  // Resource usage through the Metrics API.
  'top nodes',
  'top node',
  'top no kind-worker',
  'top node kind-worker -v=6',
  'top nodes --sort-by=cpu',
  'top nodes --sort-by=memory',
  'top nodes --show-capacity',
  'top nodes --no-headers',
  'top nodes -l kubernetes.io/hostname=kind-worker2',
  'top nodes -v=6',
  'top pods',
  'top pod',
  'top po -n kube-system',
  'top pods -A',
  'top pods -A --sum',
  'top pods -n kube-system --containers',
  'top pods -A --containers --sum',
  'top pods -A --sort-by=cpu',
  'top pods -A --sort-by=memory',
  'top pods -n kube-system --sort-by=memory --containers',
  'top pods -l app=web',
  'top pods -l app=web --sum',
  'top pods -A --no-headers',
  'top pods -v=6',
  'top pods --use-protocol-buffers=false -v=6',
  // top's errors.
  'top',
  'top foo',
  'top nodes a b',
  'top node nope',
  'top pod nope',
  'top pods -n empty',
  'top pods --sort-by=name',
  'top nodes --sort-by=foo',
  'top node kind-worker -l a=b',
  'top pod x -l a=b',
  'top pods --containers=maybe',
  'top nodes -A',
  // The cluster and the kubeconfig.
  'cluster-info',
  'cluster-info -v=6',
  'cluster-info -n default',
  'cluster-info extra',
  'config view',
  'config view --minify',
  'config view --raw',
  'config view -o json',
  "config view --minify -o jsonpath='{.clusters[0].cluster.server}'",
  'config view --context nope --minify',
  'config view -o wide',
  'config view extra',
  'config',
  'config foo',
  // Help.
  'help',
  '-h',
  'help top',
  'help top nodes',
  'help config view',
  'help foo',
  'help logs',
  'top --help',
  'top pod -h',
  'top node --help --foo',
  'cluster-info --help',
  'config view -h',
  'get --help',
  'describe -h',
  'api-resources --help',
  'api-versions -h',
  'version --help',
  'apply --help',
  'create --help',
  'delete --help',
  'scale --help',
  'explain --help',
  'logs --help',
  '--server http://127.0.0.1:1 help',
];

describe.runIf(kubectlAvailable())('top, cluster-info, config view and help print what the real kubectl prints', () => {
  let c: ConformanceCluster;
  let pair: Pair;
  let ours: (args: string[]) => Promise<KubectlResult>;
  beforeAll(async () => {
    c = await startConformanceCluster();
    pair = kubectlPair(c);
    const kubeconfig = join(dirname(c.writeFile('top-config-help', '')), 'parity-kubeconfig');
    ours = (args) =>
      runKubectl(args, {
        fetch: (req) => fetch(req),
        server: c.server.url,
        files: { readFile: (name) => (existsSync(name) ? readFileSync(name, 'utf8') : undefined) },
        now: () => new Date(),
        pid: process.pid,
        kubeconfigPath: kubeconfig,
      });
  });
  afterAll(async () => {
    await c?.close();
  });

  for (const line of topConfigHelpCorpus) {
    it(`kubectl ${line}`, async () => {
      const args = shellWords(line);
      const real = await pair.real(args);
      const mine = await ours(args);
      expect(comparable(mine, pair.normalise)).toEqual(comparable(real, pair.normalise));
    });
  }
});
