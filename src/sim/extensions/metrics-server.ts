// metrics-server (kubernetes-sigs/metrics-server v0.8): the Resource Metrics API,
// metrics.k8s.io/v1beta1, served behind the aggregation layer. Its pkg/api serves two read-only
// resources from what the scraper stored:
//   nodes  NodeMetrics  cluster-scoped   GET .../nodes, .../nodes/<name>
//   pods   PodMetrics   namespaced       GET .../pods, .../namespaces/<ns>/pods[/<name>]
// The objects are computed for every request (creationTimestamp is "now"), never stored.
//
// NotFound answers follow its Get: an unknown node comes back from the node lister
// (`node "x" not found`); an unknown or not-Running pod from the pod metadata lister, which only
// holds Running pods (`pods "x" not found`); a known one without metrics from the storage
// (`nodemetrics.metrics.k8s.io "x" not found`, `podmetrics.metrics.k8s.io "ns/x" not found`).

import { rfc3339, type Clock } from '../clock.ts';
import type { FetchHandler } from '../context.ts';
import { notFound } from '../errors.ts';
import type { ObjectLookup } from '../resources.ts';
import type { KubeObject } from '../types.ts';
import { createGenericApiServer, type ItemObject, type ReadOnlyStorage, type TableColumnDefinition, type TableConversion } from './genericapiserver.ts';
import { goDuration } from './goduration.ts';
import { cpuQuantity, memoryQuantity } from './quantity.ts';
import { defaultMetricResolutionMs, scrape, type NodeUsagePoint, type PodUsagePoint, type Scrape, type Usage } from './usage-model.ts';

export const metricsGroup = 'metrics.k8s.io';
export const metricsVersion = 'v1beta1';

export interface MetricsServerDeps {
  /** Read access to the cluster's nodes and pods (what its informers list). */
  lookup: ObjectLookup;
  clock: Clock;
  /** --metric-resolution; components.yaml sets 15 s. */
  metricResolutionMs?: number;
}

const nodesResource = { group: '', resource: 'nodes' };
const podsResource = { group: '', resource: 'pods' };

/** pkg/api/table.go: Name, then one quantity column per resource name (sorted), then Window. */
const metricsColumns: TableColumnDefinition[] = [
  { name: 'Name', type: 'string', format: 'name', description: 'Name of the resource', priority: 0 },
  { name: 'cpu', type: 'string', format: 'quantity', description: '', priority: 0 },
  { name: 'memory', type: 'string', format: 'quantity', description: '', priority: 0 },
  { name: 'Window', type: 'string', format: 'duration', description: '', priority: 0 },
];

const usageJson = (u: Usage) => ({ cpu: cpuQuantity(u.cpu), memory: memoryQuantity(u.memory) });

function nodeMetrics(point: NodeUsagePoint, now: string): ItemObject {
  return {
    metadata: { name: point.name, creationTimestamp: now, ...(point.labels ? { labels: point.labels } : {}) },
    timestamp: rfc3339(point.timestamp),
    window: goDuration(point.windowMs),
    usage: usageJson(point.usage),
  };
}

function podMetrics(point: PodUsagePoint, now: string): ItemObject {
  return {
    metadata: {
      name: point.name,
      namespace: point.namespace,
      creationTimestamp: now,
      ...(point.labels ? { labels: point.labels } : {}),
    },
    timestamp: rfc3339(point.timestamp),
    window: goDuration(point.windowMs),
    containers: point.containers.map((c) => ({ name: c.name, usage: usageJson(c.usage) })),
  };
}

/** addNodeMetricsToTable / addPodMetricsToTable: a pod's row sums its containers. */
function metricsTable(items: ItemObject[], usageOf: (item: ItemObject) => Usage): TableConversion {
  if (items.length === 0) return { columnDefinitions: null, rows: [] };
  return {
    columnDefinitions: metricsColumns,
    rows: items.map((item) => {
      const u = usageOf(item);
      return [item.metadata.name, cpuQuantity(u.cpu), memoryQuantity(u.memory), item.window];
    }),
  };
}

