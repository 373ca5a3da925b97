// A small kind-like cluster in a real ObjectStore: the nodes and pods of the recorded
// metrics outputs in /work/shared/fidelity/kubectl-outputs.

import { readFileSync } from 'node:fs';
import { ManualClock } from '../../../src/sim/clock.ts';
import { ObjectStore } from '../../../src/sim/store.ts';
import type { KubeObject } from '../../../src/sim/types.ts';

export const fidelityDir = '/work/shared/fidelity/kubectl-outputs';
export const recorded = (name: string) => readFileSync(`${fidelityDir}/${name}`, 'utf8');

export const nodesGR = { group: '', resource: 'nodes' };
export const podsGR = { group: '', resource: 'pods' };

export function node(name: string, opts: { ready?: boolean; cpu?: string; memory?: string; controlPlane?: boolean } = {}): KubeObject {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/os': 'linux',
    'kubernetes.io/hostname': name,
  };
  if (opts.controlPlane) labels['node-role.kubernetes.io/control-plane'] = '';
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels },
    spec: {},
    status: {
      allocatable: { cpu: opts.cpu ?? '4', memory: opts.memory ?? '8148704Ki', pods: '110' },
      capacity: { cpu: opts.cpu ?? '4', memory: opts.memory ?? '8148704Ki', pods: '110' },
      conditions: [
        { type: 'MemoryPressure', status: 'False' },
        { type: 'Ready', status: opts.ready === false ? 'False' : 'True' },
      ],
    },
  };
}

export function pod(
  namespace: string,
  name: string,
  opts: { node?: string; phase?: string; labels?: Record<string, string>; containers?: { name: string; requests?: Record<string, string> }[]; startedAt?: string } = {},
): KubeObject {
  const containers = opts.containers ?? [{ name: 'nginx' }];
  const startedAt = opts.startedAt ?? '2025-06-01T08:00:00Z';
  const phase = opts.phase ?? 'Running';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, ...(opts.labels ? { labels: opts.labels } : {}) },
    spec: {
      nodeName: opts.node ?? 'kind-worker',
      containers: containers.map((c) => ({ name: c.name, image: 'example', ...(c.requests ? { resources: { requests: c.requests } } : {}) })),
    },
    status: {
      phase,
      startTime: startedAt,
      containerStatuses: containers.map((c) => ({
        name: c.name,
        ready: phase === 'Running',
        state: phase === 'Running' ? { running: { startedAt } } : { waiting: { reason: 'ContainerCreating' } },
      })),
    },
  };
}

/** 2025-06-02T09:00:00Z, the time of the recordings. */
export const recordingTime = Date.parse('2025-06-02T09:00:00Z');

export function kindCluster(start = recordingTime) {
  const clock = new ManualClock(start);
  const store = new ObjectStore(clock);
  store.create(nodesGR, node('kind-control-plane', { controlPlane: true }));
  store.create(nodesGR, node('kind-worker'));
  store.create(podsGR, pod('default', 'web-7d4b9c8f6d-8kx2p', { labels: { app: 'web' } }));
  store.create(podsGR, pod('default', 'web-7d4b9c8f6d-q9z7m', { labels: { app: 'web' } }));
  store.create(
    podsGR,
    pod('kube-system', 'kube-apiserver-kind-control-plane', {
      node: 'kind-control-plane',
      labels: { component: 'kube-apiserver', tier: 'control-plane' },
      containers: [{ name: 'kube-apiserver', requests: { cpu: '250m' } }],
    }),
  );
  store.create(
    podsGR,
    pod('kube-system', 'metrics-server-6d94bc8694-5xq2n', {
      labels: { 'k8s-app': 'metrics-server', 'pod-template-hash': '6d94bc8694' },
      containers: [{ name: 'metrics-server', requests: { cpu: '100m', memory: '200Mi' } }],
    }),
  );
  return { clock, store };
}

export const tableAccept = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
export const metricsClientAccept = 'application/vnd.kubernetes.protobuf, */*';
export const rawAccept = 'application/json, */*';

/** A request as the aggregator forwards it: path unchanged, host the Service's ClusterIP, the caller in X-Remote-*. */
export function proxied(path: string, init: { accept?: string; method?: string; host?: string } = {}): Request {
  const headers = new Headers({ Accept: init.accept ?? rawAccept, 'X-Remote-User': 'kubernetes-admin' });
  headers.append('X-Remote-Group', 'kubeadm:cluster-admins');
  headers.append('X-Remote-Group', 'system:authenticated');
  return new Request(`https://${init.host ?? '10.96.108.185:443'}${path}`, { method: init.method ?? 'GET', headers });
}

/** The structure of a JSON value: object keys in order, leaves replaced by their type. */
export function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  return typeof value;
}
