// Exercise checks against the real simulated cluster: each check kind passing and failing, with
// state changed by our kubectl as a learner would change it, and the requests the cluster observed.
import { beforeEach, describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../../src/sim/cluster.ts';
import { evaluateExercise } from '../../../src/playground/exercise/evaluate.ts';
import type { Check, ObservedRequest } from '../../../src/playground/exercise/types.ts';
import { solutionFile } from '../../lesson-source.ts';
import { kubectlOn } from '../kubectl/fixtures.ts';
import { readScenario } from '../../../scripts/lib/scenarios.ts';

const CUSTOM = '/apis/apiregistration.k8s.io/v1/apiservices/v1beta1.custom.example.com';
const SERVER = 'https://127.0.0.1:6443';
const METRICS = '/apis/apiregistration.k8s.io/v1/apiservices/v1beta1.metrics.k8s.io';

const CUSTOM_APISERVICE = solutionFile('09-summary-challenge', 'register-custom-api', 'custom-apiservice.yaml');

let cluster: Cluster;
let log: ObservedRequest[];

async function kubectl(line: string, files: Record<string, string> = {}): Promise<string> {
  const run = kubectlOn(cluster, { server: SERVER, namespace: 'default', pid: 1, kubeconfigPath: '' });
  const { stdout, stderr } = await run(line.split(' ').slice(1), { files });
  return stdout + stderr;
}

/** Whether each check passes, in order. */
async function results(...checks: Check[]): Promise<boolean[]> {
  return (await evaluateExercise({ checks }, cluster.fetch, log)).checks;
}

async function boot(name: string): Promise<void> {
  cluster = await createCluster({ scenario: readScenario(name), scenarios: readScenario });
  log = [];
  // Only kubectl's requests, as the playground keeps them: the checks' own reads use another origin.
  cluster.observe((r) => r.url.startsWith(`${SERVER}/`) && log.push(r));
}

describe('checks on the seed cluster (default scenario)', () => {
  beforeEach(() => boot('default'));

  it('exists: 200 passes exists:true, 404 passes exists:false', async () => {
    expect(
      await results(
        { path: METRICS, exists: true, hint: '' },
        { path: METRICS, exists: false, hint: '' },
        { path: '/apis/apiregistration.k8s.io/v1/apiservices/v1beta1.nothing.example.com', exists: true, hint: '' },
        { path: '/apis/apiregistration.k8s.io/v1/apiservices/v1beta1.nothing.example.com', exists: false, hint: '' },
      ),
    ).toEqual([true, false, false, true]);
  });

  it('exists follows deletes made through kubectl', async () => {
    expect(await kubectl('kubectl delete apiservice v1beta1.custom.example.com')).toContain('deleted');
    expect(await results({ path: CUSTOM, exists: true, hint: '' }, { path: CUSTOM, exists: false, hint: '' })).toEqual([false, true]);
  });

  it('malformed paths fail every kind of state check instead of throwing', async () => {
    const bad = ['apis/no-leading-slash', '/no/such/api/group', '/apis/apiregistration.k8s.io/v1/apiservices/%%%'];
    for (const path of bad) {
      expect(
        await results(
          { path, exists: true, hint: '' },
          { path, field: 'metadata.name', equals: 'x', hint: '' },
          { path, condition: 'Available', hint: '' },
          { path, minCount: 0, hint: '' },
        ),
      ).toEqual([false, false, false, false]);
    }
  });

  it('field: deep equality, values of every type, and a missing field', async () => {
    expect(
      await results(
        { path: CUSTOM, field: 'spec.service.name', equals: 'custom-api-server', hint: '' },
        { path: CUSTOM, field: 'spec.service', equals: { port: 443, namespace: 'default', name: 'custom-api-server' }, hint: '' },
        { path: CUSTOM, field: 'spec.groupPriorityMinimum', equals: 1000, hint: '' },
        { path: CUSTOM, field: 'spec.insecureSkipTLSVerify', equals: true, hint: '' },
        { path: CUSTOM, field: 'spec.service.name', equals: 'metrics-server', hint: '' },
        { path: CUSTOM, field: 'spec.groupPriorityMinimum', equals: '1000', hint: '' },
        { path: CUSTOM, field: 'spec.service', equals: { namespace: 'default', name: 'custom-api-server' }, hint: '' },
        { path: CUSTOM, field: 'spec.caBundle', equals: null, hint: '' },
      ),
    ).toEqual([true, true, true, true, false, false, false, false]);
  });

  it('field: a path into arrays with [N], out-of-range and malformed field paths', async () => {
    const pods = '/api/v1/namespaces/kube-system/pods?labelSelector=k8s-app%3Dmetrics-server';
    expect(
      await results(
        { path: pods, field: 'items[0].metadata.namespace', equals: 'kube-system', hint: '' },
        { path: pods, field: 'items[0].spec.containers[0].name', equals: 'metrics-server', hint: '' },
        { path: CUSTOM, field: 'status.conditions[0].type', equals: 'Available', hint: '' },
        { path: pods, field: 'items[5].metadata.namespace', equals: 'kube-system', hint: '' },
        { path: pods, field: 'items.0.metadata.namespace', equals: 'kube-system', hint: '' },
        { path: pods, field: 'items[x].metadata', equals: 'kube-system', hint: '' },
        { path: CUSTOM, field: 'spec..group', equals: 'custom.example.com', hint: '' },
      ),
    ).toEqual([true, true, true, false, false, false, false]);
  });

  it('condition: status defaults to True; reason must match when given', async () => {
    expect(
      await results(
        { path: CUSTOM, condition: 'Available', hint: '' },
        { path: CUSTOM, condition: 'Available', status: 'True', reason: 'Passed', hint: '' },
        { path: CUSTOM, condition: 'Available', status: 'False', hint: '' },
        { path: CUSTOM, condition: 'Available', reason: 'MissingEndpoints', hint: '' },
        { path: CUSTOM, condition: 'Ready', hint: '' },
        { path: '/api/v1/namespaces/default', condition: 'Available', hint: '' },
      ),
    ).toEqual([true, true, false, false, false, false]);
  });

  it('condition with reason: Available=False (MissingEndpoints) once the custom API server is scaled to zero', async () => {
    expect(await kubectl('kubectl scale deployment custom-api-server --replicas=0')).toContain('scaled');
    expect(
      await results(
        { path: CUSTOM, condition: 'Available', status: 'False', reason: 'MissingEndpoints', hint: '' },
        { path: CUSTOM, condition: 'Available', status: 'False', reason: 'ServiceNotFound', hint: '' },
        { path: CUSTOM, condition: 'Available', hint: '' },
      ),
    ).toEqual([true, false, false]);
  });

  it('count and minCount on lists; a non-list body fails', async () => {
    const pods = '/api/v1/namespaces/kube-system/pods?labelSelector=k8s-app%3Dmetrics-server';
    expect(
      await results(
        { path: pods, count: 1, hint: '' },
        { path: pods, count: 2, hint: '' },
        { path: pods, minCount: 1, hint: '' },
        { path: '/api/v1/nodes', minCount: 3, hint: '' },
        { path: '/api/v1/nodes', minCount: 4, hint: '' },
        { path: CUSTOM, count: 0, hint: '' },
      ),
    ).toEqual([true, false, true, true, false, false]);
  });

  it('request: matches what kubectl sent, by path without the query, method and status', async () => {
    const nodeMetrics: Check = { request: { method: 'GET', path: '/apis/metrics.k8s.io/v1beta1/nodes', status: 200 }, hint: '' };
    expect(await results(nodeMetrics)).toEqual([false]);
    expect(await kubectl('kubectl top nodes')).toContain('kind-control-plane');
    expect(log.some((r) => r.url.includes('/apis/metrics.k8s.io/v1beta1/nodes'))).toBe(true);
    expect(
      await results(
        nodeMetrics,
        { request: { path: '/apis/metrics.k8s.io/v1beta1/nodes?limit=5' }, hint: '' },
        { request: { method: 'get', path: '/apis/metrics.k8s.io/v1beta1/nodes' }, hint: '' },
        { request: { method: 'DELETE', path: '/apis/metrics.k8s.io/v1beta1/nodes' }, hint: '' },
        { request: { path: '/apis/metrics.k8s.io/v1beta1/nodes', status: 503 }, hint: '' },
        { request: { path: '/apis/metrics.k8s.io/v1beta1/pods' }, hint: '' },
      ),
    ).toEqual([true, true, true, false, false, false]);
  });

  it("the checks' own reads are not requests the learner made", async () => {
    await results({ path: CUSTOM, exists: true, hint: '' });
    const before = log.length;
    expect(await results({ request: { path: CUSTOM }, hint: '' })).toEqual([false]);
    expect(log.length).toBe(before);
  });
});

describe('the final challenge on custom-unregistered', () => {
  beforeEach(() => boot('custom-unregistered'));

  const challenge: Check[] = [
    { path: CUSTOM, exists: true, hint: 'create it' },
    { path: CUSTOM, field: 'spec.service.name', equals: 'custom-api-server', hint: 'service name' },
    { path: CUSTOM, field: 'spec.service.namespace', equals: 'default', hint: 'service namespace' },
    { path: CUSTOM, condition: 'Available', status: 'True', hint: 'available' },
    { request: { method: 'GET', path: '/apis/custom.example.com/v1beta1/namespaces/default/inventories', status: 200 }, hint: 'use it' },
  ];

  it('the scenario runs the custom API server but registers no APIService for it', async () => {
    expect(await kubectl('kubectl get deployment custom-api-server')).toMatch(/custom-api-server\s+1\/1/);
    expect(await kubectl('kubectl get apiservice v1beta1.custom.example.com')).toContain('NotFound');
    expect(await kubectl('kubectl get apiservice v1beta1.metrics.k8s.io')).toContain('True');
  });

  it('is todo until the solution runs, then done', async () => {
    expect(await evaluateExercise({ checks: challenge }, cluster.fetch, log)).toEqual({ done: false, checks: [false, false, false, false, false] });
    expect(await kubectl('kubectl get inventories')).toContain(`the server doesn't have a resource type "inventories"`);
    expect((await evaluateExercise({ checks: challenge }, cluster.fetch, log)).checks[4]).toBe(false);

    expect(await kubectl('kubectl apply -f custom-apiservice.yaml', { 'custom-apiservice.yaml': CUSTOM_APISERVICE })).toContain('created');
    expect((await evaluateExercise({ checks: challenge }, cluster.fetch, log)).checks).toEqual([true, true, true, true, false]);

    expect(await kubectl('kubectl get inventories')).toContain('ams1-a01');
    expect(await evaluateExercise({ checks: challenge }, cluster.fetch, log)).toEqual({ done: true, checks: [true, true, true, true, true] });
  });

  it('a registration pointing at the wrong Service exists but fails the service and Available checks', async () => {
    const wrong = CUSTOM_APISERVICE.replace('name: custom-api-server', 'name: custom-api');
    expect(await kubectl('kubectl apply -f a.yaml', { 'a.yaml': wrong })).toContain('created');
    const result = await evaluateExercise({ checks: [...challenge, { path: CUSTOM, condition: 'Available', status: 'False', reason: 'ServiceNotFound', hint: '' }] }, cluster.fetch, log);
    expect(result.checks).toEqual([true, false, true, false, false, true]);
  });

  it('an exercise without checks is never done', async () => {
    expect(await evaluateExercise({ checks: [] }, cluster.fetch, log)).toEqual({ done: false, checks: [] });
  });
});
