// A pod's resource arithmetic as kubectl describe does it: the effective requests and limits
// (component-helpers' PodRequestsAndLimits) and the QoS class (qos.GetPodQOS).

import type { Json } from './fetch.ts';
import { addFormatted, compareQuantities, formattedQuantityOf, quantityMilliValue, quantityValue, type FormattedQuantity } from '../quantity.ts';
import type { PodLike } from './pod.ts';

export type ResourceList = Map<string, FormattedQuantity>;


const listOf = (raw: unknown): ResourceList => {
  const out: ResourceList = new Map();
  for (const [k, v] of Object.entries((raw as Json | undefined) ?? {})) out.set(k, formattedQuantityOf(v));
  return out;
};

/** addResourceList: a missing entry takes a copy, an existing one is added to. */
export function addResourceList(into: ResourceList, from: ResourceList): void {
  for (const [k, v] of from) {
    const have = into.get(k);
    into.set(k, have ? addFormatted(have, v) : v);
  }
}

const compare = (a: FormattedQuantity, b: FormattedQuantity) => compareQuantities(a.value, b.value);

/** maxResourceList: each entry becomes the larger of the two. */
function maxResourceList(into: ResourceList, from: ResourceList): void {
  for (const [k, v] of from) {
    const have = into.get(k);
    if (!have || compare(v, have) > 0) into.set(k, v);
  }
}

function aggregate(pod: PodLike, field: 'requests' | 'limits'): ResourceList {
  const spec = pod.spec ?? {};
  const total: ResourceList = new Map();
  for (const c of (spec.containers as Json[] | undefined) ?? []) addResourceList(total, listOf(c.resources?.[field]));
  // Sidecars (restartable init containers) run alongside everything after them; plain init containers one at a time.
  const sidecars: ResourceList = new Map();
  const initMax: ResourceList = new Map();
  for (const c of (spec.initContainers as Json[] | undefined) ?? []) {
    let own = listOf(c.resources?.[field]);
    if (c.restartPolicy === 'Always') {
      addResourceList(total, own);
      addResourceList(sidecars, own);
      own = new Map(sidecars);
    } else {
      const withSidecars: ResourceList = new Map();
      addResourceList(withSidecars, own);
      addResourceList(withSidecars, sidecars);
      own = withSidecars;
    }
    maxResourceList(initMax, own);
  }
  maxResourceList(total, initMax);
  const overhead = listOf(spec.overhead);
  if (field === 'requests') addResourceList(total, overhead);
  else for (const [k, v] of overhead) if (total.has(k)) total.set(k, addFormatted(total.get(k)!, v));
  return total;
}

/** PodRequestsAndLimits */
export function podRequestsAndLimits(pod: PodLike): { requests: ResourceList; limits: ResourceList } {
  return { requests: aggregate(pod, 'requests'), limits: aggregate(pod, 'limits') };
}

const isZero = (q: FormattedQuantity) => q.value.numerator === 0n;

/** qos.GetPodQOS: the status's class when the kubelet set one, else computed from the containers. */
export function qosClassOf(pod: PodLike): string {
  if (pod.status?.qosClass) return String(pod.status.qosClass);
  const supported = ['cpu', 'memory'];
  const requests: ResourceList = new Map();
  const limits: ResourceList = new Map();
  let guaranteed = true;
  const containers = [...((pod.spec?.containers as Json[] | undefined) ?? []), ...((pod.spec?.initContainers as Json[] | undefined) ?? [])];
  for (const c of containers) {
    for (const [k, v] of listOf(c.resources?.requests)) if (supported.includes(k) && !isZero(v)) addResourceList(requests, new Map([[k, v]]));
    const found = new Set<string>();
    for (const [k, v] of listOf(c.resources?.limits)) {
      if (supported.includes(k) && !isZero(v)) {
        found.add(k);
        addResourceList(limits, new Map([[k, v]]));
      }
    }
    if (!supported.every((k) => found.has(k))) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) for (const [k, v] of requests) if (!limits.has(k) || compare(limits.get(k)!, v) !== 0) guaranteed = false;
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

/** Value() and MilliValue() as numbers, for kubectl's float64 percentages. */
export const valueOf = (q: FormattedQuantity | undefined) => (q ? Number(quantityValue(q.value)) : 0);
export const milliValueOf = (q: FormattedQuantity | undefined) => (q ? Number(quantityMilliValue(q.value)) : 0);
