// PodSpec and Container as core/v1 defaults and validates them (SetDefaults_PodSpec,
// SetDefaults_Container, ValidatePodSpec), shared by Pods and every pod template.

import { invalid, notSupported, required, type FieldError } from '../fielderrors.ts';
import { isObject, type JsonObject } from '../types.ts';
import { arrayOf, defaultTo, objectOf, orderKeys, stringOf } from './objects.ts';
import { isDNS1123Label, isValidPortName, portRangeMsg } from './validation.ts';

const podSpecOrder = [
  'volumes', 'initContainers', 'containers', 'ephemeralContainers', 'restartPolicy', 'terminationGracePeriodSeconds',
  'activeDeadlineSeconds', 'dnsPolicy', 'nodeSelector', 'serviceAccountName', 'serviceAccount',
  'automountServiceAccountToken', 'nodeName', 'hostNetwork', 'hostPID', 'hostIPC', 'shareProcessNamespace',
  'securityContext', 'imagePullSecrets', 'hostname', 'subdomain', 'affinity', 'schedulerName', 'tolerations',
  'hostAliases', 'priorityClassName', 'priority', 'dnsConfig', 'readinessGates', 'runtimeClassName',
  'enableServiceLinks', 'preemptionPolicy', 'overhead', 'topologySpreadConstraints', 'setHostnameAsFQDN', 'os',
  'hostUsers', 'schedulingGates', 'resourceClaims', 'resources',
] as const;

const containerOrder = [
  'name', 'image', 'command', 'args', 'workingDir', 'ports', 'envFrom', 'env', 'resources', 'resizePolicy',
  'restartPolicy', 'volumeMounts', 'volumeDevices', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle',
  'terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy', 'securityContext', 'stdin', 'stdinOnce', 'tty',
] as const;

const containerPortOrder = ['name', 'hostPort', 'containerPort', 'protocol', 'hostIP'] as const;

/** The tag of an image reference, '' when none (a digest counts as pinned). */
function imageTag(image: string): string {
  if (image.includes('@')) return '@';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  return colon > lastSlash ? image.slice(colon + 1) : '';
}

/** SetDefaults_Container: pull policy from the tag, termination message defaults. */
export function defaultContainer(c: JsonObject): void {
  const image = stringOf(c.image);
  if (c.imagePullPolicy === undefined && image) {
    const tag = imageTag(image);
    c.imagePullPolicy = tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
  }
  defaultTo(c, 'terminationMessagePath', '/dev/termination-log');
  defaultTo(c, 'terminationMessagePolicy', 'File');
  // Resources is a struct, not a pointer: it always marshals, empty as {}.
  defaultTo(c, 'resources', {});
  for (const port of arrayOf(c.ports)) {
    defaultTo(port, 'protocol', 'TCP');
    orderKeys(port, containerPortOrder);
  }
  for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) if (isObject(probe)) defaultProbe(probe as JsonObject);
  for (const env of arrayOf(c.env)) {
    // SetDefaults_ObjectFieldSelector
    const fieldRef = objectOf(env.valueFrom).fieldRef;
    if (isObject(fieldRef)) {
      defaultTo(fieldRef, 'apiVersion', 'v1');
      orderKeys(fieldRef, ['apiVersion', 'fieldPath']);
    }
  }
  orderKeys(c, containerOrder);
}

const probeOrder = [
  'exec', 'httpGet', 'tcpSocket', 'grpc', 'initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold',
  'failureThreshold', 'terminationGracePeriodSeconds',
] as const;

/** SetDefaults_Probe and SetDefaults_HTTPGetAction. */
function defaultProbe(probe: JsonObject): void {
  if (isObject(probe.httpGet)) {
    const get = probe.httpGet as JsonObject;
    defaultTo(get, 'path', '/');
    defaultTo(get, 'scheme', 'HTTP');
    orderKeys(get, ['path', 'port', 'host', 'scheme', 'httpHeaders']);
  }
  defaultTo(probe, 'timeoutSeconds', 1);
  defaultTo(probe, 'periodSeconds', 10);
  defaultTo(probe, 'successThreshold', 1);
  defaultTo(probe, 'failureThreshold', 3);
  orderKeys(probe, probeOrder);
}

