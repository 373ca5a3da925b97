// The Namespace, ConfigMap and Secret describers.

import type { CommandContext } from '../cmd/command.ts';
import { isNotFound } from '../rest/errors.ts';
import { formattedQuantityOf, quantityString } from '../quantity.ts';
import { describeEvents, limitParam, searchEvents, type DescriberSettings } from './events.ts';
import { core, getTyped, listTyped, type Json, type Meta } from './fetch.ts';
import { DescribeWriter, printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from './writer.ts';




/** A list the server may not serve: undefined when it answers NotFound. */
async function optionalList(ctx: CommandContext, resource: string, namespace: string, settings: DescriberSettings): Promise<Json[] | undefined> {
  try {
    return await listTyped<Json>(ctx, core(resource), namespace, { limit: limitParam(settings) });
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

const q = (v: unknown) => quantityString(formattedQuantityOf(v));

function describeResourceQuotas(w: DescribeWriter, quotas: Json[]): void {
  if (quotas.length === 0) {
    w.write(0, 'No resource quota.\n');
    return;
  }
  w.write(0, 'Resource Quotas\n');
  for (const quota of [...quotas].sort((a, b) => (a.metadata?.name < b.metadata?.name ? -1 : 1))) {
    w.write(1, `Name:\t${quota.metadata?.name ?? ''}\n`);
    const scopes = [...((quota.spec?.scopes as string[] | undefined) ?? [])].sort();
    if (scopes.length > 0) w.write(1, `Scopes:\t${scopes.join(', ')}\n`);
    w.write(1, 'Resource\tUsed\tHard\n');
    w.write(1, '--------\t---\t---\n');
    const hard = (quota.status?.hard as Json | undefined) ?? {};
    for (const r of Object.keys(hard).sort()) w.write(1, `${r}\t${q(quota.status?.used?.[r])}\t${q(hard[r])}\n`);
  }
}

function describeLimitRanges(w: DescribeWriter, ranges: Json[]): void {
  if (ranges.length === 0) {
    w.write(0, 'No LimitRange resource.\n');
    return;
  }
  w.write(0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const range of ranges) {
    for (const item of (range.spec?.limits as Json[] | undefined) ?? []) {
      const lists = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio] as (Json | undefined)[];
      const names = new Set<string>();
      for (const l of lists) for (const k of Object.keys(l ?? {})) names.add(k);
      for (const name of names) {
        const cells = lists.map((l) => (l && name in l ? q(l[name]) : '-'));
        w.write(0, ` ${item.type ?? ''}\t${name}\t${cells.join('\t')}\n`);
      }
    }
  }
}

/** NamespaceDescriber: no events, but the namespace's quotas and limit ranges. */
export async function describeNamespace(ctx: CommandContext, _namespace: string, name: string, settings: DescriberSettings): Promise<string> {
  const ns = await getTyped<{ metadata: Meta; status?: Json }>(ctx, core('namespaces', false), '', name);
  const quotas = await optionalList(ctx, 'resourcequotas', name, settings);
  const limitRanges = await optionalList(ctx, 'limitranges', name, settings);
  const w = new DescribeWriter();
  w.write(0, `Name:\t${ns.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', ns.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations);
  w.write(0, `Status:\t${ns.status?.phase ?? ''}\n`);
  const conditions = (ns.status?.conditions as Json[] | undefined) ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t------------------\t------\t-------\n');
    for (const c of conditions) w.write(1, `${c.type ?? ''}\t${c.status ?? ''}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
  }
  if (quotas) {
    w.write(0, '\n');
    describeResourceQuotas(w, quotas);
  }
  if (limitRanges) {
    w.write(0, '\n');
    describeLimitRanges(w, limitRanges);
  }
  return w.text();
}

/** ConfigMapDescriber. Go prints the data in map order; sorted keys are the one order a single key shares. */
export async function describeConfigMap(ctx: CommandContext, namespace: string, name: string, settings: DescriberSettings): Promise<string> {
  const cm = await getTyped<{ metadata: Meta; data?: Record<string, string>; binaryData?: Record<string, string> }>(ctx, core('configmaps'), namespace, name);
  const w = new DescribeWriter();
  w.write(0, `Name:\t${cm.metadata.name}\n`);
  w.write(0, `Namespace:\t${cm.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', cm.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', cm.metadata.annotations);
  w.write(0, '\nData\n====\n');
  for (const [k, v] of Object.entries(cm.data ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) w.write(0, `${k}:\n----\n${v}\n\n`);
  w.write(0, '\nBinaryData\n====\n');
  for (const [k, v] of Object.entries(cm.binaryData ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) w.write(0, `${k}: ${base64Length(v)} bytes\n`);
  w.write(0, '\n');
  if (settings.showEvents) describeEvents(w, await searchEvents(ctx, { name: cm.metadata.name, namespace: cm.metadata.namespace ?? '', kind: 'ConfigMap', uid: cm.metadata.uid }, settings), ctx.now());
  return w.text();
}

/** The decoded length of a base64 value. */
function base64Length(v: string): number {
  const clean = v.replace(/=+$/, '');
  return Math.floor((clean.length * 3) / 4);
}

/** SecretDescriber: no values, only their sizes (a service account token is shown). */
export async function describeSecret(ctx: CommandContext, namespace: string, name: string, _settings: DescriberSettings): Promise<string> {
  const secret = await getTyped<{ metadata: Meta; type?: string; data?: Record<string, string> }>(ctx, core('secrets'), namespace, name);
  const w = new DescribeWriter();
  w.write(0, `Name:\t${secret.metadata.name}\n`);
  w.write(0, `Namespace:\t${secret.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', secret.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', secret.metadata.annotations);
  w.write(0, `\nType:\t${secret.type ?? ''}\n`);
  w.write(0, '\nData\n====\n');
  for (const [k, v] of Object.entries(secret.data ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (k === 'token' && secret.type === 'kubernetes.io/service-account-token') w.write(0, `${k}:\t${atob(v)}\n`);
    else w.write(0, `${k}:\t${base64Length(v)} bytes\n`);
  }
  return w.text();
}

