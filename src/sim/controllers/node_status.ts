// The kubelets' node status reports, reduced to the conditions' times: a condition the kubelet
// sets for the first time (or whose status changes) gets lastTransitionTime, and every report
// stamps lastHeartbeatTime on all of them (pkg/kubelet/nodestatus/setters.go). Reports made
// later, with nothing changed, are computed on read (nodeAsOf), not stored.

import { rfc3339 } from '../clock.ts';
import type { ClusterContext } from '../context.ts';
import type { StoreEvent } from '../store.ts';
import { clone, type JsonObject, type KubeObject } from '../types.ts';
import { arrayOf, orderKeys, statusOf } from '../core/objects.ts';
import type { EventRecorder } from './events.ts';
import { KeyedController } from './keyed_controller.ts';
import { isGR, keyOf, nodesGR } from './workqueue.ts';

const conditionOrder = ['type', 'status', 'lastHeartbeatTime', 'lastTransitionTime', 'reason', 'message'];

const unstamped = (c: JsonObject) => !c.lastHeartbeatTime || !c.lastTransitionTime;

/** Whether a node carries conditions without the times a kubelet's report gives them. */
function needsNodeReport(node: KubeObject): boolean {
  return arrayOf(statusOf(node).conditions).some(unstamped);
}

export class NodeStatusReporter extends KeyedController {
  readonly name = 'kubelet-node-status';
  constructor(ctx: ClusterContext, events: EventRecorder) {
    super(ctx, events, nodesGR);
  }

  observe(e: StoreEvent): void {
    if (!isGR(e, nodesGR) || e.type === 'DELETED' || !needsNodeReport(e.object)) return;
    if (e.type === 'ADDED') this.time.noteCreated(e.object);
    this.queue.add(keyOf(e.object));
  }

  protected handle(node: KubeObject, at: number): void {
    if (!needsNodeReport(node)) return;
    const time = rfc3339(at);
    const status = statusOf(node);
    const conditions = arrayOf(status.conditions).map((c) =>
      orderKeys({ ...c, lastHeartbeatTime: time, lastTransitionTime: c.lastTransitionTime || time }, conditionOrder),
    );
    const next = clone(node);
    next.status = { ...status, conditions };
    this.ctx.store.update(nodesGR, next);
  }
}
