// The Local APIServices a default v1.32 kube-apiserver registers on start: one per built-in
// group/version it serves (GA only), labelled automanaged=onstart, with the group/version
// priorities of kube-apiserver's apiVersionPriorities table (cmd/kube-apiserver/app/aggregator.go,
// pkg/controlplane/apiserver/aggregator.go). apiregistration.k8s.io itself has no APIService.

import type { KubeObject } from '../types.ts';
import { apiRegistrationGroup } from './helpers.ts';
import { canonicalAPIService } from './strategy.ts';

export interface BuiltinGroupVersion {
  group: string;
  version: string;
  groupPriorityMinimum: number;
  versionPriority: number;
}

export const automanagedLabel = 'kube-aggregator.kubernetes.io/automanaged';

/** GA group/versions of a default v1.32 kube-apiserver, highest group priority first. */
export const builtinGroupVersions: readonly BuiltinGroupVersion[] = [
  { group: '', version: 'v1', groupPriorityMinimum: 18000, versionPriority: 1 },
  { group: 'apps', version: 'v1', groupPriorityMinimum: 17800, versionPriority: 15 },
  { group: 'events.k8s.io', version: 'v1', groupPriorityMinimum: 17750, versionPriority: 15 },
  { group: 'authentication.k8s.io', version: 'v1', groupPriorityMinimum: 17700, versionPriority: 15 },
  { group: 'authorization.k8s.io', version: 'v1', groupPriorityMinimum: 17600, versionPriority: 15 },
  { group: 'autoscaling', version: 'v2', groupPriorityMinimum: 17500, versionPriority: 30 },
  { group: 'autoscaling', version: 'v1', groupPriorityMinimum: 17500, versionPriority: 15 },
  { group: 'batch', version: 'v1', groupPriorityMinimum: 17400, versionPriority: 15 },
  { group: 'certificates.k8s.io', version: 'v1', groupPriorityMinimum: 17300, versionPriority: 15 },
  { group: 'networking.k8s.io', version: 'v1', groupPriorityMinimum: 17200, versionPriority: 15 },
  { group: 'policy', version: 'v1', groupPriorityMinimum: 17100, versionPriority: 15 },
  { group: 'rbac.authorization.k8s.io', version: 'v1', groupPriorityMinimum: 17000, versionPriority: 15 },
  { group: 'storage.k8s.io', version: 'v1', groupPriorityMinimum: 16800, versionPriority: 15 },
  { group: 'admissionregistration.k8s.io', version: 'v1', groupPriorityMinimum: 16700, versionPriority: 15 },
  { group: 'apiextensions.k8s.io', version: 'v1', groupPriorityMinimum: 16700, versionPriority: 15 },
  { group: 'scheduling.k8s.io', version: 'v1', groupPriorityMinimum: 16600, versionPriority: 15 },
  { group: 'coordination.k8s.io', version: 'v1', groupPriorityMinimum: 16500, versionPriority: 15 },
  { group: 'node.k8s.io', version: 'v1', groupPriorityMinimum: 16300, versionPriority: 15 },
  { group: 'discovery.k8s.io', version: 'v1', groupPriorityMinimum: 16200, versionPriority: 15 },
  { group: 'flowcontrol.apiserver.k8s.io', version: 'v1', groupPriorityMinimum: 16100, versionPriority: 21 },
];

/** The APIService name of a group/version: `<version>.<group>`, `v1.` for the core group. */
export const apiServiceName = (gv: { group: string; version: string }) => `${gv.version}.${gv.group}`;

/**
 * The built-in Local APIServices as a client would POST them (no status, uid or timestamps):
 * create them through the registry strategy (or `apiServiceType.prepareForCreate`) so they get
 * their Available=True/Local condition.
 */
export function builtinAPIServices(): KubeObject[] {
  return builtinGroupVersions.map((gv) =>
    canonicalAPIService({
      apiVersion: `${apiRegistrationGroup}/v1`,
      kind: 'APIService',
      metadata: { name: apiServiceName(gv), labels: { [automanagedLabel]: 'onstart' } },
      spec: { group: gv.group, version: gv.version, groupPriorityMinimum: gv.groupPriorityMinimum, versionPriority: gv.versionPriority },
    }),
  );
}
