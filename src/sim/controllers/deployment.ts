// kube-controller-manager's deployment controller (pkg/controller/deployment): each Deployment
// owns a ReplicaSet per pod template, named `<deployment>-<pod-template-hash>`. A rollout here
// converges in one reconcile — the new ReplicaSet gets every replica, old ones none — since a
// learner only sees the settled state; revisions, annotations, status and conditions follow
// the real controller (sync.go, rolling.go, progress.go, util/deployment_util.go).

import { rfc3339 } from '../clock.ts';
import type { ClusterContext } from '../context.ts';
import type { StoreEvent } from '../store.ts';
import { clone, type JsonObject, type KubeObject } from '../types.ts';
import { defaultReplicaSet, deploymentStatusOrder } from '../core/deployments.ts';
import { computeHash } from '../core/naming.ts';
import { arrayOf, controllerOf, controllerRef, isOwnedBy, numberOf, objectOf, orderKeys, specOf, statusOf, stringMap } from '../core/objects.ts';
import type { EventRecorder } from './events.ts';
import { KeyedController } from './keyed_controller.ts';
import { deploymentsGR, isGR, keyOf, replicaSetsGR } from './workqueue.ts';

export const revisionAnnotation = 'deployment.kubernetes.io/revision';
export const desiredReplicasAnnotation = 'deployment.kubernetes.io/desired-replicas';
export const maxReplicasAnnotation = 'deployment.kubernetes.io/max-replicas';
const podTemplateHashLabel = 'pod-template-hash';

/** Annotations a Deployment does not pass on to its ReplicaSets (skipCopyAnnotation). */
const notCopied = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  revisionAnnotation,
  'deployment.kubernetes.io/revision-history',
  desiredReplicasAnnotation,
  maxReplicasAnnotation,
  'deprecated.deployment.rollback.to',
]);

/** intstr.GetScaledValueFromIntOrPercent. */
function scaledValue(v: unknown, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.endsWith('%')) {
    const x = (Number(v.slice(0, -1)) * total) / 100;
    return roundUp ? Math.ceil(x) : Math.floor(x);
  }
  return Number(v) || 0;
}

const isRollingUpdate = (d: KubeObject) => objectOf(specOf(d).strategy).type === 'RollingUpdate';

