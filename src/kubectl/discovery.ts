// client-go's discovery client for an aggregated-discovery server: GET /api and /apis with the
// apidiscovery Accept header, Stale versions dropped, the first remaining version preferred.
// kubectl wraps it in client-go's CachedDiscoveryClient (cached/disk): what it fetched is kept
// in the cache directory for 6 hours, and a later run reads it from there without a request.

import { accept, type RESTClient } from './rest/client.ts';
import { caller } from './rest/body_log.ts';
import type { DiscoveryCache } from './env.ts';

/** How long kubectl trusts its discovery cache (cli-runtime's ConfigFlags.ToDiscoveryClient: 6 * time.Hour). */
export const DISCOVERY_CACHE_TTL_MS = 6 * 60 * 60 * 1000;

export interface APIResource {
  /** Plural resource name, e.g. `deployments`. */
  name: string;
  singularName: string;
  namespaced: boolean;
  group: string;
  version: string;
  kind: string;
  verbs: string[];
  shortNames: string[];
  categories: string[];
}

export interface GroupVersionResources {
  group: string;
  version: string;
  resources: APIResource[];
}

export interface APIGroup {
  name: string;
  /** Served versions in the server's order; the first is preferred. */
  versions: GroupVersionResources[];
}

interface DiscoveryResource {
  resource: string;
  responseKind?: { group?: string; version?: string; kind?: string };
  scope?: string;
  singularResource?: string;
  verbs?: string[];
  shortNames?: string[];
  categories?: string[];
}

interface DiscoveryGroupList {
  items?: { metadata?: { name?: string }; versions?: { version: string; resources?: DiscoveryResource[]; freshness?: string }[] }[];
}

/** Converts one APIGroupDiscoveryList (aggregated discovery v2/v2beta1) into groups. */
export function groupsFromAggregated(list: DiscoveryGroupList): APIGroup[] {
  const groups: APIGroup[] = [];
  for (const item of list.items ?? []) {
    const name = item.metadata?.name ?? '';
    const versions: GroupVersionResources[] = [];
    for (const v of item.versions ?? []) {
      if (v.freshness === 'Stale') continue;
      versions.push({
        group: name,
        version: v.version,
        resources: (v.resources ?? []).map((r) => ({
          name: r.resource,
          singularName: r.singularResource ?? '',
          namespaced: r.scope === 'Namespaced',
          group: r.responseKind?.group || name,
          version: r.responseKind?.version || v.version,
          kind: r.responseKind?.kind ?? '',
          verbs: r.verbs ?? [],
          shortNames: r.shortNames ?? [],
          categories: r.categories ?? [],
        })),
      });
    }
    if (versions.length > 0) groups.push({ name, versions });
  }
  return groups;
}

export interface DiscoveryCacheOptions {
  cache: DiscoveryCache;
  server: string;
  now(): number;
}

export class DiscoveryClient {
  private readonly client: RESTClient;
  private readonly disk: DiscoveryCacheOptions | undefined;
  private cached: Promise<APIGroup[]> | undefined;
  /** This run fetched discovery itself (CachedDiscoveryClient.Fresh); a cache hit is not fresh. */
  private fetched = false;
  /** Invalidated: the cache is skipped until this run has fetched again. */
  private invalidated = false;

  constructor(client: RESTClient, disk?: DiscoveryCacheOptions) {
    this.client = client;
    this.disk = disk;
  }

  /**
   * The server's groups, core first, in the server's priority order; fetched once per command,
   * or read from the cache when it holds this server's discovery from the last 6 hours.
   */
  serverGroups(): Promise<APIGroup[]> {
    this.cached ??= this.cachedOrFetched();
    return this.cached;
  }

  /** Whether this run's discovery came from the server rather than the cache. */
  fresh(): boolean {
    return this.fetched || this.disk === undefined;
  }

  /** CachedDiscoveryClient.Invalidate: forget what is cached; the next read fetches again. */
  invalidate(): void {
    this.cached = undefined;
    this.invalidated = true;
    this.disk?.cache.delete(this.disk.server);
  }

  private async cachedOrFetched(): Promise<APIGroup[]> {
    const disk = this.disk;
    const hit = disk && !this.invalidated ? disk.cache.get(disk.server) : undefined;
    if (disk && hit && disk.now() - hit.fetchedAt < DISCOVERY_CACHE_TTL_MS) return hit.groups;
    const fetchedAt = disk?.now() ?? 0;
    const groups = await this.fetchGroups();
    this.fetched = true;
    disk?.cache.set(disk.server, { groups, fetchedAt });
    return groups;
  }

  private async fetchGroups(): Promise<APIGroup[]> {
    const core = await this.client.getJSON<DiscoveryGroupList>({ caller: caller.legacyDiscovery, httpCache: true, path: '/api?timeout=32s', accept: accept.aggregatedDiscovery });
    const apis = await this.client.getJSON<DiscoveryGroupList>({ caller: caller.groupDiscovery, httpCache: true, path: '/apis?timeout=32s', accept: accept.aggregatedDiscovery });
    return [...groupsFromAggregated(core), ...groupsFromAggregated(apis)];
  }
}

export const groupVersionString = (group: string, version: string) => (group ? `${group}/${version}` : version);
