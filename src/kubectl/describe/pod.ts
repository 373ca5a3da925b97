// The pod parts of kubectl describe: describePod, and the container, volume and pod template
// printers the workload describers share (pkg/describe/describe.go).

import type { Json } from './fetch.ts';
import { formattedQuantityOf, quantityString } from '../quantity.ts';
import { describeEvents, type CoreEvent } from './events.ts';
import { qosClassOf } from './resources.ts';
import { goSortSlice } from '../printers/go_sort.ts';
import {
  controllerOf,
  DescribeWriter,
  formatLabelSelector,
  printAnnotationsMultiline,
  printBool,
  printLabelsMultiline,
  printTolerationsMultiline,
  rfc1123z,
  since,
  stringOrNone,
  type LabelSelector,
  type OwnerReference,
  type Toleration,
} from './writer.ts';


export interface PodLike {
  metadata?: Json & { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string>; ownerReferences?: OwnerReference[] };
  spec?: Json;
  status?: Json;
}

/** fieldpath.ExtractFieldPathAsString for the paths a pod's env may name. */
function podFieldValue(pod: PodLike, fieldPath: string): string {
  const meta = pod.metadata ?? {};
  const keyed = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(fieldPath);
  if (keyed) return String((meta[keyed[1]!] as Record<string, string> | undefined)?.[keyed[2]!] ?? '');
  const simple: Record<string, unknown> = {
    'metadata.name': meta.name,
    'metadata.namespace': meta.namespace,
    'metadata.uid': meta.uid,
    'spec.nodeName': pod.spec?.nodeName,
    'spec.serviceAccountName': pod.spec?.serviceAccountName,
    'status.hostIP': pod.status?.hostIP,
    'status.podIP': pod.status?.podIP,
  };
  return String(simple[fieldPath] ?? '');
}

