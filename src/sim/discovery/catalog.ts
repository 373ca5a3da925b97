// The built-in resources of a default (GA-only) v1.32 kube-apiserver, as its discovery documents
// list them: kind, singular, scope, verbs, short names, categories and subresources. Source: the
// kubernetes api/discovery golden files, trimmed to the group-versions a default cluster serves
// (no alpha or beta APIs, no feature-gated subresources such as pods/resize).
//
// Entries are plain: behaviour (tables, defaults, validation) is layered on by spreading a
// Partial<ResourceType> over an entry.

import type { ResourceType } from '../resources.ts';

/** Every verb of a stored resource with a full REST surface. */
const crud = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const createOnly = ['create'];
const getPatchUpdate = ['get', 'patch', 'update'];

interface Entry {
  resource: string;
  kind: string;
  namespaced: boolean;
  verbs?: string[];
  shortNames?: string[];
  categories?: string[];
  subresources?: string[];
  /** Defaults to the lowercased kind. */
  singular?: string;
}

interface GroupVersionEntries {
  group: string;
  versions: string[];
  resources: Entry[];
}

const all = ['all'];
const apiExtensions = ['api-extensions'];

const catalog: GroupVersionEntries[] = [
  {
    group: '',
    versions: ['v1'],
    resources: [
      { resource: 'bindings', kind: 'Binding', namespaced: true, verbs: createOnly },
      { resource: 'componentstatuses', kind: 'ComponentStatus', namespaced: false, verbs: ['get', 'list'], shortNames: ['cs'] },
      { resource: 'configmaps', kind: 'ConfigMap', namespaced: true, shortNames: ['cm'] },
      { resource: 'endpoints', kind: 'Endpoints', namespaced: true, shortNames: ['ep'], singular: 'endpoints' },
      { resource: 'events', kind: 'Event', namespaced: true, shortNames: ['ev'] },
      { resource: 'limitranges', kind: 'LimitRange', namespaced: true, shortNames: ['limits'] },
      {
        resource: 'namespaces',
        kind: 'Namespace',
        namespaced: false,
        // Namespaces are deleted one by one (the namespace controller empties them first).
        verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
        shortNames: ['ns'],
        subresources: ['finalize', 'status'],
      },
      { resource: 'nodes', kind: 'Node', namespaced: false, shortNames: ['no'], subresources: ['proxy', 'status'] },
      { resource: 'persistentvolumeclaims', kind: 'PersistentVolumeClaim', namespaced: true, shortNames: ['pvc'], subresources: ['status'] },
      { resource: 'persistentvolumes', kind: 'PersistentVolume', namespaced: false, shortNames: ['pv'], subresources: ['status'] },
      {
        resource: 'pods',
        kind: 'Pod',
        namespaced: true,
        shortNames: ['po'],
        categories: all,
        subresources: ['attach', 'binding', 'ephemeralcontainers', 'eviction', 'exec', 'log', 'portforward', 'proxy', 'status'],
      },
      { resource: 'podtemplates', kind: 'PodTemplate', namespaced: true },
      {
        resource: 'replicationcontrollers',
        kind: 'ReplicationController',
        namespaced: true,
        shortNames: ['rc'],
        categories: all,
        subresources: ['scale', 'status'],
      },
      { resource: 'resourcequotas', kind: 'ResourceQuota', namespaced: true, shortNames: ['quota'], subresources: ['status'] },
      { resource: 'secrets', kind: 'Secret', namespaced: true },
      { resource: 'serviceaccounts', kind: 'ServiceAccount', namespaced: true, shortNames: ['sa'], subresources: ['token'] },
      { resource: 'services', kind: 'Service', namespaced: true, shortNames: ['svc'], categories: all, subresources: ['proxy', 'status'] },
    ],
  },
  {
    group: 'apiregistration.k8s.io',
    versions: ['v1'],
    resources: [{ resource: 'apiservices', kind: 'APIService', namespaced: false, categories: apiExtensions, subresources: ['status'] }],
  },
  {
    group: 'apps',
    versions: ['v1'],
    resources: [
      { resource: 'controllerrevisions', kind: 'ControllerRevision', namespaced: true },
      { resource: 'daemonsets', kind: 'DaemonSet', namespaced: true, shortNames: ['ds'], categories: all, subresources: ['status'] },
      { resource: 'deployments', kind: 'Deployment', namespaced: true, shortNames: ['deploy'], categories: all, subresources: ['scale', 'status'] },
      { resource: 'replicasets', kind: 'ReplicaSet', namespaced: true, shortNames: ['rs'], categories: all, subresources: ['scale', 'status'] },
      { resource: 'statefulsets', kind: 'StatefulSet', namespaced: true, shortNames: ['sts'], categories: all, subresources: ['scale', 'status'] },
    ],
  },
  {
    group: 'events.k8s.io',
    versions: ['v1'],
    resources: [{ resource: 'events', kind: 'Event', namespaced: true, shortNames: ['ev'] }],
  },
  {
    group: 'authentication.k8s.io',
    versions: ['v1'],
    resources: [
      { resource: 'selfsubjectreviews', kind: 'SelfSubjectReview', namespaced: false, verbs: createOnly },
      { resource: 'tokenreviews', kind: 'TokenReview', namespaced: false, verbs: createOnly },
    ],
  },
  {
    group: 'authorization.k8s.io',
    versions: ['v1'],
    resources: [
      { resource: 'localsubjectaccessreviews', kind: 'LocalSubjectAccessReview', namespaced: true, verbs: createOnly },
      { resource: 'selfsubjectaccessreviews', kind: 'SelfSubjectAccessReview', namespaced: false, verbs: createOnly },
      { resource: 'selfsubjectrulesreviews', kind: 'SelfSubjectRulesReview', namespaced: false, verbs: createOnly },
      { resource: 'subjectaccessreviews', kind: 'SubjectAccessReview', namespaced: false, verbs: createOnly },
    ],
  },
  {
    group: 'autoscaling',
    versions: ['v2', 'v1'],
    resources: [
      { resource: 'horizontalpodautoscalers', kind: 'HorizontalPodAutoscaler', namespaced: true, shortNames: ['hpa'], categories: all, subresources: ['status'] },
    ],
  },
  {
    group: 'batch',
    versions: ['v1'],
    resources: [
      { resource: 'cronjobs', kind: 'CronJob', namespaced: true, shortNames: ['cj'], categories: all, subresources: ['status'] },
      { resource: 'jobs', kind: 'Job', namespaced: true, categories: all, subresources: ['status'] },
    ],
  },
  {
    group: 'certificates.k8s.io',
    versions: ['v1'],
    resources: [
      {
        resource: 'certificatesigningrequests',
        kind: 'CertificateSigningRequest',
        namespaced: false,
        shortNames: ['csr'],
        subresources: ['approval', 'status'],
      },
    ],
  },
  {
    group: 'networking.k8s.io',
    versions: ['v1'],
    resources: [
      { resource: 'ingressclasses', kind: 'IngressClass', namespaced: false },
      { resource: 'ingresses', kind: 'Ingress', namespaced: true, shortNames: ['ing'], subresources: ['status'] },
      { resource: 'networkpolicies', kind: 'NetworkPolicy', namespaced: true, shortNames: ['netpol'] },
    ],
  },
  {
    group: 'policy',
    versions: ['v1'],
    resources: [{ resource: 'poddisruptionbudgets', kind: 'PodDisruptionBudget', namespaced: true, shortNames: ['pdb'], subresources: ['status'] }],
  },
  {
    group: 'rbac.authorization.k8s.io',
    versions: ['v1'],
    resources: [
      { resource: 'clusterrolebindings', kind: 'ClusterRoleBinding', namespaced: false },
      { resource: 'clusterroles', kind: 'ClusterRole', namespaced: false },
      { resource: 'rolebindings', kind: 'RoleBinding', namespaced: true },
      { resource: 'roles', kind: 'Role', namespaced: true },
    ],
  },
  {
    group: 'storage.k8s.io',
    versions: ['v1'],
    resources: [
      { resource: 'csidrivers', kind: 'CSIDriver', namespaced: false },
      { resource: 'csinodes', kind: 'CSINode', namespaced: false },
      { resource: 'csistoragecapacities', kind: 'CSIStorageCapacity', namespaced: true },
      { resource: 'storageclasses', kind: 'StorageClass', namespaced: false, shortNames: ['sc'] },
      { resource: 'volumeattachments', kind: 'VolumeAttachment', namespaced: false, subresources: ['status'] },
    ],
  },
  {
    group: 'admissionregistration.k8s.io',
    versions: ['v1'],
    resources: [
      { resource: 'mutatingwebhookconfigurations', kind: 'MutatingWebhookConfiguration', namespaced: false, categories: apiExtensions },
      { resource: 'validatingadmissionpolicies', kind: 'ValidatingAdmissionPolicy', namespaced: false, categories: apiExtensions, subresources: ['status'] },
      { resource: 'validatingadmissionpolicybindings', kind: 'ValidatingAdmissionPolicyBinding', namespaced: false, categories: apiExtensions },
      { resource: 'validatingwebhookconfigurations', kind: 'ValidatingWebhookConfiguration', namespaced: false, categories: apiExtensions },
    ],
  },
  {
    group: 'apiextensions.k8s.io',
    versions: ['v1'],
    resources: [
      {
        resource: 'customresourcedefinitions',
        kind: 'CustomResourceDefinition',
        namespaced: false,
        shortNames: ['crd', 'crds'],
        categories: apiExtensions,
        subresources: ['status'],
      },
    ],
  },
  {
    group: 'scheduling.k8s.io',
    versions: ['v1'],
    resources: [{ resource: 'priorityclasses', kind: 'PriorityClass', namespaced: false, shortNames: ['pc'] }],
  },
  {
    group: 'coordination.k8s.io',
    versions: ['v1'],
    resources: [{ resource: 'leases', kind: 'Lease', namespaced: true }],
  },
  {
    group: 'node.k8s.io',
    versions: ['v1'],
    resources: [{ resource: 'runtimeclasses', kind: 'RuntimeClass', namespaced: false }],
  },
  {
    group: 'discovery.k8s.io',
    versions: ['v1'],
    resources: [{ resource: 'endpointslices', kind: 'EndpointSlice', namespaced: true }],
  },
  {
    group: 'flowcontrol.apiserver.k8s.io',
    versions: ['v1'],
    resources: [
      { resource: 'flowschemas', kind: 'FlowSchema', namespaced: false, subresources: ['status'] },
      { resource: 'prioritylevelconfigurations', kind: 'PriorityLevelConfiguration', namespaced: false, subresources: ['status'] },
    ],
  },
];

