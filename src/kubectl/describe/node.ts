// The Node describer: conditions, addresses, capacity, system info, the lease, the node's
// non-terminated pods with their requests and limits, and events.

import type { CommandContext } from '../cmd/command.ts';
import { StatusError } from '../rest/errors.ts';
import { formattedQuantityOf, quantityString, type FormattedQuantity } from '../quantity.ts';
import { describeEvents, limitParam, searchEvents, type CoreEvent, type DescriberSettings } from './events.ts';
import { coordination, core, getTyped, listTyped, type Json } from './fetch.ts';
import type { PodLike } from './pod.ts';
import { addResourceList, milliValueOf, podRequestsAndLimits, valueOf, type ResourceList } from './resources.ts';
import { DescribeWriter, printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline, rfc1123z, since, type Taint } from './writer.ts';


interface Node {
  metadata: { name: string; uid?: string; creationTimestamp?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Json;
  status?: Json;
}

/** findNodeRoles: `node-role.kubernetes.io/ROLE` labels and `kubernetes.io/role`, sorted. */
function nodeRoles(labels: Record<string, string> | undefined): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort();
}

/** int64(float64(a) / float64(b) * 100) as Go computes it on amd64 (NaN and infinities become the minimum int64). */
function percent(a: number, b: number): string {
  const f = (a / b) * 100;
  return Number.isFinite(f) ? String(Math.trunc(f)) : '-9223372036854775808';
}

const zero: FormattedQuantity = formattedQuantityOf(undefined);
const get = (list: ResourceList, name: string) => list.get(name) ?? zero;
const text = (q: FormattedQuantity) => quantityString(q);

const isHugePage = (name: string) => name.startsWith('hugepages-');
/** IsStandardContainerResourceName */
const standardContainerResources = new Set(['cpu', 'memory', 'ephemeral-storage']);