export function createMetricsServer(deps: MetricsServerDeps): FetchHandler {
  const { lookup, clock } = deps;
  const resolution = deps.metricResolutionMs ?? defaultMetricResolutionMs;

  // One scrape per resolution interval, recomputed only when the interval or the cluster changes.
  let last: { scrape: Scrape; nodes: KubeObject[]; pods: KubeObject[]; serial: number } | undefined;
  let serial = 0;
  function current(): { scrape: Scrape; serial: number } {
    const index = Math.floor(clock.now() / resolution);
    const nodes = lookup.list(nodesResource);
    const pods = lookup.list(podsResource);
    if (!last || last.scrape.index !== index || !sameObjects(last.nodes, nodes) || !sameObjects(last.pods, pods)) {
      last = { scrape: scrape(nodes, pods, index, resolution), nodes, pods, serial: ++serial };
    } else {
      // Same objects in a fresh array: keep the new array so the next check is an identity check.
      last.nodes = nodes;
      last.pods = pods;
    }
    return last;
  }

  const now = () => rfc3339(clock.now());

  // Usage by row, kept for the Table conversion (items are plain JSON by then).
  const rowUsage = new WeakMap<ItemObject, Usage>();
  const remember = (item: ItemObject, usage: Usage) => {
    rowUsage.set(item, usage);
    return item;
  };
  const podSum = (p: PodUsagePoint): Usage =>
    p.containers.reduce((sum, c) => ({ cpu: sum.cpu + c.usage.cpu, memory: sum.memory + c.usage.memory }), { cpu: 0, memory: 0 });

  const nodeStorage: ReadOnlyStorage = {
    resource: 'nodes',
    kind: 'NodeMetrics',
    singularName: '',
    namespaced: false,
    list: () => {
      const ts = now();
      return current().scrape.nodes.map((p) => remember(nodeMetrics(p, ts), p.usage));
    },
    get: (_namespace, name) => {
      if (!lookup.get(nodesResource, undefined, name)) throw notFound({ group: '', resource: 'node' }, name);
      const point = current().scrape.nodesByName.get(name);
      if (!point) throw notFound({ group: metricsGroup, resource: 'nodemetrics' }, name);
      return remember(nodeMetrics(point, now()), point.usage);
    },
    convertToTable: (items) => metricsTable(items, (item) => rowUsage.get(item) ?? { cpu: 0, memory: 0 }),
  };

  const podStorage: ReadOnlyStorage = {
    resource: 'pods',
    kind: 'PodMetrics',
    singularName: '',
    namespaced: true,
    list: (namespace) => {
      const ts = now();
      const pods = current().scrape.pods;
      return (namespace ? pods.filter((p) => p.namespace === namespace) : pods).map((p) => remember(podMetrics(p, ts), podSum(p)));
    },
    get: (namespace, name) => {
      const { scrape: s } = current();
      const key = `${namespace}/${name}`;
      if (!s.runningPods.has(key)) throw notFound(podsResource, name);
      const point = s.podsByKey.get(key);
      if (!point) throw notFound({ group: metricsGroup, resource: 'podmetrics' }, key);
      return remember(podMetrics(point, now()), podSum(point));
    },
    convertToTable: (items) => metricsTable(items, (item) => rowUsage.get(item) ?? { cpu: 0, memory: 0 }),
  };

  return createGenericApiServer({
    group: metricsGroup,
    version: metricsVersion,
    storages: [nodeStorage, podStorage],
    clock,
    // Answers change with the scrape, the cluster, and the second (creationTimestamp is "now").
    cacheToken: () => `${current().serial}@${Math.floor(clock.now() / 1000)}`,
  });
}

/** Whether two lists hold the very same stored objects (the store replaces an object on every write). */
function sameObjects(a: KubeObject[], b: KubeObject[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
