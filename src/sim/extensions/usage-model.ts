// What metrics-server would have in its storage after scraping every kubelet's
// /metrics/resource: per node and per container, CPU (a rate over the window between the last
// two scrapes, in nanocores) and memory (working set, bytes), at the scrape's timestamp.
//
// The sim has no kubelets, so usage comes from a load model: each container has a typical level
// (known system components by name, others from their resource requests), a slow wave of a few
// minutes and noise, all derived from (object name, scrape number) so every request inside one
// scrape interval sees the same numbers and the next scrape sees new ones. A node's usage is its
// pods' usage plus system overhead (kubelet, runtime, OS), capped at its allocatable.
//
// Who has metrics follows the real pipeline: only Ready nodes are scraped; only Running pods on
// scraped nodes are reported, and only once each running container has been up for 10 s (the
// storage's freshContainerMinMetricsResolution), with the window shortened to the container's age
// until a full interval has passed.

import type { KubeObject } from '../types.ts';
import { parseQuantity } from './quantity.ts';

/** metrics-server's default --metric-resolution, the interval between scrapes. */
export const defaultMetricResolutionMs = 15_000;

/** pkg/storage: a container younger than this at scrape time has no usable previous point. */
const freshContainerMinMetricsMs = 10_000;

export interface Usage {
  /** Nanocores. */
  cpu: number;
  /** Working set bytes. */
  memory: number;
}

export interface NodeUsagePoint {
  name: string;
  labels?: Record<string, string>;
  timestamp: number;
  windowMs: number;
  usage: Usage;
}

export interface ContainerUsagePoint {
  name: string;
  usage: Usage;
}

export interface PodUsagePoint {
  namespace: string;
  name: string;
  labels?: Record<string, string>;
  timestamp: number;
  windowMs: number;
  containers: ContainerUsagePoint[];
}

export interface Scrape {
  /** The scrape number: floor(time / resolution). */
  index: number;
  timestamp: number;
  /** Nodes with metrics, by name order. */
  nodes: NodeUsagePoint[];
  nodesByName: Map<string, NodeUsagePoint>;
  /** Pods with metrics, by namespace then name. */
  pods: PodUsagePoint[];
  podsByKey: Map<string, PodUsagePoint>;
  /** `namespace/name` of every Running pod: what metrics-server's pod informer holds. */
  runningPods: Set<string>;
}

/** A deterministic fraction in [0, 1) from a string (FNV-1a, then an avalanche mix). */
export function unitHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}

const Mi = 2 ** 20;
const pageSize = 4096;

/** Typical idle usage of well-known containers, by container name: millicores and MiB. */
const knownContainers: Record<string, { cpu: number; memory: number }> = {
  'kube-apiserver': { cpu: 42, memory: 305 },
  etcd: { cpu: 21, memory: 46 },
  'kube-controller-manager': { cpu: 13, memory: 52 },
  'kube-scheduler': { cpu: 3, memory: 23 },
  coredns: { cpu: 2, memory: 14 },
  'kube-proxy': { cpu: 1, memory: 19 },
  'kindnet-cni': { cpu: 1, memory: 12 },
  'metrics-server': { cpu: 4, memory: 18 },
  'local-path-provisioner': { cpu: 1, memory: 9 },
  'custom-api-server': { cpu: 2, memory: 16 },
  nginx: { cpu: 0.4, memory: 3.3 },
};

interface ContainerSpec {
  name: string;
  resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
}

function baseline(container: ContainerSpec): { cpu: number; memory: number; limitBytes?: number } {
  const limitBytes = parseQuantity(container.resources?.limits?.memory);
  const known = knownContainers[container.name];
  if (known) return { ...known, limitBytes };
  // An application container sits at a fraction of what it asked for; without requests, near idle.
  const cpuRequest = parseQuantity(container.resources?.requests?.cpu);
  const memoryRequest = parseQuantity(container.resources?.requests?.memory);
  return {
    cpu: cpuRequest !== undefined ? cpuRequest * 1000 * 0.3 : 1,
    memory: memoryRequest !== undefined ? (memoryRequest / Mi) * 0.55 : 8,
    limitBytes,
  };
}

/** A wave of a few minutes, its period and phase fixed per key. */
function wave(key: string, index: number): number {
  const periodScrapes = 8 + Math.floor(unitHash(`${key}#period`) * 24);
  return Math.sin(2 * Math.PI * (index / periodScrapes + unitHash(`${key}#phase`)));
}

function containerUsage(key: string, container: ContainerSpec, index: number): Usage {
  const base = baseline(container);
  const w = wave(key, index);
  const cpuNoise = unitHash(`${key}#cpu#${index}`) * 2 - 1;
  let cpu = Math.max(0, Math.floor(base.cpu * 1e6 * (1 + 0.3 * w + 0.25 * cpuNoise)));
  // An idle process often used no CPU at all between two scrapes.
  if (base.cpu < 1 && unitHash(`${key}#idle#${index}`) < 0.3) cpu = 0;
  const memNoise = unitHash(`${key}#mem#${index}`) * 2 - 1;
  let memory = base.memory * Mi * (1 + 0.04 * w + 0.01 * memNoise);
  if (base.limitBytes !== undefined) memory = Math.min(memory, base.limitBytes * 0.95);
  return { cpu, memory: Math.round(memory / pageSize) * pageSize };
}

/** The scrape-to-scrape interval as kubelet timestamps make it: the resolution plus a few ms. */
function windowAround(resolutionMs: number, key: string, index: number): number {
  return resolutionMs - 6 + Math.floor(unitHash(`${key}#window#${index}`) * 48);
}

