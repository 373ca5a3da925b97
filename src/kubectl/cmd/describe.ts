// kubectl describe TYPE [NAME_PREFIX] | TYPE/NAME: the object read twice (the builder, then the
// describer), its events searched by field selector, and the generic describer's text.

import { bool, boolFlag, intFlag, arrayFlag, str, stringFlag, type FlagSpec } from '../flags.ts';
import { describeGeneric, type CoreEvent } from '../describe/generic.ts';
import { accept } from '../rest/client.ts';
import { encodeQuery, resourcePath } from '../rest/paths.ts';
import { KubectlError, StatusError } from '../rest/errors.ts';
import type { RESTMapping } from '../restmapper.ts';
import type { Command, CommandContext } from './command.ts';

const flags: FlagSpec[] = [
  boolFlag('all-namespaces', 'A'),
  intFlag('chunk-size', undefined, 500),
  arrayFlag('filename', 'f'),
  stringFlag('kustomize', 'k'),
  boolFlag('recursive', 'R'),
  stringFlag('selector', 'l'),
  boolFlag('show-events', undefined, true),
];

interface Obj {
  metadata?: { name?: string; namespace?: string; uid?: string };
  kind?: string;
  apiVersion?: string;
  items?: Obj[];
}

async function describeOne(ctx: CommandContext, mapping: RESTMapping, obj: Obj): Promise<string> {
  const r = mapping.resource;
  const name = obj.metadata?.name ?? '';
  const namespace = r.namespaced ? (obj.metadata?.namespace ?? ctx.namespace) : undefined;
  // The generic describer reads the object again through the dynamic client.
  const fresh = await ctx.client().getJSON<Obj & Record<string, unknown>>({
    path: resourcePath(r, namespace, name),
    accept: accept.json,
    resource: { group: r.group, resource: r.name },
    name,
  });
  let events: CoreEvent[] | undefined;
  if (bool(ctx.flags, 'show-events')) {
    const selector = [
      `involvedObject.name=${name}`,
      `involvedObject.namespace=${namespace ?? ''}`,
      `involvedObject.kind=${fresh.kind ?? r.kind}`,
      `involvedObject.uid=${fresh.metadata?.uid ?? ''}`,
    ].join(',');
    const path = (namespace ? `/api/v1/namespaces/${namespace}/events` : '/api/v1/events') + encodeQuery({ fieldSelector: selector, limit: '500' });
    try {
      const list = await ctx.client().getJSON<{ items?: CoreEvent[] }>({ path, accept: accept.protobufPreferred });
      events = list.items ?? [];
    } catch {
      // kubectl ignores a failed event search.
      events = undefined;
    }
  }
  return describeGeneric(fresh, events, ctx.now());
}

export const describeCommand: Command = {
  name: 'describe',
  flags,
  async run(ctx) {
    if (ctx.args.length === 0) {
      throw new KubectlError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
    }
    const mapper = await ctx.mapper();
    const allNamespaces = bool(ctx.flags, 'all-namespaces');
    const targets: { mapping: RESTMapping; name?: string }[] = [];
    if (ctx.args.every((a) => a.includes('/'))) {
      for (const a of ctx.args) targets.push({ mapping: mapper.mappingFor(a.slice(0, a.indexOf('/'))), name: a.slice(a.indexOf('/') + 1) });
    } else {
      const types = ctx.args[0]!.split(',');
      const mappings = types.flatMap((t) => (mapper.expandCategory(t) ?? [t]).map((x) => mapper.mappingFor(x)));
      const names = ctx.args.slice(1);
      for (const m of mappings) {
        if (names.length === 0) targets.push({ mapping: m });
        else for (const n of names) targets.push({ mapping: m, name: n });
      }
    }
    const outputs: string[] = [];
    for (const { mapping, name } of targets) {
      const r = mapping.resource;
      const namespace = allNamespaces ? undefined : ctx.namespace;
      const gr = { group: r.group, resource: r.name };
      if (name !== undefined) {
        try {
          const obj = await ctx.client().getJSON<Obj>({ path: resourcePath(r, namespace, name), accept: accept.json, resource: gr, name });
          outputs.push(await describeOne(ctx, mapping, obj));
        } catch (e) {
          if (!(e instanceof StatusError && e.status.reason === 'NotFound' && ctx.args.length === 2)) throw e;
          // DescribeMatchingResources: the name may be a prefix of existing objects.
          const list = await ctx.client().getJSON<Obj>({ path: resourcePath(r, namespace) + encodeQuery({ limit: '500' }), accept: accept.json, resource: gr });
          const matches = (list.items ?? []).filter((o) => (o.metadata?.name ?? '').startsWith(name));
          if (matches.length === 0) throw e;
          for (const m of matches) outputs.push(await describeOne(ctx, mapping, m));
        }
      } else {
        const selector = str(ctx.flags, 'selector');
        const list = await ctx.client().getJSON<Obj>({
          path: resourcePath(r, namespace) + encodeQuery({ labelSelector: selector || undefined, limit: String(ctx.flags.values.get('chunk-size') ?? 500) }),
          accept: accept.json,
          resource: gr,
        });
        for (const o of list.items ?? []) outputs.push(await describeOne(ctx, mapping, o));
      }
    }
    if (outputs.length === 0 && targets.every((t) => t.name === undefined)) {
      if (allNamespaces || targets.some((t) => !t.mapping.resource.namespaced)) ctx.err('No resources found\n');
      else ctx.err(`No resources found in ${ctx.namespace} namespace.\n`);
      return;
    }
    ctx.out(outputs.join('\n\n'));
  },
};
