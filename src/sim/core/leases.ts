// coordination.k8s.io/v1 leases: printLease's Table, and the renewals of node leases, which the
// kubelets make every 10 s and the cluster computes on read rather than storing each one.

import { lastRenewal } from '../clock.ts';
import type { ResourceType, TableDefinition } from '../resources.ts';
import { ageColumn, ageOf, column, nameColumn } from '../table.ts';
import type { KubeObject } from '../types.ts';
import { nodesGR } from '../controllers/workqueue.ts';
import { specOf, stringOf } from './objects.ts';

/** The namespace of the kubelets' heartbeat leases (corev1.NamespaceNodeLease). */
export const nodeLeaseNamespace = 'kube-node-lease';

/** The kubelet's lease: 40 s long, renewed at a quarter of that (nodeLeaseRenewIntervalFraction). */
export const nodeLeaseDurationSeconds = 40;
const nodeLeaseRenewMs = (nodeLeaseDurationSeconds * 1000) / 4;

const leaseTable: TableDefinition = {
  columns: [
    nameColumn,
    column(
      'Holder',
      'string',
      'holderIdentity contains the identity of the holder of a current lease. If Coordinated Leader Election is used, the holder identity must be equal to the elected LeaseCandidate.metadata.name field.',
    ),
    ageColumn,
  ],
  cells: (lease, ctx) => [lease.metadata.name ?? '', stringOf(specOf(lease).holderIdentity), ageOf(lease, ctx)],
};

/** A node lease as of `now`: renewed by its node's kubelet every 10 s since its last stored renewal. */
function leaseAsOf(lease: KubeObject, now: number, nodeExists: (name: string) => boolean): KubeObject {
  const spec = specOf(lease);
  const renewTime = spec.renewTime;
  if (lease.metadata.namespace !== nodeLeaseNamespace || typeof renewTime !== 'string' || !nodeExists(lease.metadata.name ?? '')) return lease;
  const renewed = lastRenewal(renewTime, nodeLeaseRenewMs, now);
  return renewed === renewTime ? lease : { ...lease, spec: { ...spec, renewTime: renewed } };
}

export const leaseBehaviour: Partial<ResourceType> = {
  table: leaseTable,
  asOf: (lease, ctx) => leaseAsOf(lease, ctx.now, (name) => ctx.lookup.get(nodesGR, undefined, name) !== undefined),
};
