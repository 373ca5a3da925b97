// What every controller here shares: the resources they watch, a deduplicating work queue as
// client-go's workqueue keeps one, and the moment a reconcile acts at.

import type { Clock } from '../clock.ts';
import type { GroupResource } from '../errors.ts';
import type { StoreEvent } from '../store.ts';
import type { KubeObject } from '../types.ts';

export const podsGR: GroupResource = { group: '', resource: 'pods' };
export const nodesGR: GroupResource = { group: '', resource: 'nodes' };
export const namespacesGR: GroupResource = { group: '', resource: 'namespaces' };
export const servicesGR: GroupResource = { group: '', resource: 'services' };
export const endpointsGR: GroupResource = { group: '', resource: 'endpoints' };
export const eventsGR: GroupResource = { group: '', resource: 'events' };
export const endpointSlicesGR: GroupResource = { group: 'discovery.k8s.io', resource: 'endpointslices' };
export const deploymentsGR: GroupResource = { group: 'apps', resource: 'deployments' };
export const replicaSetsGR: GroupResource = { group: 'apps', resource: 'replicasets' };
export const leasesGR: GroupResource = { group: 'coordination.k8s.io', resource: 'leases' };

export const isGR = (e: StoreEvent, gr: GroupResource) => e.gr.group === gr.group && e.gr.resource === gr.resource;

/** cache.MetaNamespaceKeyFunc. */
export const keyOf = (obj: KubeObject) => (obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : obj.metadata.name ?? '');

export function splitKey(key: string): [string | undefined, string] {
  const i = key.indexOf('/');
  return i < 0 ? [undefined, key] : [key.slice(0, i), key.slice(i + 1)];
}

/** Keys waiting for a reconcile, each once, in the order they were first queued. */
export class WorkQueue {
  private keys = new Set<string>();

  add(key: string): void {
    this.keys.add(key);
  }

  /** Everything queued so far; keys added while processing wait for the next round. */
  drain(): string[] {
    const keys = [...this.keys];
    this.keys.clear();
    return keys;
  }

  get length(): number {
    return this.keys.size;
  }
}

/**
 * When a reconcile acts. A reaction to an object's creation happens at its creation time —
 * so a scenario object created "30 days ago" has 30-day-old ReplicaSets, Pods and Endpoints —
 * and anything later happens now.
 */
export class ReactionTime {
  private created = new Map<string, number>();
  private readonly clock: Clock;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  noteCreated(obj: KubeObject): void {
    const t = Date.parse(obj.metadata.creationTimestamp ?? '');
    if (!Number.isNaN(t) && t < this.clock.now()) this.created.set(keyOf(obj), t);
  }

  /** The time to act at for this key, consumed: only the first reconcile is a reaction to creation. */
  take(key: string): number {
    const t = this.created.get(key);
    this.created.delete(key);
    return t ?? this.clock.now();
  }

  now(): number {
    return this.clock.now();
  }
}
