// The garbage collector, for the owner references the controllers here set: when an owner is
// deleted, its dependents go too (background propagation, kubectl delete's default) — a
// Deployment's ReplicaSets, their Pods, a Service's EndpointSlices.

import type { ClusterContext } from '../context.ts';
import type { Controller } from '../controller.ts';
import type { GroupResource } from '../errors.ts';
import type { StoreEvent } from '../store.ts';
import { endpointSlicesGR, podsGR, replicaSetsGR } from './workqueue.ts';

const dependentKinds: GroupResource[] = [replicaSetsGR, podsGR, endpointSlicesGR];

export class GarbageCollector implements Controller {
  readonly name = 'garbagecollector';
  private deletedOwners = new Set<string>();
  private readonly ctx: ClusterContext;

  constructor(ctx: ClusterContext) {
    this.ctx = ctx;
  }

  observe(e: StoreEvent): void {
    if (e.type === 'DELETED' && e.object.metadata.uid) this.deletedOwners.add(e.object.metadata.uid);
  }

  sync(): boolean {
    if (this.deletedOwners.size === 0) return false;
    const owners = new Set(this.deletedOwners);
    this.deletedOwners.clear();
    for (const gr of dependentKinds) {
      for (const obj of [...this.ctx.store.list(gr)]) {
        const refs = obj.metadata.ownerReferences ?? [];
        // A dependent goes when no owner is left.
        if (refs.length > 0 && refs.every((r) => owners.has(r.uid) || !this.ownerExists(r.uid))) {
          if (this.ctx.store.get(gr, obj.metadata.namespace, obj.metadata.name ?? '')) this.ctx.store.delete(gr, obj.metadata.namespace, obj.metadata.name ?? '');
        }
      }
    }
    return true;
  }

  /** Whether any stored object of a kind that owns things has this uid. */
  private ownerExists(uid: string): boolean {
    const ownerKinds: GroupResource[] = [
      { group: 'apps', resource: 'deployments' },
      replicaSetsGR,
      { group: '', resource: 'services' },
    ];
    return ownerKinds.some((gr) => this.ctx.store.list(gr).some((o) => o.metadata.uid === uid));
  }
}