function toResourceType(group: string, version: string, e: Entry): ResourceType {
  const t: ResourceType = {
    group,
    version,
    resource: e.resource,
    kind: e.kind,
    listKind: `${e.kind}List`,
    singular: e.singular ?? e.kind.toLowerCase(),
    namespaced: e.namespaced,
    verbs: [...(e.verbs ?? crud)],
  };
  if (e.shortNames) t.shortNames = [...e.shortNames];
  if (e.categories) t.categories = [...e.categories];
  if (e.subresources) t.subresources = [...e.subresources];
  return t;
}

/**
 * Fresh ResourceType entries for every built-in group/version/resource (core first, then groups in
 * the order above). Each call returns new objects, so one cluster's changes never leak into another.
 */
export function builtinResourceTypes(): ResourceType[] {
  const out: ResourceType[] = [];
  for (const gv of catalog) for (const version of gv.versions) for (const e of gv.resources) out.push(toResourceType(gv.group, version, e));
  return out;
}

/** The built-in catalog as one shared list. Spread an entry before changing it. */
export const builtinCatalog: readonly ResourceType[] = builtinResourceTypes();

/** Key used by behaviour maps: `"<group>/<version>/<resource>"` (core group empty: `"/v1/pods"`). */
export const resourceKey = (t: { group: string; version: string; resource: string }) => `${t.group}/${t.version}/${t.resource}`;

