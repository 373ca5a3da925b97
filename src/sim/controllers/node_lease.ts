// The kubelets' node lease controllers (component-helpers/apimachinery/lease): each kubelet
// keeps a Lease named after its node in kube-node-lease, held by the node, 40 s long, owned by
// the Node so that it goes with it, and recreated if deleted. Its 10 s renewals are computed on
// read (leaseAsOf), so they cost no writes.

import { rfc3339Micro } from '../clock.ts';
import type { ClusterContext } from '../context.ts';
import type { StoreEvent } from '../store.ts';
import type { KubeObject } from '../types.ts';
import { nodeLeaseDurationSeconds, nodeLeaseNamespace } from '../core/leases.ts';
import type { EventRecorder } from './events.ts';
import { KeyedController } from './keyed_controller.ts';
import { isGR, leasesGR, namespacesGR, nodesGR } from './workqueue.ts';

/** The lease a kubelet creates for its node (newLease with setNodeOwnerFunc). */
function nodeLease(node: KubeObject, at: number): KubeObject {
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

/** Queues node names: a new node, a deleted node lease, or the lease namespace appearing. */
export class NodeLeaseController extends KeyedController {
  readonly name = 'kubelet-node-lease';

  constructor(ctx: ClusterContext, events: EventRecorder) {
    super(ctx, events, nodesGR);
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

  protected handle(node: KubeObject, at: number): void {
    // Without its namespace the kubelet's create fails, and it retries later.
    if (!this.ctx.store.get(namespacesGR, undefined, nodeLeaseNamespace)) return;
    const name = node.metadata.name ?? '';
    if (this.ctx.store.get(leasesGR, nodeLeaseNamespace, name)) return;
    this.ctx.store.create(leasesGR, nodeLease(node, at), at);
  }
}
