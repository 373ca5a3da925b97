// Aggregated discovery (apidiscovery.k8s.io/v2, and v2beta1 on request): one APIGroupDiscoveryList
// for /apis and one for /api. Mirrors kube-aggregator's handler_discovery.go (every APIService's
// group/version merged in, an unreachable one kept as a Stale version without resources, the
// aggregator's own group pinned at priority 20001) and apiserver's aggregated handler
// (calculateAPIGroupsLocked ordering; ConvertGroupVersionIntoToDiscovery for legacy lists).

import { isAPIServiceAvailable, isLocal as isLocalAPIService } from '../apiregistration/helpers.ts';
import type { KubeObject } from '../types.ts';
import type {
  AggregatedDiscoveryVersion,
  APIGroupDiscovery,
  APIGroupDiscoveryList,
  APIResource,
  APIResourceDiscovery,
  APIResourceList,
  APIVersionDiscovery,
  ResourceScope,
} from './types.ts';
import { apiServiceOrderKey, compareKubeAwareVersionStrings } from './version.ts';
import { apiregistrationGroupName } from './handler_apis.ts';

/** kube-aggregator's APIRegistrationGroupPriority: above any APIService's 20000 maximum. */
export const apiRegistrationGroupPriority = 20001;

/**
 * ConvertGroupVersionIntoToDiscovery: a legacy resource list (with `resource/sub` entries) folded
 * into resources carrying their subresources. A subresource without its parent gets an empty parent.
 */
export function convertGroupVersionIntoToDiscovery(list: readonly APIResource[]): APIResourceDiscovery[] {
  const out: APIResourceDiscovery[] = [];
  const parents = new Map<string, APIResourceDiscovery>();
  const scopeOf = (r: APIResource): ResourceScope => (r.namespaced ? 'Namespaced' : 'Cluster');
  for (const r of list) {
    if (r.name.includes('/')) continue;
    const d: APIResourceDiscovery = {
      resource: r.name,
      responseKind: { group: r.group ?? '', version: r.version ?? '', kind: r.kind },
      scope: scopeOf(r),
      singularResource: r.singularName,
      verbs: r.verbs,
    };
    if (r.shortNames?.length) d.shortNames = r.shortNames;
    if (r.categories?.length) d.categories = r.categories;
    out.push(d);
    parents.set(r.name, d);
  }
  for (const r of list) {
    const slash = r.name.indexOf('/');
    if (slash < 0) continue;
    const parentName = r.name.slice(0, slash);
    let parent = parents.get(parentName);
    if (!parent) {
      parent = { resource: parentName, responseKind: { group: '', version: '', kind: '' }, scope: scopeOf(r), singularResource: '', verbs: null };
      out.push(parent);
      parents.set(parentName, parent);
    }
    if (parent.scope !== scopeOf(r)) continue; // the real converter rejects such a list
    (parent.subresources ??= []).push({
      subresource: r.name.slice(slash + 1),
      responseKind: { group: r.group ?? '', version: r.version ?? '', kind: r.kind ?? '' },
      verbs: r.verbs,
    });
  }
  return out;
}

/** One group/version to merge into the aggregated document, with the priorities that order it. */
export interface GroupVersionDiscovery {
  group: string;
  groupPriorityMinimum: number;
  versionPriority: number;
  discovery: APIVersionDiscovery;
}

export const currentVersion = (version: string, list: Pick<APIResourceList, 'resources'>): APIVersionDiscovery => ({
  version,
  resources: convertGroupVersionIntoToDiscovery(list.resources ?? []),
  freshness: 'Current',
});

/** An APIResourceList as an extension server sent it: JSON, so every field is checked. */
export interface RemoteResourceList {
  resources: readonly Record<string, unknown>[];
}

const stringList = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Read an extension server's resource entry the way Go's decoder would fill an APIResource. */
export function decodeAPIResource(raw: Record<string, unknown>): APIResource {
  const r: APIResource = {
    name: str(raw.name),
    singularName: str(raw.singularName),
    namespaced: raw.namespaced === true,
    kind: str(raw.kind),
    verbs: stringList(raw.verbs) ?? null,
  };
  if (raw.group) r.group = str(raw.group);
  if (raw.version) r.version = str(raw.version);
  const shortNames = stringList(raw.shortNames);
  if (shortNames?.length) r.shortNames = shortNames;
  const categories = stringList(raw.categories);
  if (categories?.length) r.categories = categories;
  return r;
}

