import { describe, expect, it } from 'vitest';
import { createMetricsServer } from '../../../src/sim/extensions/metrics-server.ts';
import { parseQuantity } from '../../../src/sim/extensions/quantity.ts';
import { kindCluster, metricsClientAccept, node, nodesGR, pod, podsGR, proxied, recorded, recordingTime, shape, tableAccept } from './fixtures.ts';

const base = '/apis/metrics.k8s.io/v1beta1';

function setup(start = recordingTime) {
  const { clock, store } = kindCluster(start);
  const server = createMetricsServer({ lookup: store, clock });
  const get = async (path: string, accept?: string) => {
    const res = await server(proxied(path, { accept }));
    const text = await res.text();
    return { res, text, body: JSON.parse(text) };
  };
  return { clock, store, server, get };
}

/** Labels are a Go map: encoding/json writes them sorted, whatever order a recording shows. */
function withSortedLabels(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withSortedLabels);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v).map(([k, val]) => [
        k,
        k === 'labels' && val && typeof val === 'object' ? Object.fromEntries(Object.entries(val).sort(([a], [b]) => (a < b ? -1 : 1))) : withSortedLabels(val),
      ]),
    );
  }
  return v;
}

describe('metrics-server discovery', () => {
  it('serves the APIResourceList kubectl recorded, byte for byte', async () => {
    const { get } = setup();
    const { res, text } = await get(base);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/json');
    expect(text).toBe(recorded('raw-metrics-groupversion.stdout.txt'));
  });

  it('serves the APIGroup at /apis/metrics.k8s.io', async () => {
    const { get } = setup();
    expect((await get('/apis/metrics.k8s.io')).text).toBe(recorded('raw-metrics-group.stdout.txt'));
  });

  it('answers aggregated discovery at /apis when asked for it', async () => {
    const { server } = setup();
    const res = await server(proxied('/apis', { accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json' }));
    expect(res.headers.get('Content-Type')).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    expect(res.headers.get('ETag')).toMatch(/^".+"$/);
    const body = await res.json();
    expect(body.items[0].versions[0].resources).toEqual([
      { resource: 'nodes', responseKind: { group: '', version: '', kind: 'NodeMetrics' }, scope: 'Cluster', singularResource: '', verbs: ['get', 'list'] },
      { resource: 'pods', responseKind: { group: '', version: '', kind: 'PodMetrics' }, scope: 'Namespaced', singularResource: '', verbs: ['get', 'list'] },
    ]);
    expect(body.items[0].versions[0].freshness).toBe('Current');
  });
});

describe('NodeMetrics', () => {
  it('has the shape and key order of the recorded NodeMetricsList', async () => {
    const { get } = setup();
    const { text, body } = await get(`${base}/nodes`, metricsClientAccept);
    const want = withSortedLabels(JSON.parse(recorded('raw-metrics-nodes.stdout.txt'))) as { items: { metadata: { name: string; labels: unknown } }[] };
    expect(JSON.stringify(shape(body))).toBe(JSON.stringify(shape(want)));
    expect(body.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(want.items.map((i) => i.metadata.name));
    expect(body.items.map((i: { metadata: { labels: unknown } }) => i.metadata.labels)).toEqual(want.items.map((i) => i.metadata.labels));
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('reports nanocores and Ki memory, the scrape time, a ~15 s window and now as creationTimestamp', async () => {
    const { get, clock } = setup();
    clock.advance(7_000);
    const { body } = await get(`${base}/nodes`);
    for (const item of body.items) {
      expect(item.usage.cpu).toMatch(/^(\d+n|0)$/);
      expect(item.usage.memory).toMatch(/^\d+(Ki|Mi|Gi)$/);
      expect(item.window).toMatch(/^1[45](\.\d{1,3})?s$/);
      expect(item.timestamp).toBe('2025-06-02T09:00:00Z');
      expect(item.metadata.creationTimestamp).toBe('2025-06-02T09:00:07Z');
    }
  });

  it('gives one node as the recorded single NodeMetrics', async () => {
    const { get } = setup();
    const { body } = await get(`${base}/nodes/kind-worker`);
    expect(shape(body)).toEqual(shape(JSON.parse(recorded('raw-metrics-node-one.stdout.txt'))));
    expect(body.kind).toBe('NodeMetrics');
  });

  it('keeps values within a 15 s scrape interval and changes them in the next', async () => {
    const { get, clock } = setup();
    const first = (await get(`${base}/nodes`)).body;
    clock.advance(14_000);
    const same = (await get(`${base}/nodes`)).body;
    expect(same.items.map((i: { usage: unknown }) => i.usage)).toEqual(first.items.map((i: { usage: unknown }) => i.usage));
    expect(same.items.map((i: { window: string }) => i.window)).toEqual(first.items.map((i: { window: string }) => i.window));
    clock.advance(1_000);
    const next = (await get(`${base}/nodes`)).body;
    expect(next.items[0].timestamp).toBe('2025-06-02T09:00:15Z');
    expect(next.items.map((i: { usage: unknown }) => i.usage)).not.toEqual(first.items.map((i: { usage: unknown }) => i.usage));
  });

  it('accounts for the pods on a node plus overhead, never above allocatable', async () => {
    const { get, store } = setup();
    const nodes = (await get(`${base}/nodes`)).body.items;
    const pods = (await get(`${base}/pods`)).body.items;
    for (const n of nodes) {
      const onNode = pods.filter((p: { metadata: { name: string; namespace: string } }) => {
        const stored = store.get(podsGR, p.metadata.namespace, p.metadata.name)!;
        return (stored.spec as { nodeName: string }).nodeName === n.metadata.name;
      });
      const podCpu = onNode.flatMap((p: { containers: { usage: { cpu: string } }[] }) => p.containers).reduce((s: number, c: { usage: { cpu: string } }) => s + parseQuantity(c.usage.cpu)!, 0);
      const podMem = onNode.flatMap((p: { containers: { usage: { memory: string } }[] }) => p.containers).reduce((s: number, c: { usage: { memory: string } }) => s + parseQuantity(c.usage.memory)!, 0);
      expect(parseQuantity(n.usage.cpu)!).toBeGreaterThan(podCpu);
      expect(parseQuantity(n.usage.memory)!).toBeGreaterThan(podMem);
      expect(parseQuantity(n.usage.cpu)!).toBeLessThanOrEqual(4);
      expect(parseQuantity(n.usage.memory)!).toBeLessThanOrEqual(8148704 * 1024);
    }
  });

  it('caps a node at its allocatable', async () => {
    const { get, store } = setup();
    store.create(nodesGR, node('tiny', { cpu: '10m', memory: '64Mi' }));
    const tiny = (await get(`${base}/nodes/tiny`)).body;
    expect(parseQuantity(tiny.usage.cpu)!).toBeLessThanOrEqual(0.01);
    expect(parseQuantity(tiny.usage.memory)!).toBeLessThanOrEqual(64 * 2 ** 20);
  });

  it('has no metrics for a node that is not Ready, nor for its pods', async () => {
    const { get, store } = setup();
    store.create(nodesGR, node('kind-worker2', { ready: false }));
    store.create(podsGR, pod('default', 'stranded', { node: 'kind-worker2' }));
    const names = (await get(`${base}/nodes`)).body.items.map((i: { metadata: { name: string } }) => i.metadata.name);
    expect(names).toEqual(['kind-control-plane', 'kind-worker']);
    const missing = await get(`${base}/nodes/kind-worker2`);
    expect(missing.res.status).toBe(404);
    expect(missing.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'nodemetrics.metrics.k8s.io "kind-worker2" not found',
      reason: 'NotFound',
      details: { name: 'kind-worker2', group: 'metrics.k8s.io', kind: 'nodemetrics' },
      code: 404,
    });
    const strandedPod = await get(`${base}/namespaces/default/pods/stranded`);
    expect(strandedPod.body.message).toBe('podmetrics.metrics.k8s.io "default/stranded" not found');
  });

  it('answers an unknown node as the node lister does', async () => {
    const { get } = setup();
    const { res, body } = await get(`${base}/nodes/nope`);
    expect(res.status).toBe(404);
    expect(body.message).toBe('node "nope" not found');
    expect(body.details).toEqual({ name: 'nope', kind: 'node' });
  });

  it('filters by label selector and by metadata.name', async () => {
    const { get } = setup();
    const cp = (await get(`${base}/nodes?labelSelector=node-role.kubernetes.io%2Fcontrol-plane`)).body.items;
    expect(cp.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(['kind-control-plane']);
    const notCp = (await get(`${base}/nodes?labelSelector=!node-role.kubernetes.io%2Fcontrol-plane`)).body.items;
    expect(notCp.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(['kind-worker']);
    const byName = (await get(`${base}/nodes?fieldSelector=metadata.name%3Dkind-worker`)).body.items;
    expect(byName.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(['kind-worker']);
    const bad = await get(`${base}/nodes?fieldSelector=spec.unschedulable%3Dtrue`);
    expect(bad.res.status).toBe(400);
    expect(bad.body.message).toBe('"spec.unschedulable" is not a known field selector: only "metadata.name", "metadata.namespace"');
  });
});

describe('PodMetrics', () => {
  it('has the shape of the recorded PodMetricsList for default', async () => {
    const { get } = setup();
    const { body } = await get(`${base}/namespaces/default/pods`, metricsClientAccept);
    const want = JSON.parse(recorded('raw-metrics-pods-default.stdout.txt'));
    expect(shape(body)).toEqual(shape(want));
    expect(body.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(want.items.map((i: { metadata: { name: string } }) => i.metadata.name));
    expect(body.items[0].metadata.labels).toEqual({ app: 'web' });
  });

  it('lists all namespaces sorted by namespace then name', async () => {
    const { get } = setup();
    const items = (await get(`${base}/pods`)).body.items;
    expect(items.map((i: { metadata: { namespace: string; name: string } }) => `${i.metadata.namespace}/${i.metadata.name}`)).toEqual([
      'default/web-7d4b9c8f6d-8kx2p',
      'default/web-7d4b9c8f6d-q9z7m',
      'kube-system/kube-apiserver-kind-control-plane',
      'kube-system/metrics-server-6d94bc8694-5xq2n',
    ]);
  });

  it('has no metrics for pods that are not Running, and answers them as the pod lister does', async () => {
    const { get, store } = setup();
    store.create(podsGR, pod('default', 'pending-one', { phase: 'Pending' }));
    store.create(podsGR, pod('default', 'finished', { phase: 'Succeeded' }));
    const names = (await get(`${base}/namespaces/default/pods`)).body.items.map((i: { metadata: { name: string } }) => i.metadata.name);
    expect(names).not.toContain('pending-one');
    expect(names).not.toContain('finished');
    const pending = await get(`${base}/namespaces/default/pods/pending-one`);
    expect(pending.res.status).toBe(404);
    expect(pending.body.message).toBe('pods "pending-one" not found');
    expect(pending.body.details).toEqual({ name: 'pending-one', kind: 'pods' });
  });

  it('reports a new pod only once its containers have run 10 s, with a window no longer than its age', async () => {
    const { get, store, clock } = setup();
    // Scrapes happen at 09:00:00, 09:00:15, 09:00:30.
    store.create(podsGR, pod('default', 'fresh', { startedAt: '2025-06-02T08:59:55Z' }));
    expect((await get(`${base}/namespaces/default/pods/fresh`)).res.status).toBe(404);
    clock.advance(15_000);
    const young = (await get(`${base}/namespaces/default/pods/fresh`)).body;
    expect(young.window).toMatch(/^1[45](\.\d+)?s$/);
    store.create(podsGR, pod('default', 'fresher', { startedAt: '2025-06-02T09:00:03Z' }));
    const fresher = (await get(`${base}/namespaces/default/pods/fresher`)).body;
    expect(fresher.window).toBe('12s');
  });

  it('sums a pod’s containers in its Table row', async () => {
    const { get, store } = setup();
    store.create(podsGR, pod('default', 'two-containers', { containers: [{ name: 'app', requests: { cpu: '200m', memory: '128Mi' } }, { name: 'sidecar' }] }));
    const obj = (await get(`${base}/namespaces/default/pods/two-containers`)).body;
    const table = (await get(`${base}/namespaces/default/pods/two-containers`, tableAccept)).body;
    const cpu = obj.containers.reduce((s: number, c: { usage: { cpu: string } }) => s + Math.round(parseQuantity(c.usage.cpu)! * 1e9), 0);
    const mem = obj.containers.reduce((s: number, c: { usage: { memory: string } }) => s + parseQuantity(c.usage.memory)!, 0);
    const [name, cpuCell, memCell, windowCell] = table.rows[0].cells;
    expect(name).toBe('two-containers');
    expect(Math.round(parseQuantity(cpuCell)! * 1e9)).toBe(cpu);
    expect(parseQuantity(memCell)).toBe(mem);
    expect(windowCell).toBe(obj.window);
  });
});

describe('server-side Table', () => {
  it('prints NAME CPU MEMORY WINDOW with raw quantities, as recorded for kubectl get nodes.metrics.k8s.io', async () => {
    const { get } = setup();
    const { body } = await get(`${base}/nodes?limit=500`, tableAccept);
    expect(body.kind).toBe('Table');
    expect(body.apiVersion).toBe('meta.k8s.io/v1');
    expect(body.metadata).toEqual({});
    expect(body.columnDefinitions).toEqual([
      { name: 'Name', type: 'string', format: 'name', description: 'Name of the resource', priority: 0 },
      { name: 'cpu', type: 'string', format: 'quantity', description: '', priority: 0 },
      { name: 'memory', type: 'string', format: 'quantity', description: '', priority: 0 },
      { name: 'Window', type: 'string', format: 'duration', description: '', priority: 0 },
    ]);
    const header = recorded('get-nodes-metrics.stdout.txt').split('\n')[0].split(/\s+/);
    expect(body.columnDefinitions.map((c: { name: string }) => c.name.toUpperCase())).toEqual(header);
    const list = (await get(`${base}/nodes`)).body;
    expect(body.rows.map((r: { cells: unknown[] }) => r.cells)).toEqual(
      list.items.map((i: { metadata: { name: string }; usage: { cpu: string; memory: string }; window: string }) => [i.metadata.name, i.usage.cpu, i.usage.memory, i.window]),
    );
    expect(body.rows[0].object).toEqual({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: list.items[0].metadata });
  });

  it('carries the namespace in each pod row, which kubectl -A prints', async () => {
    const { get } = setup();
    const { body } = await get(`${base}/pods?limit=500`, tableAccept);
    expect(body.rows.map((r: { object: { metadata: { namespace: string } } }) => r.object.metadata.namespace)).toEqual(['default', 'default', 'kube-system', 'kube-system']);
  });

  it('leaves columns and rows null for an empty list, as metrics-server’s printer does', async () => {
    const { get } = setup();
    const { body } = await get(`${base}/namespaces/empty/pods`, tableAccept);
    expect(body).toEqual({ kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: {}, columnDefinitions: null, rows: null });
  });
});

describe('read-only API', () => {
  it('refuses writes with 405 and watches with MethodNotSupported', async () => {
    const { server } = setup();
    for (const [method, path] of [
      ['POST', `${base}/nodes`],
      ['DELETE', `${base}/nodes/kind-worker`],
      ['PUT', `${base}/namespaces/default/pods/web-7d4b9c8f6d-8kx2p`],
    ]) {
      const res = await server(proxied(path, { method }));
      expect(res.status).toBe(405);
      expect(await res.json()).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'the server does not allow this method on the requested resource',
        reason: 'MethodNotAllowed',
        details: {},
        code: 405,
      });
    }
    const watch = await server(proxied(`${base}/nodes?watch=true`));
    expect(watch.status).toBe(405);
    expect((await watch.json()).message).toBe('watch is not supported on resources of kind "nodes.metrics.k8s.io"');
  });

  it('answers unknown paths as go-restful and the final not-found handler do', async () => {
    const { server } = setup();
    const unknownResource = await server(proxied(`${base}/containers`));
    expect(unknownResource.status).toBe(404);
    expect((await unknownResource.json()).message).toBe('the server could not find the requested resource');
    const nodesInNamespace = await server(proxied(`${base}/namespaces/default/nodes`));
    expect(nodesInNamespace.status).toBe(404);
    const outside = await server(proxied('/api/v1/nodes'));
    expect(outside.status).toBe(404);
    expect(outside.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
    expect(await outside.text()).toBe('404 page not found\n');
  });

  it('sees cluster changes at once, without waiting for the next scrape', async () => {
    const { get, store } = setup();
    await get(`${base}/nodes`);
    store.create(nodesGR, node('kind-worker3'));
    const names = (await get(`${base}/nodes`)).body.items.map((i: { metadata: { name: string } }) => i.metadata.name);
    expect(names).toContain('kind-worker3');
  });
});