/** PodSpec's keys in Go field order. */
export const orderPodSpec = (spec: JsonObject) => orderKeys(spec, podSpecOrder);

/** SetDefaults_PodSpec (with the container defaults). */
export function defaultPodSpec(spec: JsonObject): void {
  defaultTo(spec, 'dnsPolicy', 'ClusterFirst');
  defaultTo(spec, 'restartPolicy', 'Always');
  defaultTo(spec, 'terminationGracePeriodSeconds', 30);
  defaultTo(spec, 'securityContext', {});
  defaultTo(spec, 'schedulerName', 'default-scheduler');
  for (const c of [...arrayOf(spec.initContainers), ...arrayOf(spec.containers)]) defaultContainer(c);
  orderKeys(spec, podSpecOrder);
}

/** The parts of a pod template's metadata Go always writes (creationTimestamp: null in v1.32). */
export function defaultTemplateMetadata(template: JsonObject): void {
  const meta = objectOf(template.metadata);
  const { creationTimestamp: _ignored, ...rest } = meta;
  template.metadata = { creationTimestamp: null, ...rest };
  if (!isObject(template.spec)) template.spec = {};
  defaultPodSpec(template.spec as JsonObject);
  orderKeys(template, ['metadata', 'spec']);
}

const restartPolicies = ['Always', 'OnFailure', 'Never'];
const dnsPolicies = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const protocols = ['SCTP', 'TCP', 'UDP'];

/** The checks of ValidatePodSpec a learner can trip over, in the order it runs them. */
export function validatePodSpec(spec: JsonObject, path: string, allowedRestartPolicies = restartPolicies): FieldError[] {
  const errs: FieldError[] = [];
  const containers = arrayOf(spec.containers);
  if (containers.length === 0) errs.push(required(`${path}.containers`));
  const seen = new Set<string>();
  containers.forEach((c, i) => {
    const p = `${path}.containers[${i}]`;
    const name = stringOf(c.name);
    if (!name) errs.push(required(`${p}.name`));
    else {
      for (const msg of isDNS1123Label(name)) errs.push(invalid(`${p}.name`, name, msg));
      if (seen.has(name)) errs.push({ type: 'FieldValueDuplicate', field: `${p}.name`, value: name, detail: '' });
      seen.add(name);
    }
    if (!stringOf(c.image)) errs.push(required(`${p}.image`));
    arrayOf(c.ports).forEach((port, j) => {
      const pp = `${p}.ports[${j}]`;
      const portName = stringOf(port.name);
      if (portName) for (const msg of isValidPortName(portName)) errs.push(invalid(`${pp}.name`, portName, msg));
      const n = port.containerPort;
      if (typeof n !== 'number' || n < 1 || n > 65535) errs.push(invalid(`${pp}.containerPort`, n ?? 0, portRangeMsg));
      const protocol = stringOf(port.protocol);
      if (protocol && !protocols.includes(protocol)) errs.push(notSupported(`${pp}.protocol`, protocol, protocols));
    });
  });
  const restartPolicy = stringOf(spec.restartPolicy);
  if (restartPolicy && !allowedRestartPolicies.includes(restartPolicy)) {
    errs.push(notSupported(`${path}.restartPolicy`, restartPolicy, allowedRestartPolicies));
  }
  const dnsPolicy = stringOf(spec.dnsPolicy);
  if (dnsPolicy && !dnsPolicies.includes(dnsPolicy)) errs.push(notSupported(`${path}.dnsPolicy`, dnsPolicy, dnsPolicies));
  return errs;
}

/** Container names and images as the printers lay them out: comma-joined. */
export function layoutContainerCells(containers: JsonObject[]): [string, string] {
  return [containers.map((c) => stringOf(c.name)).join(','), containers.map((c) => stringOf(c.image)).join(',')];
}
