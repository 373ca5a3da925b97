// kube-aggregator's ServiceResolver as kube-apiserver configures it by default (ClusterIP routing:
// apiserver pkg/util/proxy ResolveCluster), followed by what the network does with the
// connection: kube-proxy forwards the ClusterIP to a ready endpoint, and something must be
// listening there. In the sim, "listening" means an in-process extension server registered in
// ctx.backends under `namespace/name:port`. Failures are worded as Go words them.

import type { ClusterContext, FetchHandler } from '../context.ts';
import { isObject, type KubeObject } from '../types.ts';

export const servicesGR = { group: '', resource: 'services' };
export const endpointsGR = { group: '', resource: 'endpoints' };

export type ResolvedBackend =
  | { ok: true; url: string; handler: FetchHandler }
  | {
      ok: false;
      error: string;
      /**
       * `resolve`: ResolveEndpoint failed (the proxy answers a plain "service unavailable");
       * `dial`: the URL resolved but the connection failed (the proxy answers with the error text).
       */
      phase: 'resolve' | 'dial';
      /** The resolved URL, when resolution succeeded. */
      url?: string;
    };

interface ServicePort {
  name?: string;
  port?: number;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** spec.ports of a Service. */
export function servicePorts(service: KubeObject): ServicePort[] {
  const spec = isObject(service.spec) ? service.spec : {};
  return Array.isArray(spec.ports) ? (spec.ports as unknown[]).filter(isObject).map((p) => p as ServicePort) : [];
}

/** spec.type, defaulted as the apiserver does. */
export const serviceType = (service: KubeObject) => str(isObject(service.spec) ? service.spec.type : '') || 'ClusterIP';

/**
 * Whether an Endpoints object has a ready address serving the port named `portName`: a subset
 * with non-empty `addresses` (notReadyAddresses do not count) and a port of that name.
 */
export function hasReadyEndpoint(endpoints: KubeObject, portName: string): boolean {
  const subsets = Array.isArray(endpoints.subsets) ? (endpoints.subsets as unknown[]).filter(isObject) : [];
  return subsets.some((subset) => {
    const addresses = Array.isArray(subset.addresses) ? subset.addresses : [];
    const ports = Array.isArray(subset.ports) ? (subset.ports as unknown[]).filter(isObject) : [];
    return addresses.length > 0 && ports.some((p) => str(p.name) === portName);
  });
}

/** net.JoinHostPort: IPv6 literals get brackets. */
const joinHostPort = (host: string, port: number) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

/**
 * ResolveEndpoint(namespace, name, port) for ClusterIP routing, then the connection: either the
 * URL and the handler listening behind it, or the error a Go client would see.
 */
export function resolveService(ctx: ClusterContext, namespace: string, name: string, port: number): ResolvedBackend {
  const service = ctx.store.get(servicesGR, namespace, name);
  // The service lister's NotFound uses the singular resource.
  if (!service) return { ok: false, phase: 'resolve', error: `service "${name}" not found` };

  const type = serviceType(service);
  const spec = isObject(service.spec) ? service.spec : {};
  const clusterIP = str(spec.clusterIP);
  let host: string;
  let servicePort: ServicePort | undefined;
  switch (type) {
    case 'ClusterIP':
    case 'NodePort':
    case 'LoadBalancer':
      if (type === 'ClusterIP' && clusterIP === 'None') {
        return { ok: false, phase: 'resolve', error: 'cannot route to service with ClusterIP "None"' };
      }
      servicePort = servicePorts(service).find((p) => p.port === port);
      if (!servicePort) return { ok: false, phase: 'resolve', error: `no service port ${port} found for service "${name}"` };
      host = joinHostPort(clusterIP, port);
      break;
    case 'ExternalName':
      host = joinHostPort(str(spec.externalName), port);
      break;
    default:
      return { ok: false, phase: 'resolve', error: `unsupported service type "${type}"` };
  }
  const url = `https://${host}`;

  if (type === 'ExternalName') {
    // No cluster DNS for outside names in the sim.
    return { ok: false, phase: 'dial', url, error: `dial tcp: lookup ${str(spec.externalName)}: no such host` };
  }
  // kube-proxy rejects connections to a ClusterIP port without ready endpoints; a ready endpoint
  // with no server behind it refuses too.
  const refused = { ok: false as const, phase: 'dial' as const, url, error: `dial tcp ${host}: connect: connection refused` };
  const endpoints = ctx.store.get(endpointsGR, namespace, name);
  if (!endpoints || !hasReadyEndpoint(endpoints, str(servicePort?.name))) return refused;
  const handler = ctx.backends.lookup(namespace, name, port);
  if (!handler) return refused;
  return { ok: true, url, handler };
}
