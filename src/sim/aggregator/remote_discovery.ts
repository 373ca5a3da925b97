// The aggregator's discovery manager (handler_discovery.go) for service-backed APIServices: it
// fetches each extension server's resource list and caches it, refreshing every minute or when
// the APIService changes. An unavailable or failing backend makes its group/version Stale.

import type { ClusterContext } from '../context.ts';
import type { KubeObject } from '../types.ts';
import { isAPIServiceAvailable } from '../apiregistration/helpers.ts';
import type { ResolvedBackend } from './resolver.ts';

export interface APIResourceList {
  kind: 'APIResourceList';
  apiVersion: 'v1';
  groupVersion: string;
  resources: Record<string, unknown>[];
}

const refreshMs = 60_000;

export class RemoteDiscoveryCache {
  private readonly ctx: ClusterContext;
  private readonly resolve: (apiService: KubeObject) => ResolvedBackend;
  private cache = new Map<string, { key: string; fetchedAt: number; result: APIResourceList | 'stale' }>();

  constructor(ctx: ClusterContext, resolve: (apiService: KubeObject) => ResolvedBackend) {
    this.ctx = ctx;
    this.resolve = resolve;
  }

  /** The earliest time the cached answer for one of `apiServices` is due to be fetched again (Infinity when none is cached). */
  refreshDueAt(apiServices: KubeObject[]): number {
    let due = Infinity;
    for (const apiService of apiServices) {
      const entry = this.cache.get(apiService.metadata.name ?? '');
      if (entry) due = Math.min(due, entry.fetchedAt + refreshMs);
    }
    return due;
  }

  /** The resources the extension server behind this APIService serves, or 'stale'. */
  async resources(apiService: KubeObject): Promise<APIResourceList | 'stale'> {
    const name = apiService.metadata.name ?? '';
    const key = `${apiService.metadata.resourceVersion}`;
    const now = this.ctx.clock.now();
    const hit = this.cache.get(name);
    if (hit && hit.key === key && now - hit.fetchedAt < refreshMs) return hit.result;
    const result = await this.fetch(apiService);
    this.cache.set(name, { key, fetchedAt: now, result });
    return result;
  }

  private async fetch(apiService: KubeObject): Promise<APIResourceList | 'stale'> {
    if (!isAPIServiceAvailable(apiService)) return 'stale';
    const backend = this.resolve(apiService);
    if (!backend.ok) return 'stale';
    const spec = apiService.spec as { group: string; version: string };
    const headers = new Headers({ Accept: 'application/json', 'X-Remote-User': 'system:kube-aggregator' });
    headers.append('X-Remote-Group', 'system:masters');
    try {
      const res = await backend.handler(new Request(new URL(`/apis/${spec.group}/${spec.version}`, backend.url), { headers }));
      if (res.status < 200 || res.status >= 300) return 'stale';
      const body = (await res.json()) as APIResourceList;
      return Array.isArray(body.resources) ? body : 'stale';
    } catch {
      return 'stale';
    }
  }
}