function describeNodeResource(w: DescribeWriter, pods: PodLike[], node: Node, now: Date): void {
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const rawAllocatable = Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status?.allocatable : node.status?.capacity;
  const allocatable: ResourceList = new Map(Object.entries((rawAllocatable as Json | undefined) ?? {}).map(([k, v]) => [k, formattedQuantityOf(v)]));
  const cpuAlloc = milliValueOf(allocatable.get('cpu'));
  const memAlloc = valueOf(allocatable.get('memory'));
  const totalRequests: ResourceList = new Map();
  const totalLimits: ResourceList = new Map();
  for (const pod of pods) {
    const { requests, limits } = podRequestsAndLimits(pod);
    addResourceList(totalRequests, requests);
    addResourceList(totalLimits, limits);
    const cpuReq = get(requests, 'cpu');
    const cpuLim = get(limits, 'cpu');
    const memReq = get(requests, 'memory');
    const memLim = get(limits, 'memory');
    w.write(
      1,
      `${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t${text(cpuReq)} (${percent(milliValueOf(cpuReq), cpuAlloc)}%)\t${text(cpuLim)} (${percent(milliValueOf(cpuLim), cpuAlloc)}%)\t` +
        `${text(memReq)} (${percent(valueOf(memReq), memAlloc)}%)\t${text(memLim)} (${percent(valueOf(memLim), memAlloc)}%)\t${since(now, pod.metadata?.creationTimestamp)}\n`,
    );
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  // The totals' fractions are 0 when nothing is allocatable.
  const fraction = (q: FormattedQuantity, alloc: number, milli: boolean) => (alloc === 0 ? '0' : percent(milli ? milliValueOf(q) : valueOf(q), alloc));
  const row = (name: string, alloc: number, milli: boolean) => {
    const req = get(totalRequests, name);
    const lim = get(totalLimits, name);
    w.write(1, `${name}\t${text(req)} (${fraction(req, alloc, milli)}%)\t${text(lim)} (${fraction(lim, alloc, milli)}%)\n`);
  };
  row('cpu', cpuAlloc, true);
  row('memory', memAlloc, false);
  row('ephemeral-storage', valueOf(allocatable.get('ephemeral-storage')), false);
  const names = [...allocatable.keys()];
  for (const name of names.filter(isHugePage).sort()) row(name, valueOf(allocatable.get(name)), false);
  for (const name of names.filter((n) => !isHugePage(n) && !standardContainerResources.has(n) && n !== 'pods').sort()) {
    w.write(1, `${name}\t${text(get(totalRequests, name))}\t${text(get(totalLimits, name))}\n`);
  }
}

/** NodeDescriber */
export async function describeNode(ctx: CommandContext, namespace: string, name: string, settings: DescriberSettings): Promise<string> {
  const node = await getTyped<Node>(ctx, core('nodes', false), '', name);
  let pods: PodLike[] | undefined;
  try {
    pods = await listTyped<PodLike>(ctx, core('pods'), namespace, {
      fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed`,
      limit: limitParam(settings),
    });
  } catch (e) {
    if (!(e instanceof StatusError && e.status.reason === 'Forbidden')) throw e;
  }
  let events: CoreEvent[] | undefined;
  if (settings.showEvents) {
    // Controllers report node events under the node's uid, the kubelet under its name.
    const byUID = await searchEvents(ctx, { name, namespace: '', kind: 'Node', uid: node.metadata.uid }, settings);
    const byName = await searchEvents(ctx, { name, namespace: '', kind: 'Node', uid: name }, settings);
    events = [...byUID, ...byName];
  }
  const w = new DescribeWriter();
  const spec = node.spec ?? {};
  const status = node.status ?? {};
  w.write(0, `Name:\t${node.metadata.name}\n`);
  const roles = nodeRoles(node.metadata.labels);
  w.write(0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
  printLabelsMultiline(w, 'Labels', node.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
  printTaintsMultiline(w, 'Taints', spec.taints as Taint[] | undefined);
  w.write(0, `Unschedulable:\t${spec.unschedulable === true}\n`);
  try {
    const lease = await getTyped<{ spec?: Json }>(ctx, coordination('leases'), 'kube-node-lease', name);
    w.write(0, 'Lease:\n');
    w.write(1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`);
    w.write(1, `AcquireTime:\t${lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>'}\n`);
    w.write(1, `RenewTime:\t${lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : '<unset>'}\n`);
  } catch (e) {
    w.write(0, `Lease:\tFailed to get lease: ${(e as Error).message}\n`);
  }
  const conditions = (status.conditions as Json[] | undefined) ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(1, `${c.type ?? ''} \t${c.status ?? ''} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
  }
  w.write(0, 'Addresses:\n');
  for (const a of (status.addresses as Json[] | undefined) ?? []) w.write(1, `${a.type ?? ''}:\t${a.address ?? ''}\n`);
  for (const [title, list] of [['Capacity', status.capacity], ['Allocatable', status.allocatable]] as const) {
    const names = Object.keys((list as Json | undefined) ?? {}).sort();
    if (names.length === 0) continue;
    w.write(0, `${title}:\n`);
    for (const n of names) w.write(0, `  ${n}:\t${text(formattedQuantityOf((list as Json)[n]))}\n`);
  }
  const info = (status.nodeInfo as Json | undefined) ?? {};
  w.write(0, 'System Info:\n');
  for (const [label, field] of [
    ['Machine ID', 'machineID'],
    ['System UUID', 'systemUUID'],
    ['Boot ID', 'bootID'],
    ['Kernel Version', 'kernelVersion'],
    ['OS Image', 'osImage'],
    ['Operating System', 'operatingSystem'],
    ['Architecture', 'architecture'],
    ['Container Runtime Version', 'containerRuntimeVersion'],
    ['Kubelet Version', 'kubeletVersion'],
    ['Kube-Proxy Version', 'kubeProxyVersion'],
  ]) {
    w.write(0, `  ${label}:\t${info[field!] ?? ''}\n`);
  }
  if (spec.podCIDR) w.write(0, `PodCIDR:\t${spec.podCIDR}\n`);
  if ((spec.podCIDRs ?? []).length > 0) w.write(0, `PodCIDRs:\t${(spec.podCIDRs as string[]).join(',')}\n`);
  if (spec.providerID) w.write(0, `ProviderID:\t${spec.providerID}\n`);
  if (pods) describeNodeResource(w, pods, node, ctx.now());
  else w.write(0, 'Pods:\tnot authorized\n');
  if (events) describeEvents(w, events, ctx.now());
  return w.text();
}
