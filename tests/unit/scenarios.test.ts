// Every scenario under content/scenarios/ loads into the simulated cluster, and its extension
// APIServices start in the state the lessons describe. The broken ones are repaired with the
// commands the lessons' solutions type, through our kubectl.
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../src/sim/cluster.ts';
import { readScenario, scenarioNames } from '../../scripts/lib/scenarios.ts';
import { kubectlOn } from './kubectl/fixtures.ts';

interface Availability {
  status: string;
  reason: string;
}

const passed: Availability = { status: 'True', reason: 'Passed' };
const healthy = { 'v1beta1.metrics.k8s.io': passed, 'v1beta1.custom.example.com': passed };

/** The Service-backed APIServices each scenario starts with, and their Available condition. */
const expected: Record<string, Record<string, Availability>> = {
  default: healthy,
  'apiservice-sandbox': healthy,
  'crd-sandbox': healthy,
  'priority-sandbox': healthy,
  'metrics-server-down': { 'v1beta1.metrics.k8s.io': { status: 'False', reason: 'MissingEndpoints' }, 'v1beta1.custom.example.com': passed },
  'metrics-service-missing': { 'v1beta1.metrics.k8s.io': { status: 'False', reason: 'ServiceNotFound' }, 'v1beta1.custom.example.com': passed },
  // Lesson 09's final challenge: the custom API server runs, nothing registers it yet.
  'custom-unregistered': { 'v1beta1.metrics.k8s.io': passed },
};

interface APIServiceList {
  items: { metadata: { name: string }; spec: { service?: unknown }; status?: { conditions?: { type: string; status: string; reason: string }[] } }[];
}

async function remoteAvailability(cluster: Cluster): Promise<Record<string, Availability>> {
  const response = await cluster.fetch(new Request('http://cluster.test/apis/apiregistration.k8s.io/v1/apiservices'));
  const list = (await response.json()) as APIServiceList;
  const result: Record<string, Availability> = {};
  for (const item of list.items) {
    if (!item.spec.service) continue;
    const available = item.status?.conditions?.find((c) => c.type === 'Available');
    result[item.metadata.name] = { status: available?.status ?? '', reason: available?.reason ?? '' };
  }
  return result;
}

async function kubectl(cluster: Cluster, line: string, files: Record<string, string> = {}): Promise<string> {
  const run = kubectlOn(cluster, { server: 'http://cluster.test', namespace: 'default', pid: 1, kubeconfigPath: '' });
  const result = await run(line.split(' ').slice(1), { files });
  return result.stdout + result.stderr;
}

describe('scenarios', () => {
  it('every scenario file is listed here with the APIService states it starts with', () => {
    expect(scenarioNames()).toEqual(Object.keys(expected).sort());
  });

  for (const [name, apiServices] of Object.entries(expected)) {
    it(`${name} loads and its extension APIServices start as the lessons say`, async () => {
      const cluster = await createCluster({ scenario: readScenario(name), scenarios: readScenario });
      expect(cluster.scenario).toBe(name);
      expect(await remoteAvailability(cluster)).toEqual(apiServices);
    });
  }

  it('metrics-server-down: scaling metrics-server back to one replica makes the metrics API Available', async () => {
    const cluster = await createCluster({ scenario: readScenario('metrics-server-down'), scenarios: readScenario });
    expect(await kubectl(cluster, 'kubectl top nodes')).toBe('error: Metrics API not available\n');
    expect(await kubectl(cluster, 'kubectl scale deployment metrics-server -n kube-system --replicas=1')).toBe('deployment.apps/metrics-server scaled\n');
    expect((await remoteAvailability(cluster))['v1beta1.metrics.k8s.io']).toEqual(passed);
    expect(await kubectl(cluster, 'kubectl top nodes')).toMatch(/^NAME\s+CPU\(cores\)/);
  });

  it('metrics-service-missing: the Service in the wrong namespace does not help; in kube-system it does', async () => {
    const cluster = await createCluster({ scenario: readScenario('metrics-service-missing'), scenarios: readScenario });
    const service = (namespace: string) =>
      [
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        '  name: metrics-server',
        ...(namespace ? [`  namespace: ${namespace}`] : []),
        'spec:',
        '  selector:',
        '    k8s-app: metrics-server',
        '  ports:',
        '    - name: https',
        '      port: 443',
        '      targetPort: https',
      ].join('\n');
    const files = { 'draft.yaml': service(''), 'fixed.yaml': service('kube-system') };
    expect(await kubectl(cluster, 'kubectl apply -f draft.yaml', files)).toBe('service/metrics-server created\n');
    expect((await remoteAvailability(cluster))['v1beta1.metrics.k8s.io']).toEqual({ status: 'False', reason: 'ServiceNotFound' });
    expect(await kubectl(cluster, 'kubectl apply -f fixed.yaml', files)).toBe('service/metrics-server created\n');
    expect((await remoteAvailability(cluster))['v1beta1.metrics.k8s.io']).toEqual(passed);
  });
});