export const staleVersion = (version: string): APIVersionDiscovery => ({ version, freshness: 'Stale' });

/**
 * calculateAPIGroupsLocked: versions by versionPriority (ties: kube-aware version order), groups by
 * their highest groupPriorityMinimum (ties: group name).
 */
export function calculateAPIGroups(entries: readonly GroupVersionDiscovery[]): APIGroupDiscovery[] {
  const byGroup = new Map<string, GroupVersionDiscovery[]>();
  for (const e of entries) {
    const members = byGroup.get(e.group) ?? [];
    // A group/version listed twice keeps its first source.
    if (!members.some((m) => m.discovery.version === e.discovery.version)) members.push(e);
    byGroup.set(e.group, members);
  }
  const groups = [...byGroup.entries()].map(([name, members]) => {
    members.sort((a, b) =>
      a.versionPriority === b.versionPriority
        ? compareKubeAwareVersionStrings(b.discovery.version, a.discovery.version)
        : b.versionPriority - a.versionPriority,
    );
    return { name, priority: Math.max(0, ...members.map((m) => m.groupPriorityMinimum)), members };
  });
  groups.sort((a, b) => (a.priority === b.priority ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : b.priority - a.priority));
  return groups.map((g) => ({
    metadata: g.name ? { name: g.name, creationTimestamp: null } : { creationTimestamp: null },
    versions: g.members.map((m) => m.discovery),
  }));
}


export interface AggregatedApisInputs {
  apiServices: readonly KubeObject[];
  /** The resource list of a locally served group/version, or undefined if nothing local serves it. */
  local(group: string, version: string): APIResourceList | undefined;
  /** What each service-backed APIService's server returned, by APIService name (missing = stale). */
  remote: ReadonlyMap<string, RemoteResourceList | 'stale'>;
}

/** The groups of GET /apis in aggregated form, in the order the real server lists them. */
export function aggregatedApisGroups(inputs: AggregatedApisInputs): APIGroupDiscovery[] {
  const entries: GroupVersionDiscovery[] = [];
  const own = inputs.local(apiregistrationGroupName, 'v1');
  if (own) {
    entries.push({ group: apiregistrationGroupName, groupPriorityMinimum: apiRegistrationGroupPriority, versionPriority: 0, discovery: currentVersion('v1', own) });
  }
  for (const apiService of inputs.apiServices) {
    const k = apiServiceOrderKey(apiService);
    if (k.group === '') continue; // the legacy group is at /api
    let discovery: APIVersionDiscovery;
    if (isLocalAPIService(apiService)) {
      const list = inputs.local(k.group, k.version);
      if (!list) continue; // no local server lists this group/version, so discovery never learns of it
      discovery = currentVersion(k.version, list);
    } else {
      const fetched = inputs.remote.get(k.name);
      discovery =
        fetched && fetched !== 'stale' ? currentVersion(k.version, { resources: fetched.resources.map(decodeAPIResource) }) : staleVersion(k.version);
    }
    entries.push({ group: k.group, groupPriorityMinimum: k.groupPriorityMinimum, versionPriority: k.versionPriority, discovery });
  }
  return calculateAPIGroups(entries);
}

/** The core group at /api in aggregated form: a single unnamed group. */
export function aggregatedApiGroups(coreV1: APIResourceList): APIGroupDiscovery[] {
  return [{ metadata: { creationTimestamp: null }, versions: [currentVersion('v1', coreV1)] }];
}

export function apiGroupDiscoveryList(version: AggregatedDiscoveryVersion, items: APIGroupDiscovery[]): APIGroupDiscoveryList {
  return { kind: 'APIGroupDiscoveryList', apiVersion: `apidiscovery.k8s.io/${version}`, metadata: {}, items };
}

export { isAPIServiceAvailable, isLocalAPIService };
