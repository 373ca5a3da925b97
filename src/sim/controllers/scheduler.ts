// kube-scheduler, reduced to what a learner sees: pods without spec.nodeName go to the next
// feasible node in name order, round-robin (the real scheduler scores nodes; spreading evenly
// is what it does on an idle cluster). Feasible: Ready, schedulable, taints tolerated.

import { rfc3339 } from '../clock.ts';
import type { ClusterContext } from '../context.ts';
import type { StoreEvent } from '../store.ts';
import { clone, type JsonObject, type KubeObject } from '../types.ts';
import { isNodeReady } from '../core/nodes.ts';
import { arrayOf, orderKeys, specOf, statusOf, stringOf } from '../core/objects.ts';
import { orderPodSpec } from '../core/podspec.ts';
import { podStatusOrder } from '../core/pods.ts';
import type { EventRecorder } from './events.ts';
import { KeyedController } from './keyed_controller.ts';
import { isGR, keyOf, nodesGR, podsGR } from './workqueue.ts';

/** v1helper.TolerationsTolerateTaint. */
function tolerates(tolerations: JsonObject[], taint: JsonObject): boolean {
  return tolerations.some((t) => {
    if (t.effect !== undefined && t.effect !== '' && t.effect !== taint.effect) return false;
    if (t.key !== undefined && t.key !== '' && t.key !== taint.key) return false;
    if (t.operator === 'Exists') return true;
    return stringOf(t.value) === stringOf(taint.value);
  });
}

/** Why a node cannot take the pod, worded as the scheduler's framework statuses are; '' if it can. */
function unfitReason(node: KubeObject, pod: KubeObject): string {
  if (specOf(node).unschedulable === true) return 'node(s) were unschedulable';
  const tolerations = arrayOf(specOf(pod).tolerations);
  for (const taint of arrayOf(specOf(node).taints)) {
    if (taint.effect === 'PreferNoSchedule') continue;
    if (!tolerates(tolerations, taint)) return `node(s) had untolerated taint {${stringOf(taint.key)}: ${stringOf(taint.value)}}`;
  }
  if (!isNodeReady(node)) return 'node(s) had untolerated taint {node.kubernetes.io/not-ready: }';
  return '';
}

/** The FitError message: `0/3 nodes are available: 1 node(s) …, 2 node(s) …. preemption: …`. */
function fitError(nodes: KubeObject[], reasons: string[]): string {
  if (nodes.length === 0) return 'no nodes available to schedule pods';
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const parts = [...counts.entries()].map(([r, n]) => `${n} ${r}`).sort();
  return `0/${nodes.length} nodes are available: ${parts.join(', ')}. preemption: 0/${nodes.length} nodes are available: ${nodes.length} Preemption is not helpful for scheduling.`;
}

export class Scheduler extends KeyedController {
  readonly name = 'scheduler';
  private next = 0;
  constructor(ctx: ClusterContext, events: EventRecorder) {
    super(ctx, events, podsGR);
  }

  /** The scheduler's identity in events: `default-scheduler-<control-plane node>`. */
  private instance(): string {
    const cp = this.ctx.store.list(nodesGR).find((n) => n.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined);
    return cp ? `default-scheduler-${cp.metadata.name}` : 'default-scheduler';
  }

  observe(e: StoreEvent): void {
    if (isGR(e, podsGR) && e.type !== 'DELETED' && !specOf(e.object).nodeName) {
      if (e.type === 'ADDED') this.time.noteCreated(e.object);
      this.queue.add(keyOf(e.object));
    } else if (isGR(e, nodesGR) && e.type !== 'DELETED') {
      // A node that appears or becomes Ready may fit pods that waited.
      for (const p of this.ctx.store.list(podsGR)) if (!specOf(p).nodeName) this.queue.add(keyOf(p));
    }
  }

  protected handle(pod: KubeObject, at: number): void {
    if (!specOf(pod).nodeName && !pod.metadata.deletionTimestamp) this.schedule(pod, at);
  }


  private schedule(pod: KubeObject, at: number): void {
    const nodes = this.ctx.store.list(nodesGR);
    const reasons = nodes.map((n) => unfitReason(n, pod));
    const feasible = nodes.filter((_, i) => reasons[i] === '');
    const next = clone(pod);
    const status = statusOf(next);
    const conditions = arrayOf(status.conditions).filter((c) => c.type !== 'PodScheduled');
    if (feasible.length === 0) {
      const message = fitError(nodes, reasons);
      const old = arrayOf(statusOf(pod).conditions).find((c) => c.type === 'PodScheduled');
      if (old?.message === message) return;
      conditions.push({ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: rfc3339(at), reason: 'Unschedulable', message });
      this.events.recordV1(pod, { type: 'Warning', reason: 'FailedScheduling', message, component: 'default-scheduler', action: 'Scheduling', instance: this.instance() }, at);
    } else {
      const node = feasible[this.next++ % feasible.length];
      next.spec = orderPodSpec({ ...specOf(next), nodeName: node.metadata.name });
      conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(at) });
      const message = `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node.metadata.name}`;
      this.events.recordV1(pod, { type: 'Normal', reason: 'Scheduled', message, component: 'default-scheduler', action: 'Binding', instance: this.instance() }, at);
    }
    status.conditions = conditions;
    next.status = orderKeys(status, podStatusOrder);
    this.ctx.store.update(podsGR, next);
  }
}
