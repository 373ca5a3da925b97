// The seed's commands, run with the real kubectl against the simulated cluster (default
// scenario, clock pinned), each checked against what kubectl prints on a real cluster in the
// same state.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  kubectlAvailable,
  kubectlMissingMessage,
  normaliseLog,
  startConformanceCluster,
  type ConformanceCluster,
} from './harness.ts';
import { tabwrite } from './tabwriter.ts';

const fidelity = (name: string) => readFileSync(new URL(`../../../shared/fidelity/kubectl-outputs/${name}`, import.meta.url), 'utf8');

const builtinAPIServices = [
  'v1.',
  'v1.admissionregistration.k8s.io',
  'v1.apiextensions.k8s.io',
  'v1.apps',
  'v1.authentication.k8s.io',
  'v1.authorization.k8s.io',
  'v1.autoscaling',
  'v1.batch',
  'v1.certificates.k8s.io',
  'v1.coordination.k8s.io',
  'v1.discovery.k8s.io',
  'v1.events.k8s.io',
  'v1.flowcontrol.apiserver.k8s.io',
  'v1.networking.k8s.io',
  'v1.node.k8s.io',
  'v1.policy',
  'v1.rbac.authorization.k8s.io',
  'v1.scheduling.k8s.io',
  'v1.storage.k8s.io',
];

/** `kubectl get apiservice` of the default scenario: every built-in is Local and 100 days old. */
export function expectedAPIServiceRows(overrides: Record<string, string> = {}): string[][] {
  const rows: string[][] = builtinAPIServices.map((n) => [n, 'Local', 'True', '100d']);
  rows.push(['v1beta1.custom.example.com', 'default/custom-api-server', overrides['v1beta1.custom.example.com'] ?? 'True', '30d']);
  rows.push(['v1beta1.metrics.k8s.io', 'kube-system/metrics-server', overrides['v1beta1.metrics.k8s.io'] ?? 'True', '90d']);
  rows.push(['v2.autoscaling', 'Local', 'True', '100d']);
  return rows;
}

const header = ['NAME', 'SERVICE', 'AVAILABLE', 'AGE'];

interface Quantity {
  cpu: string;
  memory: string;
}

/** kubectl top's rules: millicores rounded up, MiB floored, percentages truncated. */
function milliCores(q: string): number {
  const m = /^(\d+)(n|u|m)?$/.exec(q);
  if (!m) throw new Error(`unexpected CPU quantity ${q}`);
  const n = Number(m[1]);
  const perMilli = { n: 1e6, u: 1e3, m: 1, '': 1 / 1000 }[m[2] ?? ''] ?? 1;
  return Math.ceil(n / perMilli);
}

function bytes(q: string): number {
  const m = /^(\d+)(Ki|Mi|Gi)?$/.exec(q);
  if (!m) throw new Error(`unexpected memory quantity ${q}`);
  return Number(m[1]) * ({ Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3 }[m[2] ?? ''] ?? 1);
}

