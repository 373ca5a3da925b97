// core/v1 services: SetDefaults_Service, the registry's ClusterIP and IP family allocation,
// validation and printService's Table.

import { invalid, notSupported, required, type FieldError } from '../fielderrors.ts';
import type { ObjectLookup, ResourceType, TableDefinition } from '../resources.ts';
import { ageColumn, ageOf, column, nameColumn } from '../table.ts';
import { clone, isObject, type JsonObject, type KubeObject } from '../types.ts';
import { describe } from './descriptions.ts';
import { allocateClusterIP, needsClusterIP } from './ipallocator.ts';
import { arrayOf, defaultTo, formatLabels, objectOf, orderKeys, specOf, statusOf, stringMap, stringOf } from './objects.ts';
import { isDNS1035Label, isValidPortName, portRangeMsg, validateObjectMeta } from './validation.ts';

const serviceSpecOrder = [
  'ports', 'selector', 'clusterIP', 'clusterIPs', 'type', 'externalIPs', 'sessionAffinity', 'loadBalancerIP',
  'loadBalancerSourceRanges', 'externalName', 'externalTrafficPolicy', 'healthCheckNodePort', 'publishNotReadyAddresses',
  'sessionAffinityConfig', 'ipFamilies', 'ipFamilyPolicy', 'allocateLoadBalancerNodePorts', 'loadBalancerClass',
  'internalTrafficPolicy', 'trafficDistribution',
] as const;
const servicePortOrder = ['name', 'protocol', 'appProtocol', 'port', 'targetPort', 'nodePort'] as const;
const serviceTypes = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const protocols = ['SCTP', 'TCP', 'UDP'];

/** SetDefaults_Service. */
function defaultService(svc: KubeObject): void {
  if (!isObject(svc.spec)) svc.spec = {};
  const spec = svc.spec as JsonObject;
  defaultTo(spec, 'sessionAffinity', 'None');
  defaultTo(spec, 'type', 'ClusterIP');
  for (const port of arrayOf(spec.ports)) {
    defaultTo(port, 'protocol', 'TCP');
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '') port.targetPort = port.port;
    orderKeys(port, servicePortOrder);
  }
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') defaultTo(spec, 'externalTrafficPolicy', 'Cluster');
  if (spec.type === 'LoadBalancer') defaultTo(spec, 'allocateLoadBalancerNodePorts', true);
  if (spec.type !== 'ExternalName') defaultTo(spec, 'internalTrafficPolicy', 'Cluster');
  orderKeys(spec, serviceSpecOrder);
  orderKeys(svc, ['kind', 'apiVersion', 'metadata', 'spec', 'status']);
}

/** The registry's IP handling: clusterIP/clusterIPs agree, a single-stack IPv4 family. */
export function assignClusterIP(svc: KubeObject, ip: string | undefined): void {
  const spec = specOf(svc);
  if (spec.type === 'ExternalName') return;
  const given = stringOf(spec.clusterIP) || stringOf(arrayOf(spec.clusterIPs)[0]) || ip || '';
  if (!given) return;
  spec.clusterIP = given;
  spec.clusterIPs = [given];
  defaultTo(spec, 'ipFamilies', ['IPv4']);
  defaultTo(spec, 'ipFamilyPolicy', 'SingleStack');
  orderKeys(spec, serviceSpecOrder);
  svc.spec = spec;
}

function prepareForCreate(svc: KubeObject, lookup?: ObjectLookup): void {
  const spec = specOf(svc);
  const ip = lookup && needsClusterIP(spec) ? allocateClusterIP(svc.metadata.namespace ?? '', svc.metadata.name ?? '', lookup) : undefined;
  assignClusterIP(svc, ip);
  svc.status = { loadBalancer: {} };
}

function prepareForUpdate(svc: KubeObject, old: KubeObject): void {
  const spec = specOf(svc);
  const oldSpec = specOf(old);
  // Allocated fields carry over when an update (a client-side apply) leaves them out.
  for (const k of ['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy']) if (spec[k] === undefined) spec[k] = clone(oldSpec[k]);
  orderKeys(spec, serviceSpecOrder);
  svc.status = clone(old.status);
}

