// The endpointslice controller (pkg/controller/endpointslice): for each Service with a
// selector, an EndpointSlice `<service>-<5 characters>` labelled kubernetes.io/service-name,
// owned by the Service, with one endpoint per pod and the resolved ports. With no pods it
// keeps a placeholder slice (endpoints and ports null), as the real reconciler does.

import { rfc3339 } from '../clock.ts';
import type { ClusterContext } from '../context.ts';
import type { Controller } from '../controller.ts';
import type { StoreEvent } from '../store.ts';
import { clone, type JsonObject, type KubeObject } from '../types.ts';
import { derivedSuffix } from '../core/naming.ts';
import { arrayOf, controllerRef, specOf, stringMap } from '../core/objects.ts';
import { lastChangeTriggerTimeAnnotation } from './endpoints.ts';
import { hasSelector, lastChangeTriggerTime, podReference, serviceEndpoints, type PodEndpoint } from './endpointset.ts';
import { endpointSlicesGR, isGR, keyOf, nodesGR, podsGR, servicesGR, splitKey, WorkQueue } from './workqueue.ts';

export const serviceNameLabel = 'kubernetes.io/service-name';
export const managedByLabel = 'endpointslice.kubernetes.io/managed-by';
export const controllerName = 'endpointslice-controller.k8s.io';

export class EndpointSliceController implements Controller {
  readonly name = 'endpointslice';
  private queue = new WorkQueue();
  private generated = new Map<string, number>();
  private readonly ctx: ClusterContext;

  constructor(ctx: ClusterContext) {
    this.ctx = ctx;
  }

  observe(e: StoreEvent): void {
    if (isGR(e, servicesGR) && e.type !== 'DELETED') {
      this.queue.add(keyOf(e.object));
    } else if (isGR(e, podsGR)) {
      for (const svc of this.ctx.store.list(servicesGR, e.object.metadata.namespace)) if (hasSelector(svc)) this.queue.add(keyOf(svc));
    } else if (isGR(e, endpointSlicesGR) && e.type === 'DELETED') {
      // A slice deleted by hand comes back.
      const svc = e.object.metadata.labels?.[serviceNameLabel];
      if (svc) this.queue.add(`${e.object.metadata.namespace}/${svc}`);
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

  private endpoint(e: PodEndpoint): JsonObject {
    const out: JsonObject = {
      addresses: [e.ip],
      conditions: { ready: e.ready, serving: e.ready, terminating: false },
      targetRef: podReference(e.pod),
    };
    if (e.nodeName) {
      out.nodeName = e.nodeName;
      const zone = this.ctx.store.get(nodesGR, undefined, e.nodeName)?.metadata.labels?.['topology.kubernetes.io/zone'];
      if (zone) out.zone = zone;
    }
    return out;
  }

  private reconcile(key: string): void {
    const [namespace, name] = splitKey(key);
    const svc = this.ctx.store.get(servicesGR, namespace, name);
    if (!svc || !hasSelector(svc)) return; // owner references take slices away with their Service
    const mine = this.ctx.store
      .list(endpointSlicesGR, namespace)
      .filter((s) => s.metadata.labels?.[serviceNameLabel] === name && s.metadata.labels?.[managedByLabel] === controllerName);
    const wantsPorts = arrayOf(specOf(svc).ports).length > 0;
    const endpoints = serviceEndpoints(this.ctx.store, svc).filter((e) => !wantsPorts || e.ports.length > 0);
    const ports = endpoints[0]?.ports.map((p) => {
      const port: JsonObject = { name: p.name, protocol: p.protocol, port: p.port };
      if (p.appProtocol) port.appProtocol = p.appProtocol;
      return port;
    });
    const body = {
      addressType: 'IPv4',
      endpoints: endpoints.length > 0 ? endpoints.map((e) => this.endpoint(e)) : null,
      ports: ports ?? null,
    };
    const labels: Record<string, string> = { ...stringMap(svc.metadata.labels), [managedByLabel]: controllerName, [serviceNameLabel]: name };
    if (specOf(svc).clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
    const [slice, ...extra] = mine;
    for (const s of extra) this.ctx.store.delete(endpointSlicesGR, namespace, s.metadata.name ?? '');
    const trigger = lastChangeTriggerTime(svc, endpoints);
    if (slice) {
      const unchanged =
        JSON.stringify([slice.addressType, slice.endpoints, slice.ports]) === JSON.stringify([body.addressType, body.endpoints, body.ports]) &&
        JSON.stringify(slice.metadata.labels) === JSON.stringify(labels);
      if (unchanged) return;
      const next = clone(slice);
      next.metadata.labels = labels;
      next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [lastChangeTriggerTimeAnnotation]: rfc3339(trigger) };
      Object.assign(next, body);
      this.ctx.store.update(endpointSlicesGR, next, { bumpGeneration: true });
      return;
    }
    const generateName = `${name}-`;
    let sliceName: string;
    do {
      const n = (this.generated.get(key) ?? 0) + 1;
      this.generated.set(key, n);
      sliceName = generateName + derivedSuffix(`${svc.metadata.uid}#slice#${n}`);
    } while (this.ctx.store.get(endpointSlicesGR, namespace, sliceName));
    const created: KubeObject = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: sliceName,
        generateName,
        namespace,
        generation: 1,
        labels,
        annotations: { [lastChangeTriggerTimeAnnotation]: rfc3339(trigger) },
        ownerReferences: [controllerRef(svc) as never],
      },
      ...body,
    };
    this.ctx.store.create(endpointSlicesGR, created, Math.min(trigger || this.ctx.clock.now(), this.ctx.clock.now()));
  }
}
