// The endpoints controller (pkg/controller/endpoint): for each Service with a selector, an
// Endpoints object of the same name listing ready pods in `addresses` and the rest in
// `notReadyAddresses`, with the Service's port names and the resolved target ports.

import { rfc3339 } from '../clock.ts';
import type { ClusterContext } from '../context.ts';
import type { Controller } from '../controller.ts';
import type { StoreEvent } from '../store.ts';
import { clone, type JsonObject, type KubeObject } from '../types.ts';
import { specOf, stringMap } from '../core/objects.ts';
import { hasSelector, lastChangeTriggerTime, podReference, serviceEndpoints, type PodEndpoint, type ResolvedPort } from './endpointset.ts';
import { endpointsGR, isGR, keyOf, podsGR, servicesGR, splitKey, WorkQueue } from './workqueue.ts';

export const lastChangeTriggerTimeAnnotation = 'endpoints.kubernetes.io/last-change-trigger-time';

/** core/v1 EndpointPort: the name only when the Service port has one. */
function endpointPort(p: ResolvedPort): JsonObject {
  const out: JsonObject = {};
  if (p.name) out.name = p.name;
  out.port = p.port;
  out.protocol = p.protocol;
  if (p.appProtocol) out.appProtocol = p.appProtocol;
  return out;
}

const address = (e: PodEndpoint): JsonObject => {
  const a: JsonObject = { ip: e.ip };
  if (e.nodeName) a.nodeName = e.nodeName;
  a.targetRef = podReference(e.pod);
  return a;
};

/** RepackSubsets: addresses grouped by identical port sets, ready and not-ready apart. */
export function subsetsFor(endpoints: PodEndpoint[]): JsonObject[] {
  const groups = new Map<string, { ports: ResolvedPort[]; ready: PodEndpoint[]; notReady: PodEndpoint[] }>();
  for (const e of endpoints) {
    if (e.ports.length === 0) continue;
    const key = JSON.stringify(e.ports);
    const g = groups.get(key) ?? { ports: e.ports, ready: [], notReady: [] };
    (e.ready ? g.ready : g.notReady).push(e);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => {
    const subset: JsonObject = {};
    if (g.ready.length > 0) subset.addresses = g.ready.map(address);
    if (g.notReady.length > 0) subset.notReadyAddresses = g.notReady.map(address);
    subset.ports = g.ports.map(endpointPort);
    return subset;
  });
}

export class EndpointsController implements Controller {
  readonly name = 'endpoints';
  private queue = new WorkQueue();
  private readonly ctx: ClusterContext;

  constructor(ctx: ClusterContext) {
    this.ctx = ctx;
  }

  observe(e: StoreEvent): void {
    if (isGR(e, servicesGR)) {
      this.queue.add(keyOf(e.object));
    } else if (isGR(e, podsGR)) {
      // Any Service of the namespace whose selector matched the pod before or after the change.
      for (const svc of this.ctx.store.list(servicesGR, e.object.metadata.namespace)) if (hasSelector(svc)) this.queue.add(keyOf(svc));
    }
  }

  resyncAll(): void {
    for (const svc of this.ctx.store.list(servicesGR)) this.queue.add(keyOf(svc));
  }

  sync(): boolean {
    const keys = this.queue.drain();
    for (const key of keys) this.reconcile(key);
    return keys.length > 0;
  }

  private reconcile(key: string): void {
    const [namespace, name] = splitKey(key);
    const svc = this.ctx.store.get(servicesGR, namespace, name);
    const existing = this.ctx.store.get(endpointsGR, namespace, name);
    if (!svc) {
      // The Service is gone: so are its Endpoints.
      if (existing) this.ctx.store.delete(endpointsGR, namespace, name);
      return;
    }
    if (!hasSelector(svc)) return;
    const endpoints = serviceEndpoints(this.ctx.store, svc);
    const subsets = subsetsFor(endpoints);
    const labels = { ...stringMap(svc.metadata.labels) };
    if (specOf(svc).clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
    if (existing && JSON.stringify(existing.subsets ?? []) === JSON.stringify(subsets) && JSON.stringify(existing.metadata.labels ?? {}) === JSON.stringify(labels)) return;
    const trigger = lastChangeTriggerTime(svc, endpoints);
    const obj: KubeObject = existing ? clone(existing) : { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace } };
    obj.metadata.labels = Object.keys(labels).length > 0 ? labels : undefined;
    obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [lastChangeTriggerTimeAnnotation]: rfc3339(trigger) };
    if (subsets.length > 0) obj.subsets = subsets;
    else delete obj.subsets;
    if (existing) this.ctx.store.update(endpointsGR, obj);
    else this.ctx.store.create(endpointsGR, obj, Math.min(trigger || this.ctx.clock.now(), this.ctx.clock.now()));
  }
}
