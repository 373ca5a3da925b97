// Break the aggregation layer and repair it, with the real kubectl: scale metrics-server to zero
// (MissingEndpoints), delete its Service (ServiceNotFound), and register a CRD (a Local
// APIService) — each step's output as on a real cluster.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { kubectlAvailable, startConformanceCluster, type ConformanceCluster } from './harness.ts';
import { tabwrite } from './tabwriter.ts';

const header = ['NAME', 'SERVICE', 'AVAILABLE', 'AGE'];
const metricsRow = (available: string) => tabwrite([header, ['v1beta1.metrics.k8s.io', 'kube-system/metrics-server', available, '90d']]);

describe.runIf(kubectlAvailable())('breaking and repairing metrics-server with the real kubectl', () => {
  let c: ConformanceCluster;
  beforeAll(async () => {
    c = await startConformanceCluster();
  });
  afterAll(async () => {
    await c?.close();
  });

  it('scaling metrics-server to 0 leaves its APIService without endpoints', async () => {
    const scaled = await c.kubectl(['scale', 'deployment', 'metrics-server', '-n', 'kube-system', '--replicas=0']);
    expect(scaled.stderr).toBe('');
    expect(scaled.stdout).toBe('deployment.apps/metrics-server scaled\n');
    const row = await c.kubectl(['get', 'apiservice', 'v1beta1.metrics.k8s.io']);
    expect(row.stdout).toBe(metricsRow('False (MissingEndpoints)'));
  });

  it('kubectl describe shows the controller\'s message', async () => {
    const r = await c.kubectl(['describe', 'apiservice', 'v1beta1.metrics.k8s.io']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('endpoints for service/metrics-server in "kube-system" have no addresses with port name "https"');
    expect(r.stdout).toMatch(/Reason:\s+MissingEndpoints/);
  });

  it('kubectl top nodes fails as it does on a real cluster', async () => {
    const r = await c.kubectl(['top', 'nodes']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: Metrics API not available\n');
    expect(r.code).toBe(1);
  });

  it('the proxied path answers 503, which kubectl reports as ServiceUnavailable', async () => {
    const r = await c.kubectl(['get', '--raw', '/apis/metrics.k8s.io/v1beta1/nodes']);
    expect(r.stderr).toBe('Error from server (ServiceUnavailable): the server is currently unable to handle the request\n');
    expect(r.code).toBe(1);
    const res = await c.cluster.fetch(new Request(`${c.server.url}/apis/metrics.k8s.io/v1beta1/nodes`));
    expect(res.status).toBe(503);
    expect(res.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
    expect(await res.text()).toBe('service unavailable\n');
  });

  it('api-versions leaves out the stale group; api-resources shows only the header', async () => {
    const versions = await c.kubectl(['api-versions']);
    expect(versions.stdout).not.toContain('metrics.k8s.io/v1beta1');
    expect(versions.stdout).toContain('custom.example.com/v1beta1');
    const resources = await c.kubectl(['api-resources', '--api-group=metrics.k8s.io']);
    expect(resources.stdout).toBe('NAME   SHORTNAMES   APIVERSION   NAMESPACED   KIND\n');
    expect(resources.code).toBe(0);
  });

  it('scaling back to 1 makes it Available again and kubectl top works', async () => {
    const scaled = await c.kubectl(['scale', 'deployment', 'metrics-server', '-n', 'kube-system', '--replicas=1']);
    expect(scaled.stdout).toBe('deployment.apps/metrics-server scaled\n');
    const row = await c.kubectl(['get', 'apiservice', 'v1beta1.metrics.k8s.io']);
    expect(row.stdout).toBe(metricsRow('True'));
    const top = await c.kubectl(['top', 'nodes']);
    expect(top.code).toBe(0);
    expect(top.stdout.split('\n')[0]).toMatch(/^NAME\s+CPU\(cores\)\s+CPU\(%\)\s+MEMORY\(bytes\)\s+MEMORY\(%\)\s+$/);
    expect(top.stdout.trimEnd().split('\n')).toHaveLength(4);
  });

  it('deleting the Service gives ServiceNotFound, recreating it repairs the APIService', async () => {
    const svc = await c.kubectl(['get', 'service', 'metrics-server', '-n', 'kube-system', '-o', 'json']);
    expect(svc.code).toBe(0);
    const deleted = await c.kubectl(['delete', 'service', 'metrics-server', '-n', 'kube-system']);
    expect(deleted.stdout).toBe('service "metrics-server" deleted\n');
    expect((await c.kubectl(['get', 'apiservice', 'v1beta1.metrics.k8s.io'])).stdout).toBe(metricsRow('False (ServiceNotFound)'));
    const described = await c.kubectl(['describe', 'apiservice', 'v1beta1.metrics.k8s.io']);
    expect(described.stdout).toContain('service/metrics-server in "kube-system" is not present');

    const original = JSON.parse(svc.stdout);
    const recreated = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'metrics-server', namespace: 'kube-system', labels: original.metadata.labels },
      spec: { selector: original.spec.selector, ports: original.spec.ports },
    };
    c.writeFile('metrics-server-service.yaml', stringify(recreated));
    const applied = await c.kubectl(['apply', '-f', 'metrics-server-service.yaml']);
    expect(applied.stderr).toBe('');
    expect(applied.stdout).toBe('service/metrics-server created\n');
    expect((await c.kubectl(['get', 'apiservice', 'v1beta1.metrics.k8s.io'])).stdout).toBe(metricsRow('True'));
  });
});

const crontabCRD = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'crontabs.stable.example.com' },
  spec: {
    group: 'stable.example.com',
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                properties: { cronSpec: { type: 'string' }, image: { type: 'string' }, replicas: { type: 'integer' } },
              },
            },
          },
        },
      },
    ],
    scope: 'Namespaced',
    names: { plural: 'crontabs', singular: 'crontab', kind: 'CronTab', shortNames: ['ct'] },
  },
};

