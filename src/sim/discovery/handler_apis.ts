// Legacy discovery documents: what kube-aggregator's handler_apis.go serves at /apis and
// /apis/<group> (built from APIService objects, availability ignored), and what the apiserver's own
// group-version handlers serve at /api, /api/v1 and /apis/<group>/<version> for the kinds it
// serves locally (built from the ResourceRegistry, as the installer lists its storage paths).

import type { ResourceType } from '../resources.ts';
import type { KubeObject } from '../types.ts';
import { storageVersionOf, subresourceInfo } from './catalog.ts';
import { storageVersionHash } from './storage_version_hash.ts';
import type { APIGroup, APIGroupList, APIResource, APIResourceList, APIVersions, GroupVersionForDiscovery } from './types.ts';
import { apiServiceOrderKey, sortedByGroupAndVersion } from './version.ts';

export const apiregistrationGroupName = 'apiregistration.k8s.io';

const gvForDiscovery = (group: string, version: string): GroupVersionForDiscovery => ({
  groupVersion: group ? `${group}/${version}` : version,
  version,
});

/** The aggregator's own group, always first in /apis: it has no APIService of its own. */
export function apiregistrationDiscoveryGroup(): APIGroup {
  return {
    name: apiregistrationGroupName,
    versions: [gvForDiscovery(apiregistrationGroupName, 'v1')],
    preferredVersion: gvForDiscovery(apiregistrationGroupName, 'v1'),
  };
}

/** convertToDiscoveryAPIGroup: one group's APIServices, most preferred version first. */
function convertToDiscoveryAPIGroup(apiServices: readonly KubeObject[]): APIGroup {
  const ordered = sortedByGroupAndVersion(apiServices, apiServiceOrderKey)[0];
  const versions = ordered.map((s) => {
    const k = apiServiceOrderKey(s);
    return gvForDiscovery(k.group, k.version);
  });
  return { name: apiServiceOrderKey(ordered[0]).group, versions, preferredVersion: versions[0] };
}

/** GET /apis as an APIGroupList: apiregistration first, then groups by priority (legacy rules). */
export function apiGroupList(apiServices: readonly KubeObject[]): APIGroupList {
  const groups: APIGroup[] = [apiregistrationDiscoveryGroup()];
  for (const members of sortedByGroupAndVersion(apiServices, apiServiceOrderKey)) {
    if (apiServiceOrderKey(members[0]).group === '') continue; // the legacy group lives at /api
    groups.push(convertToDiscoveryAPIGroup(members));
  }
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

/** GET /apis/<group> as an APIGroup, or undefined when no APIService names the group. */
export function apiGroup(apiServices: readonly KubeObject[], group: string): APIGroup | undefined {
  const body = (g: APIGroup): APIGroup => ({ kind: 'APIGroup', apiVersion: 'v1', ...g });
  // The aggregator's own group is served by its own generic server, whatever APIServices say.
  if (group === apiregistrationGroupName) return body(apiregistrationDiscoveryGroup());
  if (group === '') return undefined;
  const members = apiServices.filter((s) => apiServiceOrderKey(s).group === group);
  return members.length ? body(convertToDiscoveryAPIGroup(members)) : undefined;
}

/** GET /api: the core group's versions and the address clients should use. */
export function apiVersions(serverAddress: string): APIVersions {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

const byteCompare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The legacy entries for one served kind: the resource itself, then `resource/sub` per subresource. */
export function apiResourcesOf(t: ResourceType): APIResource[] {
  const top: APIResource = { name: t.resource, singularName: t.singular, namespaced: t.namespaced, kind: t.kind, verbs: [...t.verbs] };
  if (t.shortNames?.length) top.shortNames = [...t.shortNames];
  if (t.categories?.length) top.categories = [...t.categories];
  const storage = storageVersionOf(t);
  if (storage) top.storageVersionHash = storageVersionHash(storage.group, storage.version, storage.kind);
  const out = [top];
  for (const sub of t.subresources ?? []) {
    const info = subresourceInfo(t, sub);
    // group/version are set only when the subresource's kind lives in another group/version.
    const foreign = info.group !== undefined && info.version !== undefined && (info.group !== t.group || info.version !== t.version);
    const entry: APIResource = {
      name: `${t.resource}/${sub}`,
      singularName: '',
      namespaced: t.namespaced,
      ...(foreign ? { group: info.group, version: info.version } : {}),
      kind: info.kind,
      verbs: info.verbs,
    };
    out.push(entry);
  }
  return out;
}

/**
 * GET /api/v1 or /apis/<group>/<version> for a locally served group/version: every resource and
 * subresource path, sorted as the installer sorts its storage paths.
 */
export function apiResourceList(group: string, version: string, types: readonly ResourceType[]): APIResourceList {
  const resources = types.flatMap(apiResourcesOf).sort((a, b) => byteCompare(a.name, b.name));
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}
