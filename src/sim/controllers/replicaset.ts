// kube-controller-manager's replicaset controller (pkg/controller/replicaset): keeps
// spec.replicas pods `<replicaset>-<5 characters>` alive and reports them in status.
//
// Scaling down picks victims as controller.ActivePodsWithRanks sorts them: unscheduled before
// scheduled, Pending before Running, not ready before ready, pods on nodes crowded with their
// siblings first, then the most recently ready, then the newest — so with every pod ready and
// spread evenly, the newest pods go first.

import type { ClusterContext } from '../context.ts';
import type { StoreEvent } from '../store.ts';
import { clone, type JsonObject, type KubeObject } from '../types.ts';
import { replicaSetStatusOrder } from '../core/deployments.ts';
import { derivedSuffix } from '../core/naming.ts';
import { arrayOf, controllerOf, controllerRef, isOwnedBy, mapSelectorMatches, numberOf, objectOf, orderKeys, specOf, statusOf, stringMap, stringOf } from '../core/objects.ts';
import { admitNewPod } from '../core/pods.ts';
import type { EventRecorder } from './events.ts';
import { KeyedController } from './keyed_controller.ts';
import { isGR, keyOf, podsGR, replicaSetsGR } from './workqueue.ts';

const condition = (pod: KubeObject, type: string) => arrayOf(statusOf(pod).conditions).find((c) => c.type === type);
export const isPodReady = (pod: KubeObject) => condition(pod, 'Ready')?.status === 'True';
const isActive = (pod: KubeObject) => {
  const phase = statusOf(pod).phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
};

/** podutil.IsPodAvailable: ready, and for at least minReadySeconds. */
function isPodAvailable(pod: KubeObject, minReadySeconds: number, now: number): boolean {
  const ready = condition(pod, 'Ready');
  if (ready?.status !== 'True') return false;
  if (minReadySeconds === 0) return true;
  const since = Date.parse(stringOf(ready.lastTransitionTime));
  return !Number.isNaN(since) && since + minReadySeconds * 1000 <= now;
}

const phaseRank: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** ActivePodsWithRanks' Less: true when a should be deleted before b. */
function deleteBefore(a: KubeObject, b: KubeObject, rank: Map<KubeObject, number>): number {
  const nodeA = stringOf(specOf(a).nodeName);
  const nodeB = stringOf(specOf(b).nodeName);
  if (!nodeA !== !nodeB) return !nodeA ? -1 : 1;
  const pa = phaseRank[stringOf(statusOf(a).phase)] ?? 0;
  const pb = phaseRank[stringOf(statusOf(b).phase)] ?? 0;
  if (pa !== pb) return pa - pb;
  if (isPodReady(a) !== isPodReady(b)) return isPodReady(a) ? 1 : -1;
  const ra = rank.get(a) ?? 0;
  const rb = rank.get(b) ?? 0;
  if (ra !== rb) return rb - ra;
  const readyA = Date.parse(stringOf(condition(a, 'Ready')?.lastTransitionTime)) || 0;
  const readyB = Date.parse(stringOf(condition(b, 'Ready')?.lastTransitionTime)) || 0;
  if (readyA !== readyB) return readyB - readyA;
  const restarts = (p: KubeObject) => arrayOf(statusOf(p).containerStatuses).reduce((n, c) => n + numberOf(c.restartCount), 0);
  if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
  const createdA = Date.parse(a.metadata.creationTimestamp ?? '') || 0;
  const createdB = Date.parse(b.metadata.creationTimestamp ?? '') || 0;
  if (createdA !== createdB) return createdB - createdA;
  return (b.metadata.name ?? '') < (a.metadata.name ?? '') ? -1 : 1;
}

export class ReplicaSetController extends KeyedController {
  readonly name = 'replicaset';
  private created = new Map<string, number>();
  constructor(ctx: ClusterContext, events: EventRecorder) {
    super(ctx, events, replicaSetsGR);
  }

  observe(e: StoreEvent): void {
    if (isGR(e, replicaSetsGR) && e.type !== 'DELETED') {
      if (e.type === 'ADDED') this.time.noteCreated(e.object);
      this.queue.add(keyOf(e.object));
    } else if (isGR(e, podsGR)) {
      const owner = controllerOf(e.object);
      if (owner?.kind === 'ReplicaSet') this.queue.add(`${e.object.metadata.namespace}/${String(owner.name)}`);
    }
  }