const intOrString = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** DescribeProbe */
function describeProbe(probe: Json): string {
  const attrs = `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 0}s period=${probe.periodSeconds ?? 0}s #success=${probe.successThreshold ?? 0} #failure=${probe.failureThreshold ?? 0}`;
  if (probe.exec) return `exec [${((probe.exec.command as string[] | undefined) ?? []).join(' ')}] ${attrs}`;
  if (probe.httpGet) {
    const h = probe.httpGet as Json;
    const scheme = String(h.scheme ?? '').toLowerCase();
    const port = intOrString(h.port);
    const host = String(h.host ?? '');
    const hostPort = port ? (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`) : host;
    let path = String(h.path ?? '');
    let url = scheme ? `${scheme}:` : '';
    if (scheme || hostPort) {
      if (hostPort || path) url += `//${hostPort}`;
      if (path && !path.startsWith('/') && hostPort) path = `/${path}`;
    }
    return `http-get ${url}${path} ${attrs}`;
  }
  if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${intOrString(probe.tcpSocket.port)} ${attrs}`;
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port ?? 0} ${probe.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

/** describeResources: limits, then requests, each sorted by resource name. */
function describeResources(w: DescribeWriter, resources: Json | undefined, level: number): void {
  for (const [title, list] of [['Limits', resources?.limits], ['Requests', resources?.requests]] as const) {
    const names = Object.keys((list as Json | undefined) ?? {}).sort();
    if (names.length > 0) w.write(level, `${title}:\n`);
    for (const name of names) w.write(level + 1, `${name}:\t${quantityString(formattedQuantityOf((list as Json)[name]))}\n`);
  }
}

function describeStatus(w: DescribeWriter, stateName: string, state: Json | undefined): void {
  if (state?.running) {
    w.write(2, `${stateName}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(2, `${stateName}:\tWaiting\n`);
    if (state.waiting.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated as Json;
    w.write(2, `${stateName}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode ?? 0}\n`);
    if ((t.signal ?? 0) > 0) w.write(3, `Signal:\t${t.signal}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(2, `${stateName}:\tWaiting\n`);
  }
}

function describeEnv(w: DescribeWriter, container: Json, pod: PodLike | undefined): void {
  const envFrom = (container.envFrom as Json[] | undefined) ?? [];
  if (envFrom.length > 0) {
    w.write(2, 'Environment Variables from:\n');
    for (const e of envFrom) {
      const ref = (e.configMapRef ?? e.secretRef) as Json | undefined;
      const from = e.configMapRef ? 'ConfigMap' : e.secretRef ? 'Secret' : '';
      const optional = ref?.optional === true;
      if (e.prefix) w.write(3, `${ref?.name ?? ''}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`);
      else w.write(3, `${ref?.name ?? ''}\t${from}\tOptional: ${optional}\n`);
    }
  }
  const env = (container.env as Json[] | undefined) ?? [];
  w.write(2, env.length === 0 ? 'Environment:\t<none>\n' : 'Environment:\n');
  for (const e of env) {
    const from = e.valueFrom as Json | undefined;
    if (!from) {
      String(e.value ?? '')
        .split('\n')
        .forEach((line, i) => w.write(3, i === 0 ? `${e.name}:\t${line}\n` : `\t${line}\n`));
    } else if (from.fieldRef) {
      const value = pod ? podFieldValue(pod, String(from.fieldRef.fieldPath ?? '')) : '';
      w.write(3, `${e.name}:\t${value} (${from.fieldRef.apiVersion ?? ''}:${from.fieldRef.fieldPath ?? ''})\n`);
    } else if (from.resourceFieldRef) {
      w.write(3, `${e.name}:\t${resourceFieldValue(container, from.resourceFieldRef as Json)} (${from.resourceFieldRef.resource ?? ''})\n`);
    } else if (from.secretKeyRef) {
      w.write(3, `${e.name}:\t<set to the key '${from.secretKeyRef.key ?? ''}' in secret '${from.secretKeyRef.name ?? ''}'>\tOptional: ${from.secretKeyRef.optional === true}\n`);
    } else if (from.configMapKeyRef) {
      w.write(3, `${e.name}:\t<set to the key '${from.configMapKeyRef.key ?? ''}' of config map '${from.configMapKeyRef.name ?? ''}'>\tOptional: ${from.configMapKeyRef.optional === true}\n`);
    }
  }
}

/** ExtractContainerResourceValue for the plain case (divisor 1); unset limits read as node allocatable. */
function resourceFieldValue(container: Json, ref: Json): string {
  const [kind, name] = String(ref.resource ?? '').split('.');
  const list = (container.resources?.[kind === 'limits' ? 'limits' : 'requests'] as Json | undefined) ?? {};
  const q = formattedQuantityOf(list[name ?? '']);
  if (q.value.numerator === 0n && (ref.resource === 'limits.cpu' || ref.resource === 'limits.memory')) return 'node allocatable';
  if (name === 'cpu') {
    const cores = (q.value.numerator + q.value.denominator - 1n) / q.value.denominator;
    return String(cores);
  }
  return String(q.value.numerator / q.value.denominator);
}

/** describeContainers: one block per container, with its status when the pod reported one. */
function describeContainers(w: DescribeWriter, label: string, containers: Json[], statuses: Json[] | undefined, pod: PodLike | undefined, space: string): void {
  const byName = new Map<string, Json>();
  for (const s of statuses ?? []) byName.set(String(s.name), s);
  w.write(0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const c of containers) {
    const status = byName.get(String(c.name));
    w.write(1, `${space ? ' ' : ''}${c.name}:\n`);
    if (status) w.write(2, `Container ID:\t${status.containerID ?? ''}\n`);
    w.write(2, `Image:\t${c.image ?? ''}\n`);
    if (status) w.write(2, `Image ID:\t${status.imageID ?? ''}\n`);
    const ports = (c.ports as Json[] | undefined) ?? [];
    const portString = ports.map((p) => `${p.containerPort ?? 0}/${p.protocol ?? ''}`).join(', ');
    if (portString.includes(',')) w.write(2, `Ports:\t${portString}\n`);
    else w.write(2, `Port:\t${stringOrNone(portString)}\n`);
    const hostPorts = ports.map((p) => `${p.hostPort ?? 0}/${p.protocol ?? ''}`).join(', ');
    if (hostPorts.includes(',')) w.write(2, `Host Ports:\t${hostPorts}\n`);
    else w.write(2, `Host Port:\t${stringOrNone(hostPorts)}\n`);
    const seccomp = c.securityContext?.seccompProfile as Json | undefined;
    if (seccomp) {
      w.write(2, `SeccompProfile:\t${seccomp.type ?? ''}\n`);
      if (seccomp.type === 'Localhost') w.write(3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
    }
    for (const [title, lines] of [['Command', c.command], ['Args', c.args]] as const) {
      if (!Array.isArray(lines) || lines.length === 0) continue;
      w.write(2, `${title}:\n`);
      for (const line of lines as string[]) for (const s of String(line).split('\n')) w.write(3, `${s}\n`);
    }
    if (status) {
      describeStatus(w, 'State', status.state);
      if (status.lastState?.terminated) describeStatus(w, 'Last State', status.lastState);
      w.write(2, `Ready:\t${printBool(status.ready)}\n`);
      w.write(2, `Restart Count:\t${status.restartCount ?? 0}\n`);
    }
    describeResources(w, c.resources, 2);
    if (c.livenessProbe) w.write(2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    describeEnv(w, c, pod);
    const mounts = goSortSlice([...((c.volumeMounts as Json[] | undefined) ?? [])], (a, b) => String(a.mountPath) < String(b.mountPath));
    w.write(2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
    for (const m of mounts) {
      const flags = [m.readOnly ? 'ro' : 'rw'];
      if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
      w.write(3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
    }
    const devices = goSortSlice([...((c.volumeDevices as Json[] | undefined) ?? [])], (a, b) => String(a.devicePath) < String(b.devicePath));
    if (devices.length > 0) {
      w.write(2, `Devices:${mounts.length === 0 ? '\t<none>' : ''}\n`);
      for (const d of devices) w.write(3, `${d.devicePath} from ${d.name}\n`);
    }
  }
}

/** `%v` of a *bool: the value, or <nil>. */
const optionalPointer = (v: unknown) => (v === undefined || v === null ? '<nil>' : String(v));

function describeVolume(w: DescribeWriter, v: Json): void {
  if (v.hostPath) {
    w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path ?? ''}\n    HostPathType:\t${v.hostPath.type === undefined || v.hostPath.type === null ? '<none>' : v.hostPath.type}\n`);
  } else if (v.emptyDir) {
    const size = v.emptyDir.sizeLimit && formattedQuantityOf(v.emptyDir.sizeLimit).value.numerator > 0n ? quantityString(formattedQuantityOf(v.emptyDir.sizeLimit)) : '<unset>';
    w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${size}\n`);
  } else if (v.secret) {
    w.write(2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ''}\n    Optional:\t${v.secret.optional === true}\n`);
  } else if (v.configMap) {
    w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ''}\n    Optional:\t${v.configMap.optional === true}\n`);
  } else if (v.nfs) {
    w.write(2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${v.nfs.server ?? ''}\n    Path:\t${v.nfs.path ?? ''}\n    ReadOnly:\t${v.nfs.readOnly === true}\n`);
  } else if (v.persistentVolumeClaim) {
    w.write(2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName ?? ''}\n    ReadOnly:\t${v.persistentVolumeClaim.readOnly === true}\n`);
  } else if (v.downwardAPI) {
    w.write(2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const item of (v.downwardAPI.items as Json[] | undefined) ?? []) {
      if (item.fieldRef) w.write(3, `${item.fieldRef.fieldPath ?? ''} -> ${item.path ?? ''}\n`);
      if (item.resourceFieldRef) w.write(3, `${item.resourceFieldRef.resource ?? ''} -> ${item.path ?? ''}\n`);
    }
  } else if (v.projected) {
    w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
    for (const s of (v.projected.sources as Json[] | undefined) ?? []) {
      if (s.secret) w.write(2, `SecretName:\t${s.secret.name ?? ''}\n    SecretOptionalName:\t${optionalPointer(s.secret.optional)}\n`);
      else if (s.downwardAPI) w.write(2, 'DownwardAPI:\ttrue\n');
      else if (s.configMap) w.write(2, `ConfigMapName:\t${s.configMap.name ?? ''}\n    ConfigMapOptional:\t${optionalPointer(s.configMap.optional)}\n`);
      else if (s.serviceAccountToken) w.write(2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 0}\n`);
    }
  } else if (v.csi) {
    w.write(2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${v.csi.driver ?? ''}\n    FSType:\t${v.csi.fsType ?? ''}\n    ReadOnly:\t${v.csi.readOnly === true}\n`);
    const attrs = (v.csi.volumeAttributes as Record<string, string> | undefined) ?? {};
    const keys = Object.keys(attrs).sort();
    w.write(2, 'VolumeAttributes:\t');
    if (keys.length === 0) w.write(0, '<none>\n');
    keys.forEach((k, i) => {
      if (i !== 0) w.write(2, '\t');
      const line = `${k}=${attrs[k]}`;
      w.write(2, line.length > 140 ? `${line.slice(0, 140)}...\n` : `${line}\n`);
    });
  } else if (v.image) {
    w.write(2, `Type:\tImage (a container image or OCI artifact)\n    Reference:\t${v.image.reference ?? ''}\n    PullPolicy:\t${v.image.pullPolicy ?? ''}\n`);
  } else {
    w.write(1, '<unknown>\n');
  }
}

/** describeVolumes */
function describeVolumes(w: DescribeWriter, volumes: Json[] | undefined, space: string): void {
  if (!volumes || volumes.length === 0) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(1, `${space ? ' ' : ''}${v.name}:\n`);
    describeVolume(w, v);
  }
}

function describeTopologySpreadConstraints(w: DescribeWriter, constraints: Json[] | undefined, space: string): void {
  if (!constraints || constraints.length === 0) return;
  const sorted = goSortSlice([...constraints], (a, b) => String(a.topologyKey) < String(b.topologyKey));
  w.write(0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((c, i) => {
    if (i !== 0) w.write(0, `${space}\t`);
    let line = `${c.topologyKey}:${c.whenUnsatisfiable ?? ''} when max skew ${c.maxSkew ?? 0} is exceeded`;
    if (c.labelSelector) line += ` for selector ${formatLabelSelector(c.labelSelector as LabelSelector)}`;
    w.write(0, `${line}\n`);
  });
}

/** DescribePodTemplate: a workload's template, indented under `Pod Template:`. */
export function describePodTemplate(w: DescribeWriter, template: PodLike | undefined): void {
  w.write(0, 'Pod Template:\n');
  if (!template) {
    w.write(1, '<unset>');
    return;
  }
  const spec = template.spec ?? {};
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) printAnnotationsMultiline(w, '  Annotations', template.metadata?.annotations);
  if (spec.serviceAccountName) w.write(1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec.initContainers ?? []).length > 0) describeContainers(w, 'Init Containers', spec.initContainers, undefined, undefined, '  ');
  describeContainers(w, 'Containers', spec.containers ?? [], undefined, undefined, '  ');
  describeVolumes(w, spec.volumes, '  ');
  describeTopologySpreadConstraints(w, spec.topologySpreadConstraints, '  ');
  if (spec.priorityClassName) w.write(1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations as Toleration[] | undefined);
}

/** describePod */
export function describePod(pod: PodLike, events: CoreEvent[] | undefined, now: Date): string {
  const w = new DescribeWriter();
  const meta = pod.metadata ?? {};
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  w.write(0, `Name:\t${meta.name ?? ''}\n`);
  w.write(0, `Namespace:\t${meta.namespace ?? ''}\n`);
  if (spec.priority !== undefined && spec.priority !== null) w.write(0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(0, `Status:\tTerminating (lasts ${since(now, meta.deletionTimestamp)})\n`);
    w.write(0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(0, `Status:\t${status.phase ?? ''}\n`);
  }
  if (status.reason) w.write(0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(0, `Message:\t${status.message}\n`);
  const seccomp = spec.securityContext?.seccompProfile as Json | undefined;
  if (seccomp) {
    w.write(0, `SeccompProfile:\t${seccomp.type ?? ''}\n`);
    if (seccomp.type === 'Localhost') w.write(0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
  }
  w.write(0, `IP:\t${status.podIP ?? ''}\n`);
  const ips = (status.podIPs as Json[] | undefined) ?? [];
  if (ips.length === 0) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of ips) w.write(1, `IP:\t${ip.ip ?? ''}\n`);
  }
  const controller = controllerOf(meta);
  if (controller) w.write(0, `Controlled By:\t${controller.kind ?? ''}/${controller.name ?? ''}\n`);
  if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  if (spec.resources) {
    w.write(0, 'Resources:\n');
    describeResources(w, spec.resources, 1);
  }
  if ((spec.initContainers ?? []).length > 0) describeContainers(w, 'Init Containers', spec.initContainers, status.initContainerStatuses, pod, '');
  describeContainers(w, 'Containers', spec.containers ?? [], status.containerStatuses, pod, '');
  if ((spec.ephemeralContainers ?? []).length > 0) describeContainers(w, 'Ephemeral Containers', spec.ephemeralContainers, status.ephemeralContainerStatuses, pod, '');
  const conditions = (status.conditions as Json[] | undefined) ?? [];
  const gates = (spec.readinessGates as Json[] | undefined) ?? [];
  if (gates.length > 0) {
    w.write(0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of gates) {
      const c = conditions.find((x) => x.type === g.conditionType);
      w.write(1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
    }
  }
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, spec.volumes, '');
  w.write(0, `QoS Class:\t${qosClassOf(pod)}\n`);
  printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, 'Tolerations', spec.tolerations as Toleration[] | undefined);
  describeTopologySpreadConstraints(w, spec.topologySpreadConstraints, '');
  if (events) describeEvents(w, events, now);
  return w.text();
}
