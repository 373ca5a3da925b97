// kubectl describe (TYPE [NAME_PREFIX] | TYPE/NAME ... | -l SELECTOR): the builder reads the
// objects first, continuing past errors, then each object's describer reads it again with what
// surrounds it. A single missing name falls back to describing every object with that prefix.

import { bool, boolFlag, intFlag, sliceFlag, str, stringFlag, type FlagSpec } from '../flags.ts';
import { describerFor, type DescriberSettings } from '../describe/index.ts';
import { accept } from '../rest/client.ts';
import { encodeQuery, resourcePath } from '../rest/paths.ts';
import { AggregateError, isNotFound, KubectlError } from '../rest/errors.ts';
import type { RESTMapping } from '../restmapper.ts';
import type { Command, CommandContext } from './command.ts';
import { caller } from '../rest/body_log.ts';
import { resolveResourceArgs, type ResourceRequest } from '../resource/args.ts';
import { filenamesOf, objectsFromFiles } from '../resource/from_files.ts';

const flags: FlagSpec[] = [
  boolFlag('all-namespaces', 'A'),
  intFlag('chunk-size', undefined, 500),
  sliceFlag('filename', 'f'),
  stringFlag('kustomize', 'k'),
  boolFlag('recursive', 'R'),
  stringFlag('selector', 'l'),
  boolFlag('show-events', undefined, true),
];

interface Obj {
  metadata?: { name?: string; namespace?: string };
  items?: Obj[];
}

type Target = ResourceRequest;

/** One object the builder found. */
interface Info {
  mapping: RESTMapping;
  namespace: string;
  name: string;
}


async function targetsFor(ctx: CommandContext, args: string[]): Promise<Target[]> {
  return (await resolveResourceArgs(ctx, args)).requests;
}

const chunkSize = (ctx: CommandContext) => Number(ctx.flags.values.get('chunk-size') ?? 500);
const settingsOf = (ctx: CommandContext): DescriberSettings => ({ showEvents: bool(ctx.flags, 'show-events'), chunkSize: chunkSize(ctx) });
const limit = (ctx: CommandContext) => (chunkSize(ctx) > 0 ? String(chunkSize(ctx)) : undefined);

/** The builder's visit of one target: its objects as infos, read as unstructured JSON. */
async function visit(ctx: CommandContext, target: Target, namespace: string | undefined, selector: string): Promise<Info[]> {
  const r = target.mapping.resource;
  const gr = { group: r.group, resource: r.name };
  const infoOf = (o: Obj): Info => ({ mapping: target.mapping, namespace: r.namespaced ? (o.metadata?.namespace ?? '') : '', name: o.metadata?.name ?? '' });
  if (target.name !== undefined) {
    const obj = await ctx.client().getJSON<Obj>({ caller: caller.resourceGet, path: resourcePath(r, namespace, target.name), accept: accept.json, resource: gr, name: target.name });
    return [infoOf(obj)];
  }
  const list = await ctx.client().getJSON<Obj>({ caller: caller.resourceList,
    path: resourcePath(r, namespace) + encodeQuery({ labelSelector: selector || undefined, limit: limit(ctx) }),
    accept: accept.json,
    resource: gr,
  });
  return (list.items ?? []).map(infoOf);
}

/** DescribeMatchingResources: every object of the first argument's type whose name starts with the prefix. */
async function describeMatching(ctx: CommandContext, settings: DescriberSettings, originalError: Error): Promise<void> {
  const [resourceArg, prefix] = ctx.args as [string, string];
  const [target] = await targetsFor(ctx, [resourceArg]);
  const infos = await visit(ctx, target!, ctx.namespace, '');
  const describe = describerFor(target!.mapping);
  let found = false;
  for (const info of infos) {
    if (!info.name.startsWith(prefix)) continue;
    found = true;
    ctx.out(`${await describe(ctx, info.namespace, info.name, settings)}\n`);
  }
  if (!found) throw originalError;
}

export const describeCommand: Command = {
  name: 'describe',
  flags,
  async run(ctx) {
    if (filenamesOf(ctx).length > 0) {
      const allNamespaces = bool(ctx.flags, 'all-namespaces');
      // The objects as the files have them: each describer reads its object from the server.
      const { found, error } = await objectsFromFiles(ctx);
      const infos = found.map(({ info }) => ({ mapping: info.mapping, namespace: info.namespace, name: info.name }));
      await describeInfos(ctx, infos, error ? [error] : [], allNamespaces);
      return;
    }
    if (ctx.args.length === 0) {
      throw new KubectlError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
    }
    const allNamespaces = bool(ctx.flags, 'all-namespaces');
    const settings = settingsOf(ctx);
    const targets = await targetsFor(ctx, ctx.args);
    if (allNamespaces && targets.some((t) => t.name !== undefined)) throw new KubectlError('a resource cannot be retrieved by name across all namespaces');
    const namespace = allNamespaces ? undefined : ctx.namespace;
    const selector = str(ctx.flags, 'selector');

    const infos: Info[] = [];
    const errors: Error[] = [];
    for (const target of targets) {
      try {
        infos.push(...(await visit(ctx, target, namespace, selector)));
      } catch (e) {
        errors.push(e as Error);
      }
    }
    if (errors.length === 1 && isNotFound(errors[0]) && ctx.args.length === 2) return describeMatching(ctx, settings, errors[0]!);
    await describeInfos(ctx, infos, errors, allNamespaces);
  },
};

/** Each object through its kind's describer, blank lines between; the builder's errors first. */
async function describeInfos(ctx: CommandContext, infos: Info[], errors: Error[], allNamespaces: boolean): Promise<void> {
  const settings = settingsOf(ctx);
  // The describer errors, each message once.
  const seen = new Set<string>();
  let first = true;
  for (const info of infos) {
    try {
      const text = await describerFor(info.mapping)(ctx, info.namespace, info.name, settings);
      ctx.out(first ? text : `\n\n${text}`);
      first = false;
    } catch (e) {
      if (seen.has((e as Error).message)) continue;
      seen.add((e as Error).message);
      errors.push(e as Error);
    }
  }
  if (infos.length === 0 && errors.length === 0) {
    ctx.err(allNamespaces ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`);
  }
  if (errors.length > 0) throw new AggregateError(errors);
}