  resyncAll(): void {
    for (const rs of this.ctx.store.list(replicaSetsGR)) this.queue.add(keyOf(rs));
  }

  protected handle(rs: KubeObject, at: number): void {
    if (!rs.metadata.deletionTimestamp) this.reconcile(rs, at);
  }


  private ownedPods(rs: KubeObject): KubeObject[] {
    return this.ctx.store.list(podsGR, rs.metadata.namespace).filter((p) => isOwnedBy(p, rs) && isActive(p));
  }

  private reconcile(rs: KubeObject, at: number): void {
    const wanted = numberOf(specOf(rs).replicas, 1);
    const pods = this.ownedPods(rs);
    if (pods.length < wanted) for (let i = pods.length; i < wanted; i++) this.createPod(rs, at);
    if (pods.length > wanted) this.deletePods(rs, pods, pods.length - wanted, at);
    this.writeStatus(rs);
  }

  /** A pod from the template, named as generateName `<replicaset>-` would name it. */
  private createPod(rs: KubeObject, at: number): void {
    const template = objectOf(specOf(rs).template);
    const meta = objectOf(template.metadata);
    const generateName = `${rs.metadata.name}-`;
    let name: string;
    do {
      const n = (this.created.get(rs.metadata.uid ?? '') ?? 0) + 1;
      this.created.set(rs.metadata.uid ?? '', n);
      name = generateName + derivedSuffix(`${rs.metadata.uid}#${n}`);
    } while (this.ctx.store.get(podsGR, rs.metadata.namespace, name));
    const metadata: KubeObject['metadata'] = { name, generateName, namespace: rs.metadata.namespace, labels: stringMap(meta.labels) };
    if (meta.annotations) metadata.annotations = stringMap(meta.annotations);
    metadata.ownerReferences = [controllerRef(rs) as never];
    const pod = admitNewPod({ apiVersion: 'v1', kind: 'Pod', metadata, spec: clone(objectOf(template.spec)) });
    this.ctx.store.create(podsGR, pod, at);
    this.events.record(rs, { type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${name}`, component: 'replicaset-controller' }, at);
  }

  private deletePods(rs: KubeObject, pods: KubeObject[], count: number, at: number): void {
    // Rank: how many of this ReplicaSet's pods share the pod's node.
    const perNode = new Map<string, number>();
    for (const p of pods) perNode.set(stringOf(specOf(p).nodeName), (perNode.get(stringOf(specOf(p).nodeName)) ?? 0) + 1);
    const rank = new Map(pods.map((p) => [p, specOf(p).nodeName ? (perNode.get(stringOf(specOf(p).nodeName)) ?? 0) : 0]));
    const victims = [...pods].sort((a, b) => deleteBefore(a, b, rank)).slice(0, count);
    for (const pod of victims) {
      this.ctx.store.delete(podsGR, pod.metadata.namespace, pod.metadata.name ?? '');
      this.events.record(rs, { type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${pod.metadata.name}`, component: 'replicaset-controller' }, at);
    }
  }

  /** calculateStatus: counts of owned pods; zero counts are omitted except replicas. */
  private writeStatus(rs: KubeObject): void {
    const current = this.ctx.store.get(replicaSetsGR, rs.metadata.namespace, rs.metadata.name ?? '');
    if (!current) return;
    const pods = this.ownedPods(current);
    const templateLabels = stringMap(objectOf(objectOf(specOf(current).template).metadata).labels);
    const minReadySeconds = numberOf(specOf(current).minReadySeconds);
    const now = this.ctx.clock.now();
    const status: JsonObject = {
      replicas: pods.length,
      fullyLabeledReplicas: pods.filter((p) => mapSelectorMatches(templateLabels, p.metadata.labels)).length,
      readyReplicas: pods.filter(isPodReady).length,
      availableReplicas: pods.filter((p) => isPodAvailable(p, minReadySeconds, now)).length,
      observedGeneration: current.metadata.generation,
      conditions: statusOf(current).conditions,
    };
    for (const k of ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas']) if (status[k] === 0) delete status[k];
    const next = clone(current);
    next.status = orderKeys(status, replicaSetStatusOrder);
    this.ctx.store.update(replicaSetsGR, next);
  }
}
