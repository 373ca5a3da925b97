// The kubelets' node lease controllers (component-helpers/apimachinery/lease): each kubelet
// keeps a Lease named after its node in kube-node-lease, held by the node, 40 s long, owned by
// the Node so that it goes with it, and recreated if deleted. Its 10 s renewals are computed on
// read (leaseAsOf), so they cost no writes.

import { rfc3339Micro } from '../clock.ts';
import type { ClusterContext } from '../context.ts';
import type { Controller } from '../controller.ts';
import type { GroupResource } from '../errors.ts';
import type { StoreEvent } from '../store.ts';
import type { KubeObject } from '../types.ts';
import { nodeLeaseDurationSeconds, nodeLeaseNamespace } from '../core/leases.ts';
import { isGR, nodesGR, ReactionTime, WorkQueue } from './workqueue.ts';

export const leasesGR: GroupResource = { group: 'coordination.k8s.io', resource: 'leases' };
const namespacesGR: GroupResource = { group: '', resource: 'namespaces' };

/** The lease a kubelet creates for its node (newLease with setNodeOwnerFunc). */
export function nodeLease(node: KubeObject, at: number): KubeObject {
  const name = node.metadata.name ?? '';
  return {
    kind: 'Lease',
    apiVersion: 'coordination.k8s.io/v1',
    metadata: {
      name,
      namespace: nodeLeaseNamespace,
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid ?? '' }],
    },
    spec: { holderIdentity: name, leaseDurationSeconds: nodeLeaseDurationSeconds, renewTime: rfc3339Micro(at) },
  };
}

export class NodeLeaseController implements Controller {
  readonly name = 'kubelet-node-lease';
  private readonly ctx: ClusterContext;
  private readonly queue = new WorkQueue();
  private readonly time: ReactionTime;

  constructor(ctx: ClusterContext) {
    this.ctx = ctx;
    this.time = new ReactionTime(ctx.clock);
  }

  observe(e: StoreEvent): void {
    if (isGR(e, nodesGR) && e.type === 'ADDED') {
      this.time.noteCreated(e.object);
      this.queue.add(e.object.metadata.name ?? '');
    } else if (isGR(e, leasesGR) && e.type === 'DELETED' && e.object.metadata.namespace === nodeLeaseNamespace) {
      this.queue.add(e.object.metadata.name ?? '');
    } else if (isGR(e, namespacesGR) && e.type === 'ADDED' && e.object.metadata.name === nodeLeaseNamespace) {
      this.resyncAll();
    }
  }

  resyncAll(): void {
    for (const node of this.ctx.store.list(nodesGR)) this.queue.add(node.metadata.name ?? '');
  }

  sync(): boolean {
    const names = this.queue.drain();
    for (const name of names) {
      const at = this.time.take(name);
      const node = this.ctx.store.get(nodesGR, undefined, name);
      // Without its namespace the kubelet's create fails, and it retries later.
      if (!node || !this.ctx.store.get(namespacesGR, undefined, nodeLeaseNamespace)) continue;
      if (this.ctx.store.get(leasesGR, nodeLeaseNamespace, name)) continue;
      this.ctx.store.create(leasesGR, nodeLease(node, at), at);
    }
    return names.length > 0;
  }
}
