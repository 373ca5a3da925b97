// The controllers that make the core kinds live, in the order a new Deployment flows through
// them: IPs and CIDRs first, then workloads, then scheduling and kubelets, then Service
// endpoints. Garbage collection of dependents is the cluster's own GarbageCollector.

import type { ClusterContext } from '../context.ts';
import type { Controller } from '../controller.ts';
import { DeploymentController } from './deployment.ts';
import { EndpointsController } from './endpoints.ts';
import { EndpointSliceController } from './endpointslice.ts';
import { EventRecorder } from './events.ts';
import { Kubelet } from './kubelet.ts';
import { NodeIpamController } from './nodeipam.ts';
import { NodeLeaseController } from './node_lease.ts';
import { NodeStatusReporter } from './node_status.ts';
import { ReplicaSetController } from './replicaset.ts';
import { Scheduler } from './scheduler.ts';
import { ServiceIPRepairController } from './serviceipallocator.ts';

export function coreControllers(ctx: ClusterContext): Controller[] {
  const events = new EventRecorder(ctx.store);
  return [
    new ServiceIPRepairController(ctx),
    new NodeIpamController(ctx),
    new NodeStatusReporter(ctx, events),
    new NodeLeaseController(ctx, events),
    new DeploymentController(ctx, events),
    new ReplicaSetController(ctx, events),
    new Scheduler(ctx, events),
    new Kubelet(ctx, events),
    new EndpointsController(ctx),
    new EndpointSliceController(ctx),
  ];
}
