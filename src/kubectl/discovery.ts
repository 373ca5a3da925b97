// client-go's discovery client for an aggregated-discovery server: GET /api and /apis with the
// apidiscovery Accept header, Stale versions dropped, the first remaining version preferred.

import { accept, type RESTClient } from './rest/client.ts';
import { caller } from './rest/body_log.ts';

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

export class DiscoveryClient {
  private readonly client: RESTClient;
  private cached: Promise<APIGroup[]> | undefined;

  constructor(client: RESTClient) {
    this.client = client;
  }

  /** The server's groups, core first, in the server's priority order; fetched once per command. */
  serverGroups(): Promise<APIGroup[]> {
    this.cached ??= this.fetchGroups();
    return this.cached;
  }

  private async fetchGroups(): Promise<APIGroup[]> {
    const core = await this.client.getJSON<DiscoveryGroupList>({ caller: caller.legacyDiscovery, httpCache: true, path: '/api?timeout=32s', accept: accept.aggregatedDiscovery });
    const apis = await this.client.getJSON<DiscoveryGroupList>({ caller: caller.groupDiscovery, httpCache: true, path: '/apis?timeout=32s', accept: accept.aggregatedDiscovery });
    return [...groupsFromAggregated(core), ...groupsFromAggregated(apis)];
  }
}

export const groupVersionString = (group: string, version: string) => (group ? `${group}/${version}` : version);
