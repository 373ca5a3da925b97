// What kubernetes-models drops from the spec, restored by hand-kept tables of Kubernetes' own
// values: the strategic-merge-patch struct tags (`patchStrategy:"merge" patchMergeKey:"name"`) and
// the `+listType`/`+listMapKey`/`+mapType` markers of the Go types, which kube-openapi turns into
// x-kubernetes-patch-strategy, x-kubernetes-patch-merge-key, x-kubernetes-list-type,
// x-kubernetes-list-map-keys and x-kubernetes-map-type. Only fields of served group-versions are
// listed; apimachinery's ObjectMeta keeps its own from the generated definitions.

type Extensions = Record<string, unknown>;

const merge = (key: string): Extensions => ({ 'x-kubernetes-patch-merge-key': key, 'x-kubernetes-patch-strategy': 'merge' });
const mergeRetainKeys = (key: string): Extensions => ({ 'x-kubernetes-patch-merge-key': key, 'x-kubernetes-patch-strategy': 'merge,retainKeys' });
const listMap = (...keys: string[]): Extensions => ({ 'x-kubernetes-list-map-keys': keys, 'x-kubernetes-list-type': 'map' });
const conditions = merge('type');

const core = 'io.k8s.api.core.v1.';
const container = {
  env: merge('name'),
  ports: { ...merge('containerPort'), ...listMap('containerPort', 'protocol') },
  volumeDevices: merge('devicePath'),
  volumeMounts: merge('mountPath'),
};

/** Extensions per `<definition>.<property>`. */
export const listMetadata: Record<string, Extensions> = {
  ...Object.fromEntries(Object.entries(container).flatMap(([p, e]) => [[`${core}Container.${p}`, e], [`${core}EphemeralContainer.${p}`, e]])),
  [`${core}ContainerStatus.allocatedResourcesStatus`]: { ...merge('name'), ...listMap('name') },
  [`${core}PodSpec.containers`]: merge('name'),
  [`${core}PodSpec.ephemeralContainers`]: merge('name'),
  [`${core}PodSpec.hostAliases`]: merge('ip'),
  [`${core}PodSpec.imagePullSecrets`]: merge('name'),
  [`${core}PodSpec.initContainers`]: merge('name'),
  [`${core}PodSpec.resourceClaims`]: { ...mergeRetainKeys('name'), ...listMap('name') },
  [`${core}PodSpec.schedulingGates`]: { ...merge('name'), ...listMap('name') },
  [`${core}PodSpec.topologySpreadConstraints`]: { ...merge('topologyKey'), ...listMap('topologyKey', 'whenUnsatisfiable') },
  [`${core}PodSpec.volumes`]: mergeRetainKeys('name'),
  [`${core}PodStatus.conditions`]: conditions,
  [`${core}PodStatus.resourceClaimStatuses`]: { ...mergeRetainKeys('name'), ...listMap('name') },
  [`${core}NodeStatus.addresses`]: merge('type'),
  [`${core}NodeStatus.conditions`]: conditions,
  [`${core}NamespaceStatus.conditions`]: conditions,
  [`${core}PersistentVolumeClaimStatus.conditions`]: conditions,
  [`${core}ReplicationControllerStatus.conditions`]: conditions,
  [`${core}ComponentStatus.conditions`]: conditions,
  [`${core}ServiceAccount.secrets`]: merge('name'),
  [`${core}ServiceSpec.ports`]: { ...merge('port'), ...listMap('port', 'protocol') },
  [`${core}ServiceStatus.conditions`]: { ...conditions, ...listMap('type') },
  'io.k8s.api.apps.v1.DaemonSetStatus.conditions': conditions,
  'io.k8s.api.apps.v1.DeploymentSpec.strategy': { 'x-kubernetes-patch-strategy': 'retainKeys' },
  'io.k8s.api.apps.v1.DeploymentStatus.conditions': conditions,
  'io.k8s.api.apps.v1.ReplicaSetStatus.conditions': conditions,
  'io.k8s.api.apps.v1.StatefulSetStatus.conditions': conditions,
  'io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerStatus.conditions': { ...conditions, ...listMap('type') },
  'io.k8s.api.batch.v1.JobStatus.conditions': { ...conditions, 'x-kubernetes-list-type': 'atomic' },
  'io.k8s.api.policy.v1.PodDisruptionBudgetSpec.selector': { 'x-kubernetes-patch-strategy': 'replace' },
  'io.k8s.api.policy.v1.PodDisruptionBudgetStatus.conditions': { ...conditions, ...listMap('type') },
  'io.k8s.api.storage.v1.CSINodeSpec.drivers': merge('name'),
  'io.k8s.api.admissionregistration.v1.MutatingWebhookConfiguration.webhooks': merge('name'),
  'io.k8s.api.admissionregistration.v1.ValidatingWebhookConfiguration.webhooks': merge('name'),
  'io.k8s.api.admissionregistration.v1.MutatingWebhook.matchConditions': { ...merge('name'), ...listMap('name') },
  'io.k8s.api.admissionregistration.v1.ValidatingWebhook.matchConditions': { ...merge('name'), ...listMap('name') },
  'io.k8s.api.admissionregistration.v1.ValidatingAdmissionPolicySpec.matchConditions': { ...merge('name'), ...listMap('name') },
  'io.k8s.api.admissionregistration.v1.ValidatingAdmissionPolicyStatus.conditions': listMap('type'),
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionStatus.conditions': listMap('type'),
  'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector.matchExpressions': { 'x-kubernetes-list-type': 'atomic' },
};