/** A subresource as discovery describes it: the kind its endpoint returns and the verbs it takes. */
export interface SubresourceInfo {
  /** Set when the returned kind lives in another group/version (Scale, Eviction, TokenRequest). */
  group?: string;
  version?: string;
  kind: string;
  verbs: string[];
}

// Core v1 subresources whose kind or verbs differ from the status-like default, keyed `resource/sub`.
const specialSubresources: Record<string, SubresourceInfo> = {
  'namespaces/finalize': { kind: 'Namespace', verbs: ['update'] },
  'nodes/proxy': { kind: 'NodeProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] },
  'pods/attach': { kind: 'PodAttachOptions', verbs: ['create', 'get'] },
  'pods/binding': { kind: 'Binding', verbs: createOnly },
  'pods/eviction': { group: 'policy', version: 'v1', kind: 'Eviction', verbs: createOnly },
  'pods/exec': { kind: 'PodExecOptions', verbs: ['create', 'get'] },
  'pods/log': { kind: 'Pod', verbs: ['get'] },
  'pods/portforward': { kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
  'pods/proxy': { kind: 'PodProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] },
  'serviceaccounts/token': { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest', verbs: createOnly },
  'services/proxy': { kind: 'ServiceProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] },
};

/**
 * What discovery says about `t`'s subresource `sub`. `scale` returns autoscaling/v1 Scale (for
 * built-ins and CRDs alike); anything else defaults to the parent's kind with get, patch, update,
 * as `status` (and certificatesigningrequests/approval, pods/ephemeralcontainers) are.
 */
export function subresourceInfo(t: Pick<ResourceType, 'group' | 'resource' | 'kind'>, sub: string): SubresourceInfo {
  const special = t.group === '' ? specialSubresources[`${t.resource}/${sub}`] : undefined;
  if (special) return { ...special, verbs: [...special.verbs] };
  if (sub === 'scale') return { group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: [...getPatchUpdate] };
  return { kind: t.kind, verbs: [...getPatchUpdate] };
}

/**
 * The group/version/kind a resource is stored as, for storageVersionHash. Built-ins store at their
 * GA version, except HorizontalPodAutoscaler (stored as autoscaling/v2 for both versions) and
 * events.k8s.io Events (stored as core v1 Events). Resources without storage (reviews, bindings,
 * componentstatuses: they cannot be watched) have none.
 */
export function storageVersionOf(t: Pick<ResourceType, 'group' | 'version' | 'kind' | 'resource' | 'verbs'>): { group: string; version: string; kind: string } | undefined {
  if (!t.verbs.includes('watch')) return undefined;
  if (t.group === 'autoscaling' && t.resource === 'horizontalpodautoscalers') return { group: 'autoscaling', version: 'v2', kind: t.kind };
  if (t.group === 'events.k8s.io' && t.resource === 'events') return { group: '', version: 'v1', kind: 'Event' };
  return { group: t.group, version: t.version, kind: t.kind };
}