describe.runIf(kubectlAvailable())('the seed, with the real kubectl', () => {
  let c: ConformanceCluster;
  beforeAll(async () => {
    c = await startConformanceCluster();
  });
  afterAll(async () => {
    await c?.close();
  });

  it('kubectl get apiservice lists every APIService with its service and availability', async () => {
    const r = await c.kubectl(['get', 'apiservice']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(tabwrite([header, ...expectedAPIServiceRows()]));
    expect(r.code).toBe(0);
  });

  it('kubectl get apiservice | grep -v Local keeps the service-backed ones', async () => {
    const r = await c.shell('kubectl get apiservice | grep -v Local');
    const table = tabwrite([header, ...expectedAPIServiceRows()]).split('\n');
    expect(r.stdout).toBe(table.filter((l) => l !== '' && !l.includes('Local')).join('\n') + '\n');
    expect(r.code).toBe(0);
  });

  it('kubectl get apiservice v1beta1.metrics.k8s.io shows one row', async () => {
    const r = await c.kubectl(['get', 'apiservice', 'v1beta1.metrics.k8s.io']);
    expect(r.stdout).toBe(tabwrite([header, ['v1beta1.metrics.k8s.io', 'kube-system/metrics-server', 'True', '90d']]));
  });

  it('kubectl get apiservice v1beta1.metrics.k8s.io -o yaml shows the spec and the Passed condition', async () => {
    const r = await c.kubectl(['get', 'apiservice', 'v1beta1.metrics.k8s.io', '-o', 'yaml']);
    expect(r.code).toBe(0);
    const normalised = r.stdout
      .replace(/resourceVersion: "\d+"/, 'resourceVersion: "RV"')
      .replace(/uid: [0-9a-f-]{36}/, 'uid: UID');
    expect(normalised).toBe(
      [
        'apiVersion: apiregistration.k8s.io/v1',
        'kind: APIService',
        'metadata:',
        '  creationTimestamp: "2026-08-28T12:00:00Z"',
        '  labels:',
        '    k8s-app: metrics-server',
        '  name: v1beta1.metrics.k8s.io',
        '  resourceVersion: "RV"',
        '  uid: UID',
        'spec:',
        '  group: metrics.k8s.io',
        '  groupPriorityMinimum: 100',
        '  insecureSkipTLSVerify: true',
        '  service:',
        '    name: metrics-server',
        '    namespace: kube-system',
        '    port: 443',
        '  version: v1beta1',
        '  versionPriority: 100',
        'status:',
        '  conditions:',
        '  - lastTransitionTime: "2026-08-28T12:00:00Z"',
        '    message: all checks passed',
        '    reason: Passed',
        '    status: "True"',
        '    type: Available',
        '',
      ].join('\n'),
    );
  });

  it('kubectl api-versions lists every group/version, the extension ones included', async () => {
    const r = await c.kubectl(['api-versions']);
    const expected = fidelity('api-versions.stdout.txt').trimEnd().split('\n');
    expected.push('custom.example.com/v1beta1');
    expected.sort((a, b) => (a === 'v1' ? 1 : b === 'v1' ? -1 : a < b ? -1 : 1));
    expect(r.stdout).toBe(expected.join('\n') + '\n');
  });

  it('kubectl api-resources --api-group=metrics.k8s.io shows the two metrics resources', async () => {
    const r = await c.kubectl(['api-resources', '--api-group=metrics.k8s.io']);
    expect(r.stdout).toBe(fidelity('api-resources-metrics.stdout.txt'));
    expect(r.code).toBe(0);
  });

  it('kubectl get --raw /apis/metrics.k8s.io/v1beta1/nodes returns the extension server\'s NodeMetricsList', async () => {
    const r = await c.kubectl(['get', '--raw', '/apis/metrics.k8s.io/v1beta1/nodes']);
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith('\n')).toBe(true);
    const list = JSON.parse(r.stdout);
    expect(list.kind).toBe('NodeMetricsList');
    expect(list.apiVersion).toBe('metrics.k8s.io/v1beta1');
    expect(list.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2']);
    for (const item of list.items) {
      expect(item.usage.cpu).toMatch(/^\d+n$/);
      expect(item.usage.memory).toMatch(/^\d+Ki$/);
      expect(item.window).toMatch(/^\d+(\.\d+)?s$/);
      expect(item.metadata.labels['kubernetes.io/hostname']).toBe(item.metadata.name);
    }
  });

  it('kubectl top nodes prints usage against allocatable as kubectl computes it', async () => {
    const r = await c.kubectl(['top', 'nodes']);
    expect(r.stderr).toBe('');
    const metrics = JSON.parse((await c.kubectl(['get', '--raw', '/apis/metrics.k8s.io/v1beta1/nodes'])).stdout);
    const nodes = JSON.parse((await c.kubectl(['get', '--raw', '/api/v1/nodes'])).stdout);
    const rows = [['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']];
    for (const m of metrics.items as { metadata: { name: string }; usage: Quantity }[]) {
      const node = nodes.items.find((n: { metadata: { name: string } }) => n.metadata.name === m.metadata.name);
      const alloc = node.status.allocatable as Quantity;
      const cpu = milliCores(m.usage.cpu);
      const mem = bytes(m.usage.memory);
      rows.push([
        m.metadata.name,
        `${cpu}m`,
        `${Math.trunc((cpu / milliCores(alloc.cpu)) * 100)}%`,
        `${Math.floor(mem / 1024 / 1024)}Mi`,
        `${Math.trunc((mem / bytes(alloc.memory)) * 100)}%`,
      ]);
    }
    expect(r.stdout).toBe(tabwrite(rows, { terminated: true }));
    expect(r.code).toBe(0);
  });

  it('kubectl top nodes -v=6 logs each round trip, the metrics request included', async () => {
    const r = await c.kubectl(['top', 'nodes', '-v=6']);
    expect(r.code).toBe(0);
    const lines = normaliseLog(r.stderr, c.server.url).trimEnd().split('\n');
    const trips = lines.filter((l) => l.includes('round_trippers.go'));
    expect(trips).toEqual([
      'IMMDD hh:mm:ss.uuuuuu PID round_trippers.go:560] GET http://SERVER/api 200 OK in N milliseconds',
      'IMMDD hh:mm:ss.uuuuuu PID round_trippers.go:560] GET http://SERVER/apis 200 OK in N milliseconds',
      'IMMDD hh:mm:ss.uuuuuu PID round_trippers.go:560] GET http://SERVER/apis/metrics.k8s.io/v1beta1/nodes 200 OK in N milliseconds',
      'IMMDD hh:mm:ss.uuuuuu PID round_trippers.go:560] GET http://SERVER/api/v1/nodes 200 OK in N milliseconds',
    ]);
    expect(lines[0]).toBe('IMMDD hh:mm:ss.uuuuuu PID loader.go:402] Config loaded from file:  KUBECONFIG');
  });
});

describe.runIf(!kubectlAvailable())('the real kubectl', () => {
  it('is installed', () => {
    throw new Error(kubectlMissingMessage);
  });
});
