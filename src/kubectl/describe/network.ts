// The Service, Endpoints and EndpointSlice describers.

import type { CommandContext } from '../cmd/command.ts';
import { describeEvents, eventsFor, type DescriberSettings } from './events.ts';
import { core, discovery, getTyped, listTyped, type Json, type Meta } from './fetch.ts';
import { DescribeWriter, formatLabels, printAnnotationsMultiline, printLabelsMultiline } from './writer.ts';



interface Service {
  metadata: Meta;
  spec?: Json;
  status?: Json;
}

interface EndpointSlice {
  metadata: Meta;
  addressType?: string;
  ports?: { name?: string | null; port?: number | null; protocol?: string }[];
  endpoints?: { addresses?: string[]; conditions?: { ready?: boolean | null }; hostname?: string; targetRef?: { kind?: string; name?: string }; nodeName?: string; zone?: string }[];
}

const joinHostPort = (host: string, port: number) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

/** formatEndpointSlices: ready addresses of the named port, at most three, then `+ N more...`. */
function formatEndpointSlices(slices: EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const slice of slices) {
    const endpoints = slice.endpoints ?? [];
    const ready = (e: (typeof endpoints)[number]) => e.conditions?.ready === undefined || e.conditions?.ready === null || e.conditions.ready;
    if ((slice.ports ?? []).length === 0) {
      for (const e of endpoints) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(e.addresses?.[0] ?? '');
        count++;
      }
      continue;
    }
    for (const port of slice.ports ?? []) {
      if ((port.name ?? '') !== portName) continue;
      for (const e of endpoints) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(joinHostPort(e.addresses?.[0] ?? '', port.port ?? 0));
        count++;
      }
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

