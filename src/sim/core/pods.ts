// core/v1 pods: defaulting (SetDefaults_Pod), the registry strategy with the admission plugins
// that shape every pod (ServiceAccount, Priority, DefaultTolerationSeconds), validation, and
// printPod's Table.

import type { ResourceType, TableDefinition } from '../resources.ts';
import { ageColumn, column, nameColumn } from '../table.ts';
import { age } from '../../lib/duration.ts';
import { clone, isObject, type JsonObject, type KubeObject } from '../types.ts';
import { describe } from './descriptions.ts';
import { arrayOf, defaultTo, objectOf, orderKeys, specOf, statusOf, stringOf } from './objects.ts';
import { derivedSuffix } from './naming.ts';
import { defaultPodSpec, validatePodSpec } from './podspec.ts';
import { isDNS1123Subdomain, validateObjectMeta } from './validation.ts';

export const podStatusOrder = [
  'phase', 'conditions', 'message', 'reason', 'nominatedNodeName', 'hostIP', 'hostIPs', 'podIP', 'podIPs', 'startTime',
  'initContainerStatuses', 'containerStatuses', 'qosClass', 'ephemeralContainerStatuses', 'resize', 'resourceClaimStatuses',
] as const;

const criticalPriorities: Record<string, number> = { 'system-node-critical': 2000001000, 'system-cluster-critical': 2000000000 };

/** SetDefaults_Pod: the PodSpec defaults, service links, and requests defaulted from limits. */
function defaultPod(pod: KubeObject): void {
  if (!isObject(pod.spec)) pod.spec = {};
  const spec = pod.spec as JsonObject;
  for (const c of [...arrayOf(spec.initContainers), ...arrayOf(spec.containers)]) {
    const resources = objectOf(c.resources);
    if (isObject(resources.limits)) {
      const requests = objectOf(resources.requests);
      for (const [k, v] of Object.entries(resources.limits)) if (requests[k] === undefined) requests[k] = v;
      resources.requests = requests;
      c.resources = orderKeys(resources, ['limits', 'requests', 'claims']);
    }
  }
  defaultPodSpec(spec);
  defaultTo(spec, 'enableServiceLinks', true);
  orderKeys(pod, ['kind', 'apiVersion', 'metadata', 'spec', 'status']);
}