/** The parts of ValidateService a learner can break. */
function validate(svc: KubeObject): FieldError[] {
  const errs = validateObjectMeta(svc, true, isDNS1035Label);
  const spec = specOf(svc);
  const type = stringOf(spec.type);
  if (type && !serviceTypes.includes(type)) errs.push(notSupported('spec.type', type, serviceTypes));
  const ports = arrayOf(spec.ports);
  if (ports.length === 0 && type !== 'ExternalName' && spec.clusterIP !== 'None') errs.push(required('spec.ports'));
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const p = `spec.ports[${i}]`;
    const name = stringOf(port.name);
    if (ports.length > 1 && !name) errs.push(required(`${p}.name`));
    else if (name) {
      for (const msg of isDNS1035LabelPortName(name)) errs.push(invalid(`${p}.name`, name, msg));
      if (names.has(name)) errs.push({ type: 'FieldValueDuplicate', field: `${p}.name`, value: name, detail: '' });
      names.add(name);
    }
    const n = port.port;
    if (typeof n !== 'number' || n < 1 || n > 65535) errs.push(invalid(`${p}.port`, n ?? 0, portRangeMsg));
    const protocol = stringOf(port.protocol);
    if (protocol && !protocols.includes(protocol)) errs.push(notSupported(`${p}.protocol`, protocol, protocols));
    const target = port.targetPort;
    if (typeof target === 'number' && (target < 1 || target > 65535)) errs.push(invalid(`${p}.targetPort`, target, portRangeMsg));
    if (typeof target === 'string') for (const msg of isValidPortName(target)) errs.push(invalid(`${p}.targetPort`, target, msg));
  });
  return errs;
}

/** Service port names are DNS-1123 labels. */
const isDNS1035LabelPortName = (name: string): string[] =>
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) && name.length <= 63
    ? []
    : [
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      ];

/** loadBalancerStatusStringer: IPs or hostnames, sorted, clipped to 16 bytes unless wide. */
function loadBalancerIngress(svc: KubeObject, wide: boolean): string {
  const set = new Set<string>();
  for (const ing of arrayOf(objectOf(statusOf(svc).loadBalancer).ingress)) {
    const v = stringOf(ing.ip) || stringOf(ing.hostname);
    if (v) set.add(v);
  }
  let r = [...set].sort().join(',');
  if (!wide && r.length > 16) r = r.slice(0, 13) + '...';
  return r;
}

/** getServiceExternalIP; the server prints with Wide set, so nothing is clipped. */
function externalIP(svc: KubeObject): string {
  const spec = specOf(svc);
  const externalIPs = Array.isArray(spec.externalIPs) ? (spec.externalIPs as string[]) : [];
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerIngress(svc, true);
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return stringOf(spec.externalName);
  }
  return '<unknown>';
}

/** makePortString: `80/TCP`, `80:30080/TCP` with a node port. */
export function portString(ports: JsonObject[]): string {
  return ports
    .map((p) => (Number(p.nodePort ?? 0) > 0 ? `${String(p.port)}:${String(p.nodePort)}/${String(p.protocol)}` : `${String(p.port)}/${String(p.protocol)}`))
    .join(',');
}

export const serviceTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Type', 'string', describe.serviceType),
    column('Cluster-IP', 'string', describe.clusterIP),
    column('External-IP', 'string', describe.externalIPs),
    column('Port(s)', 'string', describe.servicePorts),
    ageColumn,
    column('Selector', 'string', describe.serviceSelector, 1),
  ],
  cells: (svc, ctx) => {
    const spec = specOf(svc);
    const clusterIPs = Array.isArray(spec.clusterIPs) ? (spec.clusterIPs as string[]) : [];
    return [
      svc.metadata.name ?? '',
      stringOf(spec.type),
      clusterIPs[0] ?? '<none>',
      externalIP(svc),
      portString(arrayOf(spec.ports)) || '<none>',
      ageOf(svc, ctx),
      formatLabels(stringMap(spec.selector)),
    ];
  },
};

/** Services' strategy; with a lookup, creation allocates the ClusterIP as the registry does. */
export function serviceBehaviour(lookup?: ObjectLookup): Partial<ResourceType> {
  return {
    defaults: defaultService,
    prepareForCreate: (svc) => prepareForCreate(svc, lookup),
    prepareForUpdate,
    validate,
    table: serviceTable,
  };
}