function isReady(node: KubeObject): boolean {
  const conditions = (node.status as { conditions?: { type?: string; status?: string }[] } | undefined)?.conditions ?? [];
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

interface PodStatusView {
  phase?: string;
  startTime?: string;
  containerStatuses?: { name: string; state?: { running?: { startedAt?: string } } }[];
}

interface PodSpecView {
  nodeName?: string;
  containers?: ContainerSpec[];
}

/** Running containers with the time each started; a pod without statuses counts as started with the pod. */
function runningContainers(pod: KubeObject): { spec: ContainerSpec; startedAt: number }[] {
  const spec = (pod.spec ?? {}) as PodSpecView;
  const status = (pod.status ?? {}) as PodStatusView;
  const podStart = Date.parse(status.startTime ?? String(pod.metadata.creationTimestamp ?? ''));
  const statuses = status.containerStatuses;
  const out: { spec: ContainerSpec; startedAt: number }[] = [];
  for (const c of spec.containers ?? []) {
    if (!statuses) {
      out.push({ spec: c, startedAt: podStart });
      continue;
    }
    const running = statuses.find((s) => s.name === c.name)?.state?.running;
    if (running) out.push({ spec: c, startedAt: Date.parse(running.startedAt ?? '') || podStart });
  }
  return out;
}

function sortedLabels(labels: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!labels || Object.keys(labels).length === 0) return undefined;
  // Go's encoding/json writes map keys sorted.
  const out: Record<string, string> = {};
  for (const k of Object.keys(labels).sort()) out[k] = labels[k];
  return out;
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Everything one scrape at `index × resolution` yields for these nodes and pods. */
export function scrape(nodes: KubeObject[], pods: KubeObject[], index: number, resolutionMs = defaultMetricResolutionMs): Scrape {
  const timestamp = index * resolutionMs;
  const scrapedNodes = new Map<string, KubeObject>();
  for (const node of nodes) if (node.metadata.name && isReady(node)) scrapedNodes.set(node.metadata.name, node);

  const podUsage: PodUsagePoint[] = [];
  const runningPods = new Set<string>();
  const usageOnNode = new Map<string, Usage>();
  for (const pod of pods) {
    const status = (pod.status ?? {}) as PodStatusView;
    if (status.phase !== 'Running') continue;
    const namespace = pod.metadata.namespace ?? '';
    const name = pod.metadata.name ?? '';
    runningPods.add(`${namespace}/${name}`);
    const nodeName = ((pod.spec ?? {}) as PodSpecView).nodeName;
    if (!nodeName || !scrapedNodes.has(nodeName)) continue;
    const containers = runningContainers(pod);
    if (containers.length === 0) continue;
    const points: ContainerUsagePoint[] = [];
    let sum: Usage = { cpu: 0, memory: 0 };
    for (const { spec } of containers) {
      const usage = containerUsage(`${namespace}/${name}/${spec.name}`, spec, index);
      points.push({ name: spec.name, usage });
      sum = { cpu: sum.cpu + usage.cpu, memory: sum.memory + usage.memory };
    }
    const onNode = usageOnNode.get(nodeName) ?? { cpu: 0, memory: 0 };
    usageOnNode.set(nodeName, { cpu: onNode.cpu + sum.cpu, memory: onNode.memory + sum.memory });

    const youngest = Math.max(...containers.map((c) => (Number.isNaN(c.startedAt) ? -Infinity : c.startedAt)));
    const age = timestamp - youngest;
    if (age < freshContainerMinMetricsMs) continue;
    const fullWindow = windowAround(resolutionMs, `${namespace}/${name}`, index);
    podUsage.push({
      namespace,
      name,
      labels: sortedLabels(pod.metadata.labels),
      timestamp,
      windowMs: Math.min(fullWindow, age),
      containers: points,
    });
  }
  podUsage.sort((a, b) => byteOrder(a.namespace, b.namespace) || byteOrder(a.name, b.name));

  const nodeUsage: NodeUsagePoint[] = [];
  for (const [name, node] of scrapedNodes) {
    const w = wave(name, index);
    const overheadCpu = (25 + 20 * unitHash(`${name}#overhead`)) * 1e6 * (1 + 0.2 * w + 0.2 * (unitHash(`${name}#cpu#${index}`) * 2 - 1));
    const overheadMemory = (380 + 150 * unitHash(`${name}#overhead-mem`)) * Mi * (1 + 0.02 * w);
    const pods = usageOnNode.get(name) ?? { cpu: 0, memory: 0 };
    const status = (node.status ?? {}) as { allocatable?: Record<string, unknown>; capacity?: Record<string, unknown> };
    const allocatableCpu = parseQuantity(status.allocatable?.cpu ?? status.capacity?.cpu);
    const allocatableMemory = parseQuantity(status.allocatable?.memory ?? status.capacity?.memory);
    let cpu = Math.floor(pods.cpu + overheadCpu);
    let memory = Math.round((pods.memory + overheadMemory) / pageSize) * pageSize;
    if (allocatableCpu !== undefined) cpu = Math.min(cpu, Math.floor(allocatableCpu * 1e9));
    if (allocatableMemory !== undefined) memory = Math.min(memory, Math.floor(allocatableMemory / pageSize) * pageSize);
    nodeUsage.push({
      name,
      labels: sortedLabels(node.metadata.labels),
      timestamp,
      windowMs: windowAround(resolutionMs, name, index),
      usage: { cpu, memory },
    });
  }
  nodeUsage.sort((a, b) => byteOrder(a.name, b.name));

  return {
    index,
    timestamp,
    nodes: nodeUsage,
    nodesByName: new Map(nodeUsage.map((n) => [n.name, n])),
    pods: podUsage,
    podsByKey: new Map(podUsage.map((p) => [`${p.namespace}/${p.name}`, p])),
    runningPods,
  };
}
