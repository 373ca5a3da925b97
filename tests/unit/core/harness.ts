// A cluster for the core tests: a real store, clock and controller manager with the core
// controllers, and writes that go through the kinds' strategies as the REST handler's do.

import { ManualClock } from '../../../src/sim/clock.ts';
import { BackendRegistry, type ClusterContext } from '../../../src/sim/context.ts';
import { ControllerManager } from '../../../src/sim/controller.ts';
import { GarbageCollector } from '../../../src/sim/garbage_collector.ts';
import type { GroupResource } from '../../../src/sim/errors.ts';
import { formatFieldError } from '../../../src/sim/fielderrors.ts';
import { ResourceRegistry, type ResourceType } from '../../../src/sim/resources.ts';
import { ObjectStore } from '../../../src/sim/store.ts';
import type { KubeObject } from '../../../src/sim/types.ts';
import { coreControllers } from '../../../src/sim/controllers/index.ts';
import { createCoreBehaviours } from '../../../src/sim/core/index.ts';

export const gr = {
  namespaces: { group: '', resource: 'namespaces' },
  nodes: { group: '', resource: 'nodes' },
  pods: { group: '', resource: 'pods' },
  services: { group: '', resource: 'services' },
  endpoints: { group: '', resource: 'endpoints' },
  events: { group: '', resource: 'events' },
  endpointslices: { group: 'discovery.k8s.io', resource: 'endpointslices' },
  deployments: { group: 'apps', resource: 'deployments' },
  replicasets: { group: 'apps', resource: 'replicasets' },
} satisfies Record<string, GroupResource>;

const behaviourKey: Record<keyof typeof gr, string> = {
  namespaces: '/v1/namespaces',
  nodes: '/v1/nodes',
  pods: '/v1/pods',
  services: '/v1/services',
  endpoints: '/v1/endpoints',
  events: '/v1/events',
  endpointslices: 'discovery.k8s.io/v1/endpointslices',
  deployments: 'apps/v1/deployments',
  replicasets: 'apps/v1/replicasets',
};

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** group/resource of the kinds whose behaviour tracks metadata.generation, as the cluster's registry tells its store. */
const generationTracked = new Set(
  Object.entries(createCoreBehaviours())
    .filter(([, b]) => b.hasGeneration)
    .map(([key]) => {
      const [group, , resource] = key.split('/');
      return `${group}/${resource}`;
    }),
);

export class TestCluster {
  readonly clock = new ManualClock('2026-11-26T16:40:00Z');
  readonly store = new ObjectStore(this.clock, { tracksGeneration: (g) => generationTracked.has(`${g.group}/${g.resource}`) });
  readonly ctx: ClusterContext = {
    store: this.store,
    registry: new ResourceRegistry(),
    clock: this.clock,
    controllers: new ControllerManager(),
    backends: new BackendRegistry(),
  };
  readonly behaviours = createCoreBehaviours(this.store);

  constructor() {
    this.ctx.controllers.add(new GarbageCollector(this.store));
    for (const c of coreControllers(this.ctx)) this.ctx.controllers.add(c);
    this.store.subscribe((e) => this.ctx.controllers.observe(e));
  }

  behaviour(kind: keyof typeof gr): Partial<ResourceType> {
    return this.behaviours[behaviourKey[kind]];
  }

  /** POST: defaults, PrepareForCreate, Validate, store, settle. Throws the formatted field errors. */
  async create(kind: keyof typeof gr, obj: KubeObject, createdAt?: number): Promise<KubeObject> {
    const b = this.behaviour(kind);
    const o = clone(obj);
    b.defaults?.(o);
    b.prepareForCreate?.(o);
    const errs = b.validate?.(o) ?? [];
    if (errs.length > 0) throw new Error(errs.map(formatFieldError).join('\n'));
    const created = this.store.create(gr[kind], o, createdAt);
    await this.ctx.controllers.settle();
    return created;
  }

  /** PUT: defaults, PrepareForUpdate, ValidateUpdate, generation bump on a spec change, settle. */
  async update(kind: keyof typeof gr, obj: KubeObject): Promise<KubeObject> {
    const b = this.behaviour(kind);
    const old = this.get(kind, obj.metadata.namespace, obj.metadata.name ?? '')!;
    const next = clone(obj);
    b.defaults?.(next);
    b.prepareForUpdate?.(next, old);
    const errs = b.validate?.(next, old) ?? [];
    if (errs.length > 0) throw new Error(errs.map(formatFieldError).join('\n'));
    const specChanged = JSON.stringify(next.spec) !== JSON.stringify(old.spec);
    const stored = this.store.update(gr[kind], next, { bumpGeneration: specChanged && !!b.hasGeneration });
    await this.ctx.controllers.settle();
    return stored;
  }

  async delete(kind: keyof typeof gr, namespace: string | undefined, name: string): Promise<void> {
    this.store.delete(gr[kind], namespace, name);
    await this.ctx.controllers.settle();
  }

  get(kind: keyof typeof gr, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.store.get(gr[kind], namespace, name);
  }

  list(kind: keyof typeof gr, namespace?: string): KubeObject[] {
    return this.store.list(gr[kind], namespace);
  }

  cells(kind: keyof typeof gr, obj: KubeObject): unknown[] {
    return this.behaviour(kind).table!.cells(obj, { now: this.clock.now(), lookup: this.store });
  }
}

export function node(name: string, opts: { controlPlane?: boolean; ready?: boolean; ip: string; podCIDR?: string }): KubeObject {
  const labels: Record<string, string> = { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' };
  if (opts.controlPlane) labels['node-role.kubernetes.io/control-plane'] = '';
  const spec: Record<string, unknown> = {};
  if (opts.podCIDR) spec.podCIDR = opts.podCIDR;
  if (opts.controlPlane) spec.taints = [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }];
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels },
    spec,
    status: {
      addresses: [
        { address: opts.ip, type: 'InternalIP' },
        { address: name, type: 'Hostname' },
      ],
      capacity: { cpu: '4', memory: '8148704Ki', pods: '110' },
      conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }],
      nodeInfo: {
        kubeletVersion: 'v1.32.5',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        kernelVersion: '6.1.0-28-cloud-amd64',
        containerRuntimeVersion: 'containerd://2.0.3',
      },
    },
  };
}

export function deployment(name: string, replicas: number, image = 'nginx:1.27'): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'nginx', image, ports: [{ containerPort: 80, name: 'http' }] }] },
      },
    },
  };
}

export function service(name: string, selector: Record<string, string> | undefined, targetPort: number | string = 'http'): KubeObject {
  const spec: Record<string, unknown> = { ports: [{ name: 'http', port: 80, targetPort }] };
  if (selector) spec.selector = selector;
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default', labels: { app: name } }, spec };
}

/** A cluster like kind's: a tainted control plane and two workers. */
export async function kindCluster(): Promise<TestCluster> {
  const c = new TestCluster();
  await c.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  await c.create('nodes', node('kind-control-plane', { controlPlane: true, ip: '172.18.0.2' }));
  await c.create('nodes', node('kind-worker', { ip: '172.18.0.3' }));
  await c.create('nodes', node('kind-worker2', { ip: '172.18.0.4' }));
  return c;
}