/** ServiceDescriber */
export async function describeService(ctx: CommandContext, namespace: string, name: string, settings: DescriberSettings): Promise<string> {
  const svc = await getTyped<Service>(ctx, core('services'), namespace, name);
  let slices: EndpointSlice[] = [];
  try {
    slices = await listTyped<EndpointSlice>(ctx, discovery('endpointslices'), namespace, { labelSelector: `kubernetes.io/service-name=${name}` });
  } catch {
    // kubectl ignores a failed endpoint slice list.
  }
  const events = await eventsFor(ctx, { name: svc.metadata.name, namespace: svc.metadata.namespace ?? '', kind: 'Service', uid: svc.metadata.uid }, settings);
  const spec = svc.spec ?? {};
  const w = new DescribeWriter();
  w.write(0, `Name:\t${svc.metadata.name}\n`);
  w.write(0, `Namespace:\t${svc.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', svc.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', svc.metadata.annotations);
  w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(0, `Type:\t${spec.type ?? ''}\n`);
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  const families = (spec.ipFamilies as string[] | undefined) ?? [];
  w.write(0, `IP Families:\t${families.length > 0 ? families.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`);
  const ips = (spec.clusterIPs as string[] | undefined) ?? [];
  w.write(0, `IPs:\t${ips.length > 0 ? ips.join(',') : '<none>'}\n`);
  if ((spec.externalIPs ?? []).length > 0) w.write(0, `External IPs:\t${(spec.externalIPs as string[]).join(',')}\n`);
  if (spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
  const ingress = (svc.status?.loadBalancer?.ingress as Json[] | undefined) ?? [];
  if (ingress.length > 0) w.write(0, `LoadBalancer Ingress:\t${ingress.map((i) => (i.ip ? (i.ipMode ? `${i.ip} (${i.ipMode})` : i.ip) : (i.hostname ?? ''))).join(', ')}\n`);
  for (const sp of (spec.ports as Json[] | undefined) ?? []) {
    const portName = sp.name ? String(sp.name) : '<unset>';
    w.write(0, `Port:\t${portName}\t${sp.port ?? 0}/${sp.protocol ?? ''}\n`);
    w.write(0, `TargetPort:\t${sp.targetPort ?? 0}/${sp.protocol ?? ''}\n`);
    if (sp.nodePort) w.write(0, `NodePort:\t${portName}\t${sp.nodePort}/${sp.protocol ?? ''}\n`);
    w.write(0, `Endpoints:\t${formatEndpointSlices(slices, String(sp.name ?? ''))}\n`);
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if ((spec.loadBalancerSourceRanges ?? []).length > 0) w.write(0, `LoadBalancer Source Ranges:\t${(spec.loadBalancerSourceRanges as string[]).join(',')}\n`);
  if (spec.trafficDistribution) w.write(0, `Traffic Distribution:\t${spec.trafficDistribution}\n`);
  if (events) describeEvents(w, events, ctx.now());
  return w.text();
}

/** EndpointsDescriber */
export async function describeEndpoints(ctx: CommandContext, namespace: string, name: string, settings: DescriberSettings): Promise<string> {
  const ep = await getTyped<{ metadata: Meta; subsets?: Json[] }>(ctx, core('endpoints'), namespace, name);
  const events = await eventsFor(ctx, { name: ep.metadata.name, namespace: ep.metadata.namespace ?? '', kind: 'Endpoints', uid: ep.metadata.uid }, settings);
  const w = new DescribeWriter();
  w.write(0, `Name:\t${ep.metadata.name}\n`);
  w.write(0, `Namespace:\t${ep.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', ep.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ep.metadata.annotations);
  w.write(0, 'Subsets:\n');
  for (const subset of ep.subsets ?? []) {
    const ips = (list: Json[] | undefined) => (list ?? []).map((a) => a.ip ?? '').join(',') || '<none>';
    w.write(1, `Addresses:\t${ips(subset.addresses)}\n`);
    w.write(1, `NotReadyAddresses:\t${ips(subset.notReadyAddresses)}\n`);
    const ports = (subset.ports as Json[] | undefined) ?? [];
    if (ports.length > 0) {
      w.write(1, 'Ports:\n');
      w.write(2, 'Name\tPort\tProtocol\n');
      w.write(2, '----\t----\t--------\n');
      for (const p of ports) w.write(2, `${p.name || '<unset>'}\t${p.port ?? 0}\t${p.protocol ?? ''}\n`);
    }
    w.write(0, '\n');
  }
  if (events) describeEvents(w, events, ctx.now());
  return w.text();
}

/** EndpointSliceDescriber (discovery.k8s.io/v1) */
export async function describeEndpointSlice(ctx: CommandContext, namespace: string, name: string, settings: DescriberSettings): Promise<string> {
  const eps = await getTyped<EndpointSlice>(ctx, discovery('endpointslices'), namespace, name);
  const events = await eventsFor(ctx, { name: eps.metadata.name, namespace: eps.metadata.namespace ?? '', kind: 'EndpointSlice', uid: eps.metadata.uid }, settings);
  const w = new DescribeWriter();
  w.write(0, `Name:\t${eps.metadata.name}\n`);
  w.write(0, `Namespace:\t${eps.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', eps.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', eps.metadata.annotations);
  w.write(0, `AddressType:\t${eps.addressType ?? ''}\n`);
  const ports = eps.ports ?? [];
  if (ports.length === 0) w.write(0, 'Ports: <unset>\n');
  else {
    w.write(0, 'Ports:\n');
    w.write(1, 'Name\tPort\tProtocol\n');
    w.write(1, '----\t----\t--------\n');
    for (const p of ports) w.write(1, `${p.name || '<unset>'}\t${p.port === undefined || p.port === null ? '<unset>' : p.port}\t${p.protocol ?? ''}\n`);
  }
  const endpoints = eps.endpoints ?? [];
  if (endpoints.length === 0) w.write(0, 'Endpoints: <none>\n');
  else {
    w.write(0, 'Endpoints:\n');
    for (const e of endpoints) {
      w.write(1, `- Addresses:\t${(e.addresses ?? []).join(', ') || '<none>'}\n`);
      w.write(2, 'Conditions:\n');
      const ready = e.conditions?.ready;
      w.write(3, `Ready:\t${ready === undefined || ready === null ? '<unset>' : String(ready)}\n`);
      w.write(2, `Hostname:\t${e.hostname ?? '<unset>'}\n`);
      if (e.targetRef) w.write(2, `TargetRef:\t${e.targetRef.kind ?? ''}/${e.targetRef.name ?? ''}\n`);
      w.write(2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`);
      w.write(2, `Zone:\t${e.zone ?? '<unset>'}\n`);
    }
  }
  if (events) describeEvents(w, events, ctx.now());
  return w.text();
}
