// describe.DescriberFor: kubectl's specific describers by group and kind; every other kind
// goes to the generic describer. Each describer reads the object again and what it needs
// around it, in the order kubectl sends those requests.

import type { CommandContext } from '../cmd/command.ts';
import type { RESTMapping } from '../restmapper.ts';
import { accept } from '../rest/client.ts';
import { resourcePath } from '../rest/paths.ts';
import { describeConfigMap, describeNamespace, describeSecret } from './config.ts';
import { eventsFor, type DescriberSettings } from './events.ts';
import { core, getTyped } from './fetch.ts';
import { describeGeneric } from './generic.ts';
import { describeEndpoints, describeEndpointSlice, describeService } from './network.ts';
import { describeNode } from './node.ts';
import { describePod, type PodLike } from './pod.ts';
import { describeDeployment, describeReplicaSet } from './workloads.ts';
import { caller } from '../rest/body_log.ts';

export type { DescriberSettings } from './events.ts';

/** ResourceDescriber.Describe(namespace, name, settings) */
type Describer = (ctx: CommandContext, namespace: string, name: string, settings: DescriberSettings) => Promise<string>;

/** PodDescriber: events without a kind, under the mirror pod's uid for a static pod. */
const podDescriber: Describer = async (ctx, namespace, name, settings) => {
  const pod = await getTyped<PodLike>(ctx, core('pods'), namespace, name);
  const meta = pod.metadata ?? {};
  const uid = meta.annotations?.['kubernetes.io/config.mirror'] ?? meta.uid;
  const events = await eventsFor(ctx, { name: meta.name ?? name, namespace: meta.namespace ?? '', uid }, settings);
  return describePod(pod, events, ctx.now());
};

const describers: Record<string, Describer> = {
  '/Pod': podDescriber,
  '/Node': describeNode,
  '/Service': describeService,
  '/Endpoints': describeEndpoints,
  '/Namespace': describeNamespace,
  '/ConfigMap': describeConfigMap,
  '/Secret': describeSecret,
  'apps/Deployment': describeDeployment,
  'apps/ReplicaSet': describeReplicaSet,
  'discovery.k8s.io/EndpointSlice': describeEndpointSlice,
};

/** genericDescriber: the object read through the dynamic client, its fields, its events. */
function genericDescriber(mapping: RESTMapping): Describer {
  return async (ctx, namespace, name, settings) => {
    const r = mapping.resource;
    const obj = await ctx.client().getJSON<Record<string, unknown> & { kind?: string; metadata?: { namespace?: string; uid?: string } }>({ caller: caller.dynamicGet,
      path: resourcePath(r, namespace, name),
      accept: accept.json,
      resource: { group: r.group, resource: r.name },
      name,
    });
    const events = await eventsFor(ctx, { name, namespace: obj.metadata?.namespace ?? '', kind: obj.kind ?? r.kind, uid: obj.metadata?.uid }, settings);
    return describeGeneric(obj, events, ctx.now());
  };
}

/** describe.Describer: the specific describer for the mapping's kind, else the generic one. */
export function describerFor(mapping: RESTMapping): Describer {
  const r = mapping.resource;
  return describers[`${r.group}/${r.kind}`] ?? genericDescriber(mapping);
}