/** qos.GetPodQOS, for the containers' requests and limits of cpu and memory. */
export function podQOSClass(spec: JsonObject): string {
  const containers = [...arrayOf(spec.initContainers), ...arrayOf(spec.containers)];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const resources = objectOf(c.resources);
    const requests = objectOf(resources.requests);
    const limits = objectOf(resources.limits);
    for (const r of ['cpu', 'memory']) {
      if (requests[r] !== undefined || limits[r] !== undefined) any = true;
      if (limits[r] === undefined || (requests[r] !== undefined && requests[r] !== limits[r])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/**
 * The kubelet's IsStaticPod: a pod from any source but the apiserver ("api"), that is, read from a
 * manifest file or URL on its node. Its API object is the kubelet's mirror pod.
 */
export function isStaticPod(pod: KubeObject): boolean {
  const source = pod.metadata.annotations?.['kubernetes.io/config.source'];
  return source !== undefined && source !== 'api';
}

const isMirrorPod = (pod: KubeObject) => pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined || isStaticPod(pod);

/** The ServiceAccount admission plugin: default account and the projected API token volume. */
function admitServiceAccount(pod: KubeObject, spec: JsonObject): void {
  if (isMirrorPod(pod)) return;
  const account = stringOf(spec.serviceAccountName) || stringOf(spec.serviceAccount) || 'default';
  spec.serviceAccountName = account;
  spec.serviceAccount = account;
  if (spec.automountServiceAccountToken === false) return;
  const volumes = arrayOf(spec.volumes);
  if (volumes.some((v) => stringOf(v.name).startsWith('kube-api-access-'))) return;
  const name = `kube-api-access-${derivedSuffix(`${pod.metadata.namespace}/${pod.metadata.name}/kube-api-access`)}`;
  volumes.push({
    name,
    projected: {
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
      defaultMode: 420,
    },
  });
  spec.volumes = volumes;
  for (const c of [...arrayOf(spec.initContainers), ...arrayOf(spec.containers)]) {
    const mounts = arrayOf(c.volumeMounts);
    mounts.push({ name, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' });
    c.volumeMounts = mounts;
  }
}

/** The Priority and DefaultTolerationSeconds admission plugins. */
function admitSchedulingDefaults(spec: JsonObject): void {
  defaultTo(spec, 'priority', criticalPriorities[stringOf(spec.priorityClassName)] ?? 0);
  defaultTo(spec, 'preemptionPolicy', 'PreemptLowerPriority');
  const tolerations = arrayOf(spec.tolerations);
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    // An empty key or effect matches every taint key or effect.
    const tolerated = tolerations.some((t) => (t.key === key || !t.key) && (!t.effect || t.effect === 'NoExecute'));
    if (!tolerated) tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  }
  spec.tolerations = tolerations;
}

/** Pod creation as the registry and admission chain prepare it. */
function prepareForCreate(pod: KubeObject): void {
  const spec = specOf(pod);
  admitServiceAccount(pod, spec);
  admitSchedulingDefaults(spec);
  defaultPodSpec(spec);
  pod.spec = spec;
  pod.status = { phase: 'Pending', qosClass: podQOSClass(spec) };
}

function prepareForUpdate(pod: KubeObject, old: KubeObject): void {
  pod.status = clone(old.status);
}

function validate(pod: KubeObject): ReturnType<NonNullable<ResourceType['validate']>> {
  return [...validateObjectMeta(pod, true, isDNS1123Subdomain), ...validatePodSpec(specOf(pod), 'spec')];
}

const isRestartableInit = (c: JsonObject | undefined) => c?.restartPolicy === 'Always';
const condition = (status: JsonObject, type: string) => arrayOf(status.conditions).find((c) => c.type === type);
const lastTerminated = (cs: JsonObject): string => stringOf(objectOf(objectOf(cs.lastState).terminated).finishedAt);

/** printPod: READY, STATUS (the reason a learner sees), RESTARTS, and the wide columns. */
export function podCells(pod: KubeObject, now: number): unknown[] {
  const spec = specOf(pod);
  const status = statusOf(pod);
  const initSpecs = arrayOf(spec.initContainers);
  let restarts = 0;
  let restartableInitRestarts = 0;
  let totalContainers = arrayOf(spec.containers).length;
  let readyContainers = 0;
  let lastRestart = '';
  let lastRestartableInitRestart = '';
  const later = (a: string, b: string) => (Date.parse(b) > (a ? Date.parse(a) : -Infinity) ? b : a);

  let reason = stringOf(status.reason) || stringOf(status.phase);
  const scheduled = condition(status, 'PodScheduled');
  if (scheduled?.reason === 'SchedulingGated') reason = 'SchedulingGated';
  for (const c of initSpecs) if (isRestartableInit(c)) totalContainers++;

  let initializing = false;
  const initStatuses = arrayOf(status.initContainerStatuses);
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    const csSpec = initSpecs.find((c) => c.name === cs.name);
    restarts += Number(cs.restartCount ?? 0);
    if (lastTerminated(cs)) lastRestart = later(lastRestart, lastTerminated(cs));
    if (isRestartableInit(csSpec)) {
      restartableInitRestarts += Number(cs.restartCount ?? 0);
      if (lastTerminated(cs)) lastRestartableInitRestart = later(lastRestartableInitRestart, lastTerminated(cs));
    }
    const state = objectOf(cs.state);
    const terminated = isObject(state.terminated) ? state.terminated : undefined;
    const waiting = isObject(state.waiting) ? state.waiting : undefined;
    if (terminated && Number(terminated.exitCode ?? 0) === 0) continue;
    if (isRestartableInit(csSpec) && cs.started === true) {
      if (cs.ready === true) readyContainers++;
      continue;
    }
    if (terminated) {
      reason = terminated.reason
        ? `Init:${stringOf(terminated.reason)}`
        : terminated.signal
          ? `Init:Signal:${String(terminated.signal)}`
          : `Init:ExitCode:${String(terminated.exitCode ?? 0)}`;
    } else if (waiting && stringOf(waiting.reason) && waiting.reason !== 'PodInitializing') {
      reason = `Init:${stringOf(waiting.reason)}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || condition(status, 'Initialized')?.status === 'True') {
    restarts = restartableInitRestarts;
    lastRestart = lastRestartableInitRestart;
    let hasRunning = false;
    const statuses = arrayOf(status.containerStatuses);
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts += Number(cs.restartCount ?? 0);
      if (lastTerminated(cs)) lastRestart = later(lastRestart, lastTerminated(cs));
      const state = objectOf(cs.state);
      const waiting = isObject(state.waiting) ? state.waiting : undefined;
      const terminated = isObject(state.terminated) ? state.terminated : undefined;
      if (waiting && stringOf(waiting.reason)) reason = stringOf(waiting.reason);
      else if (terminated && stringOf(terminated.reason)) reason = stringOf(terminated.reason);
      else if (terminated) reason = terminated.signal ? `Signal:${String(terminated.signal)}` : `ExitCode:${String(terminated.exitCode ?? 0)}`;
      else if (cs.ready === true && isObject(state.running)) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = condition(status, 'Ready')?.status === 'True' ? 'Running' : 'NotReady';
  }

  const phase = stringOf(status.phase);
  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestart) restartsText = `${restarts} (${age(lastRestart, now)} ago)`;

  const podIPs = arrayOf(status.podIPs);
  const podIP = stringOf(podIPs[0]?.ip) || '<none>';
  const gates = arrayOf(spec.readinessGates);
  let readinessGates = '<none>';
  if (gates.length > 0) {
    const trueCount = gates.filter((g) => condition(status, stringOf(g.conditionType))?.status === 'True').length;
    readinessGates = `${trueCount}/${gates.length}`;
  }
  return [
    pod.metadata.name ?? '',
    `${readyContainers}/${totalContainers}`,
    reason,
    restartsText,
    age(pod.metadata.creationTimestamp, now),
    podIP,
    stringOf(spec.nodeName) || '<none>',
    stringOf(status.nominatedNodeName) || '<none>',
    readinessGates,
  ];
}

export const podTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
    column('Status', 'string', 'The aggregate status of the containers in this pod.'),
    column('Restarts', 'string', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
    ageColumn,
    column('IP', 'string', describe.podIP, 1),
    column('Node', 'string', describe.podNodeName, 1),
    column('Nominated Node', 'string', describe.nominatedNodeName, 1),
    column('Readiness Gates', 'string', describe.readinessGates, 1),
  ],
  cells: (obj, ctx) => podCells(obj, ctx.now),
};

export const podBehaviour: Partial<ResourceType> = {
  defaults: defaultPod,
  prepareForCreate,
  prepareForUpdate,
  validate,
  table: podTable,
  fieldSelectors: [
    'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork',
    'status.phase', 'status.podIP', 'status.podIPs', 'status.nominatedNodeName',
  ],
};

/** A pod as the apiserver would store it after a create request (controllers write directly). */
export function admitNewPod(pod: KubeObject): KubeObject {
  defaultPod(pod);
  prepareForCreate(pod);
  return pod;
}
