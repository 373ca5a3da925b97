// The Deployment and ReplicaSet describers: replica counts, the pod template, conditions, the
// deployment's replica sets (deploymentutil.GetAllReplicaSetsInChunks) and events.

import type { CommandContext } from '../cmd/command.ts';
import { deepEqual } from '../../lib/deep_equal.ts';
import { describeEvents, eventsFor, limitParam, type DescriberSettings } from './events.ts';
import { apps, core, getTyped, listTyped, type Json } from './fetch.ts';
import { describePodTemplate, type PodLike } from './pod.ts';
import { goSortSlice } from '../printers/go_sort.ts';
import {
  controllerOf,
  DescribeWriter,
  formatLabelSelector,
  printAnnotationsMultiline,
  printLabelsMultiline,
  rfc1123z,
  selectorString,
  type LabelSelector,
  type OwnerReference,
} from './writer.ts';


interface Workload {
  metadata: Json & { name: string; namespace?: string; uid?: string; creationTimestamp?: string; labels?: Record<string, string>; annotations?: Record<string, string>; ownerReferences?: OwnerReference[] };
  spec?: Json & { selector?: LabelSelector; replicas?: number; template?: PodLike };
  status?: Json;
}

const controlledBy = (obj: { metadata?: { ownerReferences?: OwnerReference[] } }, uid: string | undefined) => {
  const ref = controllerOf(obj.metadata);
  return ref !== undefined && ref.uid === uid;
};

function describeConditions(w: DescribeWriter, conditions: Json[] | undefined): void {
  if (!conditions || conditions.length === 0) return;
  w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(1, '----\t------\t------\n');
  for (const c of conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

/** ReplicaSetDescriber */
export async function describeReplicaSet(ctx: CommandContext, namespace: string, name: string, settings: DescriberSettings): Promise<string> {
  const rs = await getTyped<Workload>(ctx, apps('replicasets'), namespace, name);
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  let podError: Error | undefined;
  try {
    const pods = await listTyped<PodLike>(ctx, core('pods'), namespace, { labelSelector: selectorString(rs.spec?.selector), limit: limitParam(settings) });
    for (const pod of pods) {
      if (!controlledBy(pod, rs.metadata.uid)) continue;
      const phase = pod.status?.phase as keyof typeof counts;
      if (phase in counts) counts[phase]++;
    }
  } catch (e) {
    podError = e as Error;
  }
  const events = await eventsFor(ctx, { name: rs.metadata.name, namespace: rs.metadata.namespace ?? '', kind: 'ReplicaSet', uid: rs.metadata.uid }, settings);
  const w = new DescribeWriter();
  w.write(0, `Name:\t${rs.metadata.name}\n`);
  w.write(0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
  printLabelsMultiline(w, 'Labels', rs.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
  const controller = controllerOf(rs.metadata);
  if (controller) w.write(0, `Controlled By:\t${controller.kind ?? ''}/${controller.name ?? ''}\n`);
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
  w.write(0, 'Pods Status:\t');
  if (podError) w.write(0, `error in fetching pods: ${podError.message}\n`);
  else w.write(0, `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed\n`);
  describePodTemplate(w, rs.spec?.template);
  describeConditions(w, rs.status?.conditions);
  if (events) describeEvents(w, events, ctx.now());
  return w.text();
}

/** EqualIgnoreHash: pod templates equal once the pod-template-hash label is dropped. */
function equalIgnoreHash(a: PodLike | undefined, b: PodLike | undefined): boolean {
  const strip = (t: PodLike | undefined) => {
    const copy = JSON.parse(JSON.stringify(t ?? {})) as PodLike;
    if (copy.metadata?.labels) {
      delete copy.metadata.labels['pod-template-hash'];
      if (Object.keys(copy.metadata.labels).length === 0) delete copy.metadata.labels;
    }
    return copy;
  };
  return deepEqual(strip(a), strip(b));
}

const replicaSetsText = (list: Workload[]) =>
  list.length === 0 ? '<none>' : list.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ');

/** An intstr as IntOrString.String() prints it. */
const intOrString = (v: unknown) => (v === undefined || v === null ? '0' : String(v));

/** DeploymentDescriber */
export async function describeDeployment(ctx: CommandContext, namespace: string, name: string, settings: DescriberSettings): Promise<string> {
  const d = await getTyped<Workload>(ctx, apps('deployments'), namespace, name);
  const events = await eventsFor(ctx, { name: d.metadata.name, namespace: d.metadata.namespace ?? '', kind: 'Deployment', uid: d.metadata.uid }, settings);
  let oldRSs: Workload[] = [];
  let newRSs: Workload[] = [];
  try {
    const all = await listTyped<Workload>(ctx, apps('replicasets'), d.metadata.namespace ?? namespace, { labelSelector: selectorString(d.spec?.selector), limit: limitParam(settings) });
    const owned = all.filter((rs) => controlledBy(rs, d.metadata.uid));
    // ReplicaSetsByCreationTimestamp: oldest first, names breaking ties.
    goSortSlice(owned, (a, b) => {
      const ta = Date.parse(a.metadata.creationTimestamp ?? '');
      const tb = Date.parse(b.metadata.creationTimestamp ?? '');
      return ta === tb ? a.metadata.name < b.metadata.name : ta < tb;
    });
    const newRS = owned.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
    oldRSs = owned.filter((rs) => rs !== newRS);
    newRSs = newRS ? [newRS] : [];
  } catch {
    // kubectl describes the deployment without its replica sets.
  }
  const w = new DescribeWriter();
  const strategy = (d.spec?.strategy as Json | undefined) ?? {};
  w.write(0, `Name:\t${d.metadata.name}\n`);
  w.write(0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  printLabelsMultiline(w, 'Labels', d.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations);
  w.write(0, `Selector:\t${selectorString(d.spec?.selector)}\n`);
  const s = d.status ?? {};
  w.write(0, `Replicas:\t${d.spec?.replicas ?? 0} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable\n`);
  w.write(0, `StrategyType:\t${strategy.type ?? ''}\n`);
  w.write(0, `MinReadySeconds:\t${d.spec?.minReadySeconds ?? 0}\n`);
  if (strategy.rollingUpdate) w.write(0, `RollingUpdateStrategy:\t${intOrString(strategy.rollingUpdate.maxUnavailable)} max unavailable, ${intOrString(strategy.rollingUpdate.maxSurge)} max surge\n`);
  describePodTemplate(w, d.spec?.template);
  describeConditions(w, s.conditions);
  if (oldRSs.length > 0 || newRSs.length > 0) {
    w.write(0, `OldReplicaSets:\t${replicaSetsText(oldRSs)}\n`);
    w.write(0, `NewReplicaSet:\t${replicaSetsText(newRSs)}\n`);
  }
  if (events) describeEvents(w, events, ctx.now());
  return w.text();
}
