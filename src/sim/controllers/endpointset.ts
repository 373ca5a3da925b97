// What the endpoints and endpointslice controllers both compute for a Service: its selected
// pods with an IP, their readiness, and each Service port resolved against the pod
// (podutil.FindPort: a named targetPort looks up the container port of that name).

import type { ObjectStore } from '../store.ts';
import type { JsonObject, KubeObject } from '../types.ts';
import { arrayOf, mapSelectorMatches, specOf, statusOf, stringMap, stringOf } from '../core/objects.ts';
import { isPodReady } from './replicaset.ts';
import { podsGR } from './workqueue.ts';

export interface ResolvedPort {
  name: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}

export interface PodEndpoint {
  pod: KubeObject;
  ip: string;
  nodeName: string;
  ready: boolean;
  ports: ResolvedPort[];
}

/** FindPort: a number is itself; a name is the pod's container port of that name and protocol. */
function findPort(pod: KubeObject, servicePort: JsonObject): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === 'number') return target;
  const name = String(target);
  if (/^\d+$/.test(name)) return Number(name);
  for (const c of arrayOf(specOf(pod).containers)) {
    for (const p of arrayOf(c.ports)) {
      if (p.name === name && (p.protocol ?? 'TCP') === (servicePort.protocol ?? 'TCP')) return Number(p.containerPort);
    }
  }
  return undefined;
}

/** Whether a Service has endpoints managed for it: a non-empty selector. */
export const hasSelector = (svc: KubeObject) => Object.keys(stringMap(specOf(svc).selector)).length > 0;

/** The selected pods that belong in the Service's endpoints, in IP order. */
export function serviceEndpoints(store: ObjectStore, svc: KubeObject): PodEndpoint[] {
  const selector = stringMap(specOf(svc).selector);
  const publishNotReady = specOf(svc).publishNotReadyAddresses === true;
  const out: PodEndpoint[] = [];
  for (const pod of store.list(podsGR, svc.metadata.namespace)) {
    if (!mapSelectorMatches(selector, pod.metadata.labels)) continue;
    const status = statusOf(pod);
    const ip = stringOf(status.podIP);
    if (!ip || pod.metadata.deletionTimestamp || status.phase === 'Succeeded' || status.phase === 'Failed') continue;
    const ports: ResolvedPort[] = [];
    for (const sp of arrayOf(specOf(svc).ports)) {
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      const resolved: ResolvedPort = { name: stringOf(sp.name), port, protocol: stringOf(sp.protocol) || 'TCP' };
      if (typeof sp.appProtocol === 'string') resolved.appProtocol = sp.appProtocol;
      ports.push(resolved);
    }
    out.push({ pod, ip, nodeName: stringOf(specOf(pod).nodeName), ready: publishNotReady || isPodReady(pod), ports });
  }
  return out.sort((a, b) => compareIPs(a.ip, b.ip) || ((a.pod.metadata.uid ?? '') < (b.pod.metadata.uid ?? '') ? -1 : 1));
}

/** addrsByIPAndUID's order: numerically by address. */
function compareIPs(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** The EndpointTriggerTime: the latest change among the Service and its pods (creation or readiness). */
export function lastChangeTriggerTime(svc: KubeObject, endpoints: PodEndpoint[]): number {
  let t = Date.parse(svc.metadata.creationTimestamp ?? '') || 0;
  for (const e of endpoints) {
    const created = Date.parse(e.pod.metadata.creationTimestamp ?? '') || 0;
    const ready = arrayOf(statusOf(e.pod).conditions).find((c) => c.type === 'Ready');
    const readyAt = Date.parse(stringOf(ready?.lastTransitionTime)) || 0;
    t = Math.max(t, created, readyAt);
  }
  return t;
}

/** The reference to a pod endpoints carry. */
export const podReference = (pod: KubeObject): JsonObject => ({
  kind: 'Pod',
  namespace: pod.metadata.namespace,
  name: pod.metadata.name,
  uid: pod.metadata.uid,
});