/** Extensions per definition (`+mapType=atomic` / `+structType=atomic`). */
export const definitionMetadata: Record<string, Extensions> = {
  'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector': { 'x-kubernetes-map-type': 'atomic' },
  [`${core}ConfigMapKeySelector`]: { 'x-kubernetes-map-type': 'atomic' },
  [`${core}SecretKeySelector`]: { 'x-kubernetes-map-type': 'atomic' },
  [`${core}ObjectFieldSelector`]: { 'x-kubernetes-map-type': 'atomic' },
  [`${core}ResourceFieldSelector`]: { 'x-kubernetes-map-type': 'atomic' },
  [`${core}LocalObjectReference`]: { 'x-kubernetes-map-type': 'atomic' },
  [`${core}TypedLocalObjectReference`]: { 'x-kubernetes-map-type': 'atomic' },
  [`${core}NodeSelector`]: { 'x-kubernetes-map-type': 'atomic' },
  [`${core}NodeSelectorTerm`]: { 'x-kubernetes-map-type': 'atomic' },
  [`${core}ObjectReference`]: { 'x-kubernetes-map-type': 'atomic' },
};

/**
 * Fields kubernetes-models 4.5 (Kubernetes 1.33) has that the v1.32.0 spec does not (checked
 * against the v1.32.0-generated @kubernetes/client-node 1.1 models); a v1.32 server does not serve them.
 */
export const fieldsAddedAfter132: string[] = [
  `${core}ContainerStatus.stopSignal`,
  `${core}Lifecycle.stopSignal`,
  `${core}NodeSystemInfo.swap`,
  `${core}PodCondition.observedGeneration`,
  `${core}PodStatus.observedGeneration`,
  'io.k8s.api.apps.v1.DeploymentStatus.terminatingReplicas',
  'io.k8s.api.apps.v1.ReplicaSetStatus.terminatingReplicas',
  'io.k8s.api.autoscaling.v2.HPAScalingRules.tolerance',
  'io.k8s.api.discovery.v1.EndpointHints.forNodes',
  'io.k8s.api.storage.v1.CSIDriverSpec.nodeAllocatableUpdatePeriodSeconds',
  'io.k8s.api.storage.v1.VolumeError.errorCode',
];

/** Apply the tables to a set of definitions, in place. */
/**
 * Types with their own JSON (un)marshalling: the real spec describes them with a description
 * only (any JSON value), where the package's models make them empty objects.
 */
export const freeFormDefinitions = [
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON',
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrArray',
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrBool',
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrStringArray',
];

export function applyListMetadata(schemas: Record<string, Record<string, unknown>>): void {
  for (const name of freeFormDefinitions) {
    const schema = schemas[name];
    if (schema) for (const key of Object.keys(schema)) if (key !== 'description') delete schema[key];
  }
  for (const field of fieldsAddedAfter132) {
    const dot = field.lastIndexOf('.');
    const schema = schemas[field.slice(0, dot)];
    const props = schema?.properties as Record<string, unknown> | undefined;
    if (props) delete props[field.slice(dot + 1)];
    if (Array.isArray(schema?.required)) schema.required = (schema.required as string[]).filter((r) => r !== field.slice(dot + 1));
  }
  for (const [field, extensions] of Object.entries(listMetadata)) {
    const dot = field.lastIndexOf('.');
    const props = schemas[field.slice(0, dot)]?.properties as Record<string, Record<string, unknown>> | undefined;
    const prop = props?.[field.slice(dot + 1)];
    if (prop) Object.assign(prop, extensions);
  }
  for (const [name, extensions] of Object.entries(definitionMetadata)) if (schemas[name]) Object.assign(schemas[name], extensions);
}