describe.runIf(kubectlAvailable())('a CRD next to the APIServices, with the real kubectl', () => {
  let c: ConformanceCluster;
  beforeAll(async () => {
    c = await startConformanceCluster();
  });
  afterAll(async () => {
    await c?.close();
  });

  it('creating a CRD registers a Local APIService for its group/version', async () => {
    c.writeFile('crontab-crd.yaml', stringify(crontabCRD));
    const created = await c.kubectl(['apply', '-f', 'crontab-crd.yaml']);
    expect(created.stderr).toBe('');
    expect(created.stdout).toBe('customresourcedefinition.apiextensions.k8s.io/crontabs.stable.example.com created\n');
    const row = await c.kubectl(['get', 'apiservice', 'v1.stable.example.com']);
    expect(row.stdout).toBe(tabwrite([header, ['v1.stable.example.com', 'Local', 'True', '0s']]));
    const versions = await c.kubectl(['api-versions']);
    expect(versions.stdout).toContain('stable.example.com/v1\n');
  });

  it('its objects are served from the store: empty, then listed', async () => {
    const empty = await c.kubectl(['get', 'crontabs']);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toBe('No resources found in default namespace.\n');
    c.writeFile(
      'crontab.yaml',
      stringify({ apiVersion: 'stable.example.com/v1', kind: 'CronTab', metadata: { name: 'my-new-cron-object' }, spec: { cronSpec: '* * * * */5', image: 'my-awesome-cron-image' } }),
    );
    const created = await c.kubectl(['apply', '-f', 'crontab.yaml']);
    expect(created.stderr).toBe('');
    expect(created.stdout).toBe('crontab.stable.example.com/my-new-cron-object created\n');
    c.clock.advance(65_000);
    const listed = await c.kubectl(['get', 'ct']);
    expect(listed.stdout).toBe(tabwrite([['NAME', 'AGE'], ['my-new-cron-object', '65s']]));
  });

  it('deleting the CRD removes its APIService and its objects', async () => {
    const deleted = await c.kubectl(['delete', 'crd', 'crontabs.stable.example.com']);
    expect(deleted.stdout).toBe('customresourcedefinition.apiextensions.k8s.io "crontabs.stable.example.com" deleted\n');
    const gone = await c.kubectl(['get', 'apiservice', 'v1.stable.example.com']);
    expect(gone.stderr).toBe('Error from server (NotFound): apiservices.apiregistration.k8s.io "v1.stable.example.com" not found\n');
  });
});