/** ResolveFenceposts: surge rounds up, unavailable down; both zero means one may be unavailable. */
function fenceposts(d: KubeObject): { surge: number; unavailable: number } {
  const replicas = numberOf(specOf(d).replicas, 1);
  const ru = objectOf(objectOf(specOf(d).strategy).rollingUpdate);
  const surge = scaledValue(ru.maxSurge ?? '25%', replicas, true);
  let unavailable = scaledValue(ru.maxUnavailable ?? '25%', replicas, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

/** deploymentutil.MaxUnavailable. */
function maxUnavailable(d: KubeObject): number {
  const replicas = numberOf(specOf(d).replicas, 1);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  return Math.min(fenceposts(d).unavailable, replicas);
}

/** deploymentutil.MaxSurge. */
const maxSurge = (d: KubeObject) => (isRollingUpdate(d) ? fenceposts(d).surge : 0);

const revisionOf = (rs: KubeObject) => Number(rs.metadata.annotations?.[revisionAnnotation] ?? 0) || 0;

/** EqualIgnoreHash: the templates match once the pod-template-hash label is left out. */
function templatesEqualIgnoringHash(a: unknown, b: unknown): boolean {
  const strip = (t: unknown) => {
    const c = clone(objectOf(t));
    const meta = objectOf(c.metadata);
    const labels = { ...stringMap(meta.labels) };
    delete labels[podTemplateHashLabel];
    meta.labels = labels;
    c.metadata = meta;
    return JSON.stringify(c);
  };
  return strip(a) === strip(b);
}

interface Condition extends JsonObject {
  type: string;
  status: string;
  lastUpdateTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

const newCondition = (type: string, status: string, reason: string, message: string, time: number): Condition => ({
  type,
  status,
  lastUpdateTime: rfc3339(time),
  lastTransitionTime: rfc3339(time),
  reason,
  message,
});

/** deploymentutil.SetDeploymentCondition: same status and reason is a no-op; a changed one moves to the end. */
function setCondition(status: JsonObject, condition: Condition): void {
  const conditions = arrayOf(status.conditions) as Condition[];
  const current = conditions.find((c) => c.type === condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  if (current && current.status === condition.status) condition.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...conditions.filter((c) => c.type !== condition.type), condition];
}

const getCondition = (status: JsonObject, type: string) => (arrayOf(status.conditions) as Condition[]).find((c) => c.type === type);

export class DeploymentController extends KeyedController {
  readonly name = 'deployment';
  constructor(ctx: ClusterContext, events: EventRecorder) {
    super(ctx, events, deploymentsGR);
  }

  observe(e: StoreEvent): void {
    if (isGR(e, deploymentsGR) && e.type !== 'DELETED') {
      if (e.type === 'ADDED') this.time.noteCreated(e.object);
      this.queue.add(keyOf(e.object));
    } else if (isGR(e, replicaSetsGR)) {
      const owner = controllerOf(e.object);
      if (owner?.kind === 'Deployment') this.queue.add(`${e.object.metadata.namespace}/${String(owner.name)}`);
    }
  }

  resyncAll(): void {
    for (const d of this.ctx.store.list(deploymentsGR)) this.queue.add(keyOf(d));
  }

  protected handle(d: KubeObject, at: number): void {
    if (!d.metadata.deletionTimestamp) this.reconcile(clone(d), at);
  }


  private ownedReplicaSets(d: KubeObject): KubeObject[] {
    return this.ctx.store.list(replicaSetsGR, d.metadata.namespace).filter((rs) => isOwnedBy(rs, d));
  }

  private reconcile(d: KubeObject, at: number): void {
    const spec = specOf(d);
    const status = clone(statusOf(d));
    const replicas = numberOf(spec.replicas, 1);
    const owned = this.ownedReplicaSets(d);
    let newRS = owned.find((rs) => templatesEqualIgnoringHash(specOf(rs).template, spec.template));
    const oldRSs = owned.filter((rs) => rs !== newRS);
    const maxOldRevision = Math.max(0, ...oldRSs.map(revisionOf));
    // A scaling event (only spec.replicas changed) syncs status without judging progress.
    const scalingEvent = newRS !== undefined && newRS.metadata.annotations?.[desiredReplicasAnnotation] !== String(replicas);

    if (!newRS) {
      newRS = this.createReplicaSet(d, status, maxOldRevision + 1, at);
      if (!newRS) return;
    } else {
      newRS = this.syncReplicaSet(d, newRS, replicas, revisionOf(newRS) <= maxOldRevision ? maxOldRevision + 1 : revisionOf(newRS), at);
      if (spec.progressDeadlineSeconds !== undefined && !getCondition(status, 'Progressing')) {
        setCondition(status, newCondition('Progressing', 'True', 'FoundNewReplicaSet', `Found new replica set "${newRS.metadata.name}"`, at));
      }
    }
    for (const old of oldRSs) this.syncReplicaSet(d, old, 0, revisionOf(old), at);
    this.cleanupOldReplicaSets(d);

    const revision = newRS.metadata.annotations?.[revisionAnnotation];
    if (revision && d.metadata.annotations?.[revisionAnnotation] !== revision) {
      const fresh = clone(this.ctx.store.get(deploymentsGR, d.metadata.namespace, d.metadata.name ?? '')!);
      fresh.metadata.annotations = { ...(fresh.metadata.annotations ?? {}), [revisionAnnotation]: revision };
      d = this.ctx.store.update(deploymentsGR, fresh);
    }
    this.writeStatus(d, newRS, status, scalingEvent, at);
  }

  /** getNewReplicaSet's create path: `<deployment>-<hash>`, the hash bumped by collisions. */
  private createReplicaSet(d: KubeObject, status: JsonObject, revision: number, at: number): KubeObject | undefined {
    const spec = specOf(d);
    const replicas = numberOf(spec.replicas, 1);
    const collisionCount = typeof status.collisionCount === 'number' ? status.collisionCount : undefined;
    const hash = computeHash(spec.template, collisionCount);
    const name = `${d.metadata.name}-${hash}`;
    const existing = this.ctx.store.get(replicaSetsGR, d.metadata.namespace, name);
    if (existing) {
      // A name collision with a ReplicaSet that is not ours: count it and try the next hash.
      status.collisionCount = (collisionCount ?? 0) + 1;
      this.writeStatus(d, undefined, status, true, at);
      return undefined;
    }
    const template = clone(objectOf(spec.template));
    const templateMeta = objectOf(template.metadata);
    templateMeta.labels = { ...stringMap(templateMeta.labels), [podTemplateHashLabel]: hash };
    template.metadata = templateMeta;
    const selector = clone(objectOf(spec.selector));
    selector.matchLabels = { ...stringMap(selector.matchLabels), [podTemplateHashLabel]: hash };
    const annotations: Record<string, string> = {};
    for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (!notCopied.has(k)) annotations[k] = v;
    annotations[desiredReplicasAnnotation] = String(replicas);
    annotations[maxReplicasAnnotation] = String(replicas + maxSurge(d));
    annotations[revisionAnnotation] = String(revision);
    const rs: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name,
        namespace: d.metadata.namespace,
        generation: 1,
        labels: { ...stringMap(templateMeta.labels) },
        annotations,
        ownerReferences: [controllerRef(d) as never],
      },
      spec: {
        replicas,
        ...(spec.minReadySeconds !== undefined ? { minReadySeconds: spec.minReadySeconds } : {}),
        selector: orderKeys(selector, ['matchLabels', 'matchExpressions']),
        template,
      },
      status: { replicas: 0 },
    };
    defaultReplicaSet(rs);
    const created = this.ctx.store.create(replicaSetsGR, rs, at);
    if (replicas > 0) {
      this.events.record(d, { type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${name} from 0 to ${replicas}`, component: 'deployment-controller' }, at);
    }
    if (spec.progressDeadlineSeconds !== undefined) {
      setCondition(status, newCondition('Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${name}"`, at));
    }
    return created;
  }

  /** Scale a ReplicaSet and keep its deployment annotations current (SetReplicasAnnotations, revision). */
  private syncReplicaSet(d: KubeObject, rs: KubeObject, replicas: number, revision: number, at: number): KubeObject {
    const next = clone(rs);
    const spec = specOf(next);
    const from = numberOf(spec.replicas);
    spec.replicas = replicas;
    next.spec = spec;
    const annotations = { ...(next.metadata.annotations ?? {}) };
    annotations[desiredReplicasAnnotation] = String(numberOf(specOf(d).replicas, 1));
    annotations[maxReplicasAnnotation] = String(numberOf(specOf(d).replicas, 1) + maxSurge(d));
    annotations[revisionAnnotation] = String(revision);
    next.metadata.annotations = annotations;
    const stored = this.ctx.store.update(replicaSetsGR, next, { bumpGeneration: from !== replicas });
    if (from !== replicas) {
      const direction = replicas > from ? 'up' : 'down';
      this.events.record(d, { type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled ${direction} replica set ${rs.metadata.name} from ${from} to ${replicas}`, component: 'deployment-controller' }, at);
    }
    return stored;
  }

  /** cleanupDeployment: old, empty ReplicaSets beyond revisionHistoryLimit go, oldest revision first. */
  private cleanupOldReplicaSets(d: KubeObject): void {
    const limit = numberOf(specOf(d).revisionHistoryLimit, 10);
    const owned = this.ownedReplicaSets(d).filter((rs) => !templatesEqualIgnoringHash(specOf(rs).template, specOf(d).template));
    const removable = owned
      .filter((rs) => numberOf(specOf(rs).replicas) === 0 && numberOf(statusOf(rs).replicas) === 0)
      .sort((a, b) => revisionOf(a) - revisionOf(b));
    let excess = owned.length - limit;
    for (const rs of removable) {
      if (excess <= 0) break;
      this.ctx.store.delete(replicaSetsGR, rs.metadata.namespace, rs.metadata.name ?? '');
      excess--;
    }
  }

  /** calculateStatus, then syncRolloutStatus's Progressing condition unless only scaling. */
  private writeStatus(d: KubeObject, newRS: KubeObject | undefined, previous: JsonObject, scalingEvent: boolean, at: number): void {
    const all = this.ownedReplicaSets(d);
    const fresh = newRS ? (all.find((rs) => rs.metadata.uid === newRS.metadata.uid) ?? newRS) : undefined;
    const sum = (rss: KubeObject[], f: (s: JsonObject) => unknown) => rss.reduce((n, rs) => n + numberOf(f(statusOf(rs))), 0);
    const available = sum(all, (s) => s.availableReplicas);
    const total = all.reduce((n, rs) => n + numberOf(specOf(rs).replicas), 0);
    const replicas = numberOf(specOf(d).replicas, 1);
    const status: JsonObject = {
      observedGeneration: d.metadata.generation,
      replicas: sum(all, (s) => s.replicas),
      updatedReplicas: fresh ? numberOf(statusOf(fresh).replicas) : 0,
      readyReplicas: sum(all, (s) => s.readyReplicas),
      availableReplicas: available,
      unavailableReplicas: Math.max(0, total - available),
      conditions: clone(arrayOf(previous.conditions)),
      collisionCount: previous.collisionCount,
    };
    if (available >= replicas - maxUnavailable(d)) {
      setCondition(status, newCondition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', at));
    } else {
      setCondition(status, newCondition('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', at));
    }
    if (!scalingEvent && specOf(d).progressDeadlineSeconds !== undefined) this.syncProgressing(d, fresh, previous, status, at);
    for (const k of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas']) if (status[k] === 0) delete status[k];
    if (arrayOf(status.conditions).length === 0) delete status.conditions;
    const current = this.ctx.store.get(deploymentsGR, d.metadata.namespace, d.metadata.name ?? '');
    if (!current) return;
    const next = clone(current);
    next.status = orderKeys(status, deploymentStatusOrder);
    this.ctx.store.update(deploymentsGR, next);
  }

  private syncProgressing(d: KubeObject, newRS: KubeObject | undefined, previous: JsonObject, status: JsonObject, at: number): void {
    const replicas = numberOf(specOf(d).replicas, 1);
    const current = getCondition(status, 'Progressing');
    const complete = status.replicas === status.updatedReplicas && current?.reason === 'NewReplicaSetAvailable';
    if (complete) return;
    const rsName = newRS?.metadata.name;
    if (
      status.updatedReplicas === replicas &&
      status.replicas === replicas &&
      status.availableReplicas === replicas &&
      numberOf(status.observedGeneration) >= numberOf(d.metadata.generation)
    ) {
      const msg = rsName ? `ReplicaSet "${rsName}" has successfully progressed.` : `Deployment "${d.metadata.name}" has successfully progressed.`;
      setCondition(status, newCondition('Progressing', 'True', 'NewReplicaSetAvailable', msg, at));
      return;
    }
    const progressed =
      numberOf(status.updatedReplicas) > numberOf(previous.updatedReplicas) ||
      numberOf(status.replicas) < numberOf(previous.replicas) ||
      numberOf(status.readyReplicas) > numberOf(previous.readyReplicas) ||
      numberOf(status.availableReplicas) > numberOf(previous.availableReplicas);
    if (progressed) {
      const msg = rsName ? `ReplicaSet "${rsName}" is progressing.` : `Deployment "${d.metadata.name}" is progressing.`;
      const condition = newCondition('Progressing', 'True', 'ReplicaSetUpdated', msg, at);
      if (current?.status === 'True') condition.lastTransitionTime = current.lastTransitionTime;
      status.conditions = [...arrayOf(status.conditions).filter((c) => c.type !== 'Progressing'), condition];
    }
  }
}
