// The Service ClusterIP allocator (pkg/registry/core/service/ipallocator) over the default
// service CIDR 10.96.0.0/12. The real one picks at random from the upper band of the range;
// this one derives the offset from the Service's namespace/name and probes linearly, so a
// scenario always yields the same IPs whatever the order objects are created in.

import type { ObjectLookup } from '../resources.ts';
import { arrayOf, specOf, stringOf } from './objects.ts';
import { fnv32a } from './naming.ts';

export const serviceCIDR = { base: (10 << 24) | (96 << 16), size: 1 << 20 };
/** The lower band (min(max(16, size/16), 256) addresses) is kept for static addresses like 10.96.0.10. */
const staticBand = Math.min(Math.max(16, serviceCIDR.size / 16), 256);

export const ipv4 = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 0xff).join('.');

function usedClusterIPs(lookup: ObjectLookup): Set<string> {
  const used = new Set<string>();
  for (const svc of lookup.list({ group: '', resource: 'services' })) {
    const spec = specOf(svc);
    for (const ip of Array.isArray(spec.clusterIPs) ? spec.clusterIPs : [spec.clusterIP]) if (typeof ip === 'string' && ip) used.add(ip);
  }
  return used;
}

/** The first service IP of the range: the `kubernetes` Service's. */
export const firstServiceIP = ipv4(serviceCIDR.base + 1);

/** A free ClusterIP for default/kubernetes (always .1) or any other Service. */
export function allocateClusterIP(namespace: string, name: string, lookup: ObjectLookup): string {
  if (namespace === 'default' && name === 'kubernetes') return firstServiceIP;
  const used = usedClusterIPs(lookup);
  const dynamicSize = serviceCIDR.size - staticBand - 1; // the broadcast address is not handed out
  let offset = fnv32a(`${namespace}/${name}`) % dynamicSize;
  for (let tries = 0; tries < dynamicSize; tries++, offset = (offset + 1) % dynamicSize) {
    const ip = ipv4(serviceCIDR.base + staticBand + offset);
    if (!used.has(ip)) return ip;
  }
  throw new Error('range is full');
}

/** Whether a Service still needs an address: not headless, not ExternalName, none given. */
export function needsClusterIP(spec: Record<string, unknown>): boolean {
  if (spec.type === 'ExternalName') return false;
  const ip = stringOf(spec.clusterIP) || stringOf(arrayOf(spec.clusterIPs)[0]);
  return ip === '';
}
